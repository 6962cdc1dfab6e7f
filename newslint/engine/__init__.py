"""Stage 3: rules run on an Analysis and yield Findings.

``rules`` loads and validates the YAML rule packs; ``kind`` is the base a rule kind builds on and
``kinds/`` holds one module per kind (``support/`` their shared helpers); ``linter`` resolves the
rules for a file and runs them; ``runner`` lints many files (process pool, result cache);
``selftest`` runs the rules' flag/pass examples.
"""
