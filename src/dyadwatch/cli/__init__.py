"""The dyadwatch command line (Typer). Each command is a thin wrapper over dyadwatch.jobs."""
