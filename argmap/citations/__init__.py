"""Citations: bibliographies, the sources a map cites, and their exports."""
