"""YAML loading that remembers line numbers, so errors can point staff to the right line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from routing.errors import RulesError


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows the line (1-based) it starts on."""

    line: int = 0


# libyaml's parser when available (several times faster at start-up); same safe constructors.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise RulesError(f"line {key_node.start_mark.line + 1}: key {key!r} appears twice")
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; mappings become LineDicts. Errors name the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: safe
    except RulesError as exc:
        raise RulesError(f"{path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: invalid YAML: {exc}") from exc


def line_of(value: object) -> int:
    return value.line if isinstance(value, LineDict) else 0
