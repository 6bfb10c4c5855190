"""Loket: één loket voor initiatiefnemers en sociaal ondernemers."""

__version__ = "0.1.0"
