"""Use cases: each opens one unit of work (one transaction), does one thing, and commits."""
