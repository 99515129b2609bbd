"""`python -m hpceval`: the same command line as `hpceval`."""

from hpceval.harness.cli import main

main()
