"""Entry point of the frozen bundle: the same command line as the ``sromod`` script."""

from sromod.cli import main

raise SystemExit(main())
