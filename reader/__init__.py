"""Reader: a desktop reader for Chinese business and technology news."""

__version__ = "0.2.0"
