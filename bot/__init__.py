"""Wiring: settings, database, translations, channels, the command line and the app entry point."""
