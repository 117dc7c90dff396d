"""Use cases, one function each. They work inside the caller's unit of work (one Session,
one transaction): a chat update, a job run or a command opens it, and commits it as a whole,
so that the record that an update was processed commits together with what it changed."""
