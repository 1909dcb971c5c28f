"""Corpora: maps that build on each other's nodes, read, resolved and analysed together."""

from argmap.corpus.graph import corpus_to_networkx
from argmap.corpus.model import Corpus, ResolvedReference
from argmap.corpus.reading import read_maps

__all__ = ["Corpus", "ResolvedReference", "corpus_to_networkx", "read_maps"]
