"""Allow ``python -m newslint``."""

from newslint.cli import main

raise SystemExit(main())
