"""Stage 4: what every front end does to the rules' findings before reporting them.

:func:`apply_filters` (``stage``) runs, in order: inline suppression (``suppress``), the level
floor, one defect one finding (``fold``), the baseline (``baseline``) and changed lines
(``changed_lines``); safe fixes (``fixes``) are applied to what is left.
"""

from newslint.filters.stage import FilterCounts, FilterSettings, apply_filters

__all__ = ["FilterCounts", "FilterSettings", "apply_filters"]
