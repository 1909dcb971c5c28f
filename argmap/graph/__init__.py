"""The map as a graph: graph algorithms over a map, and its networkx graph.

:func:`argmap.from_networkx`, which reads a graph back, is a reader: see
:mod:`argmap.formats.networkx`.
"""

from argmap.graph.algorithms import (
    SUPPORT_KINDS,
    SupportCycle,
    chain_heights,
    components,
    connected_to,
    neighbourhood,
    relation_endpoints,
    support_closure,
    support_cycles,
    supporters,
    topological_order,
)
from argmap.graph.convert import junction_key, to_networkx

__all__ = [
    "SUPPORT_KINDS",
    "SupportCycle",
    "chain_heights",
    "components",
    "connected_to",
    "junction_key",
    "neighbourhood",
    "relation_endpoints",
    "support_closure",
    "support_cycles",
    "supporters",
    "to_networkx",
    "topological_order",
]
