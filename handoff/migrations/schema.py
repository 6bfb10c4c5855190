"""Columns and constraints for the migrations' `op.create_table`: one spelling of each column
type, and the constraint names of the models' naming convention (handoff.models).

Migrations that ran long ago use these on every new database: never change what one makes."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op


def integer(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def string(name: str, length: int, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def text(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def json(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.JSON(), nullable=nullable)


def boolean(name: str, *, nullable: bool = False, server_default: Any = None) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), server_default=server_default, nullable=nullable)


def moment(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    """A date and time with its time zone."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def primary_key(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def unique(table: str, column: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(column, name=op.f(f"uq_{table}_{column}"))


def foreign_key(
    table: str, column: str, referred: str, *, ondelete: str
) -> sa.ForeignKeyConstraint:
    """`table.column` refers to `referred.id`."""
    return sa.ForeignKeyConstraint(
        [column],
        [f"{referred}.id"],
        name=op.f(f"fk_{table}_{column}_{referred}"),
        ondelete=ondelete,
    )
