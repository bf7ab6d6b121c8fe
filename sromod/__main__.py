from sromod.cli import main

raise SystemExit(main())
