"""HTTP API (aiohttp) and webhooks."""
