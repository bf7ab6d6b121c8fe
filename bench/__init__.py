"""The benchmark of DESIGN.md's "Figures to reach": ``python3 -m bench.run [--quick]``."""
