"""Gradio chat web UI."""
