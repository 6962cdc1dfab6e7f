"""On-disk caches: derived data tables (``disk_cache``) and lint results (``result_cache``)."""
