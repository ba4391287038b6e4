"""The command-line interface (``wirewatch``)."""
