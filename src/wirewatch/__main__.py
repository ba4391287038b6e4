"""``python -m wirewatch``: the same as the ``wirewatch`` command."""
from wirewatch.cli.main import main

main()
