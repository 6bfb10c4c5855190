"""A folder of municipalities for tests: links to the repository's own (Delft, Haarlem,
Rotterdam), in a folder of the test's own, so the stack and the registry of a test session
read exactly what is committed under data/municipalities/."""

from __future__ import annotations

from pathlib import Path

from routing import municipalities_dir


def build(root: Path, source: Path | None = None) -> Path:
    """`root` filled with links to the municipalities of `source` (the repository's by
    default); returns `root`."""
    source = source or municipalities_dir()
    root.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        (root / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    return root
