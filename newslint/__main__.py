"""Allow ``python -m newslint``."""

from newslint.frontends.cli import main

raise SystemExit(main())
