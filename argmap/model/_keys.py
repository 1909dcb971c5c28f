"""The order in which map files list their keys: the order people read them in."""

MAP_KEYS = (
    "argmap", "id", "title", "description", "source", "authors", "bibliography",
    "uses", "actors", "schemes", "nodes", "relations", "meta",
)  # fmt: skip
NODE_KEYS = (
    "id", "kind", "thesis", "direction", "weight", "status", "standard", "title", "text",
    "actor", "tags", "cites", "answers", "note", "meta",
)  # fmt: skip
RELATION_KEYS = (
    "id", "kind", "from", "to", "weight", "scheme", "answers", "note", "cites", "meta",
)  # fmt: skip
CITATION_KEYS = ("key", "locator", "quote", "note")
ACTOR_KEYS = ("id", "name", "description", "meta")
#: The documented key order of each model, by class name, for messages.
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "ArgumentMap": MAP_KEYS,
    "Claim": NODE_KEYS,
    "Evidence": NODE_KEYS,
    "Factor": NODE_KEYS,
    "Question": NODE_KEYS,
    "Relation": RELATION_KEYS,
    "Citation": CITATION_KEYS,
    "Actor": ACTOR_KEYS,
}
