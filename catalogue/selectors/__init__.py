"""Page-specific queries, one module per concern; views call these and render."""
