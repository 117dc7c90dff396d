"""Schedules and background work: the outbox dispatcher, nudges, escalations, digests."""
