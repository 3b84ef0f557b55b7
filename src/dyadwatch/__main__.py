"""`python -m dyadwatch` runs the command line."""

from dyadwatch.cli.app import main

main()
