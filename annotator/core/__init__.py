"""Pure-Python domain: text, model, schema, commands, review. Never imports Qt or SQLAlchemy."""
