"""Segmentation, entities and figures over an Article's text."""
