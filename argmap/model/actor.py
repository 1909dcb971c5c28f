"""Actors: the parties an argument is about (states, governments, alliances)."""

from __future__ import annotations

from pydantic import Field

from argmap.model._base import Id, Meta, Model, Text


class Actor(Model):
    """A party the argument is about; nodes may name one by id.

    >>> Actor(id="japan", name="Japan").name
    'Japan'
    """

    id: Id
    name: Text
    description: Text | None = None
    meta: Meta = Field(default_factory=dict)
