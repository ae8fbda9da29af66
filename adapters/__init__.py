"""The outside world: the command-line interface, stores, logging and file formats."""
