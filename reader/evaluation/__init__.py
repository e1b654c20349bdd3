"""Scoring the analysis against hand-checked gold (``shared/eval/seeds`` format)."""
