"""Turning article files into one clean canonical text with structure."""
