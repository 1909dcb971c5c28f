"""Reviews of maps: what a reviewer asks of each inference and claim, as data and as a
report in Markdown, HTML or JSON.

>>> from argmap.formats.mapfile import read_map
>>> review = review_map(read_map("maps/shagina-2018-japan-sanctions.yaml"))
>>> [i.relation.id for i in review.inferences if i.scheme_id == "value-based-practical-reasoning"]
['r-balance']
"""

from argmap.review.report import (
    CrossMapSupport,
    EvidenceGap,
    InferenceReview,
    MapReview,
    QuestionReview,
    Reason,
    Ref,
    Rejection,
    SourceGroup,
    dump_reviews,
    review_data,
    review_map,
)

__all__ = [
    "CrossMapSupport",
    "EvidenceGap",
    "InferenceReview",
    "MapReview",
    "QuestionReview",
    "Reason",
    "Ref",
    "Rejection",
    "SourceGroup",
    "dump_reviews",
    "review_data",
    "review_map",
]
