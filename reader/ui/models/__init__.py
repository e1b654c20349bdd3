"""Item models over tuples of core objects; each has a role that returns the object itself."""
