"""The Zalo Bot Platform: our HTTP client, its updates, our renderer, and the channel."""
