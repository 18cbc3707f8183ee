"""Readers of raw files, one per kind: each returns (frame, rejects)."""
