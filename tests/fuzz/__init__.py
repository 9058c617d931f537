"""The property-based fuzz test of calcweb's public API (issue 14)."""
