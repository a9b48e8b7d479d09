"""Revision scripts (a package, so a non-editable install ships them)."""
