"""Loket's handoff service: stores cases, delivers intake summaries to partners, serves staff."""

__version__ = "0.1.0"
