"""`python -m toponyms` runs the command line."""

from toponyms.cli import main

main()
