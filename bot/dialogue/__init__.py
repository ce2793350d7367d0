"""Dialogue state, policy and the live user profile."""
