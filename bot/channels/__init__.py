"""Messaging-platform channels (webhooks and senders)."""
