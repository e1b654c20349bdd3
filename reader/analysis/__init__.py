"""Segmentation, entities and metrics over an Article's text."""
