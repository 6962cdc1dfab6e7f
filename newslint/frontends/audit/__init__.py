"""``newslint audit``: an archive's findings and per-document figures as Parquet, on Dask.

The modules, in the order a run uses them:

- :mod:`.sources`: what to audit (article files and folders, JSONL/CSV/Parquet exports) as a
  stream of :class:`~.sources.Item`, read lazily so an archive never sits in memory whole;
- :mod:`.partitions`: items cut into partitions of a fixed amount of text (each a Dask task);
- :mod:`.worker`: the task, run on a Dask worker with a per-process linter loaded once;
- :mod:`.cluster`: an embedded ``LocalCluster`` (workers forked from the warm driver) or a
  scheduler given by address, and the bounded submit loop;
- :mod:`.output`: Parquet datasets written partition by partition, and the manifest that makes
  a re-run resume;
- :mod:`.dashboard` and :mod:`.charts`: the self-contained HTML page;
- :mod:`.command`: the command line front end that ties them together.

Needs the ``audit`` extra (``pip install 'newslint[audit]'``): dask, distributed, pyarrow and
altair with vl-convert (Vega-Lite, rendered in the page by JavaScript that is inlined).
"""
