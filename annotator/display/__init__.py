"""Arabic for renderers that cannot shape it: terminals and old matplotlib. Never for Qt."""
