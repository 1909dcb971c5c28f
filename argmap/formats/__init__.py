"""Readers and writers of every file format argmap speaks, one module per format."""
