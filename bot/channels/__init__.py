"""The chat apps: one `Channel` interface, a class per app (Telegram, Zalo, the terminal)."""
