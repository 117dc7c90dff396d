"""Channel-agnostic conversation: an incoming event and its sender in, a list of replies out."""
