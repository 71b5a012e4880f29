"""Hydra 1.3's BasicSweeper expansion of a sweep, as `python -m` multirun does before launching:
parse the overrides, then `BasicSweeper.split_arguments` (the Cartesian product, materialised).

    python hydra_expand.py OVERRIDE...        prints the number of cells
"""
import sys

from hydra._internal.core_plugins.basic_sweeper import BasicSweeper
from hydra.core.override_parser.overrides_parser import OverridesParser

overrides = OverridesParser.create().parse_overrides(sys.argv[1:])
batches = BasicSweeper.split_arguments(overrides, None)
print(sum(len(b) for b in batches))
