"""Reading coordinators' questions: the reading's values, the plan vocabulary, the reader."""
