"""SQLAlchemy 2 storage: typed models, Alembic migrations, the repository the commands use."""
