"""Session stores: SQLite (default) and Redis."""
