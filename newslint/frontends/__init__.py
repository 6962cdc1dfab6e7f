"""Stage 6: the ways in: the command line (``cli``) and the Python API (``api``)."""
