"""One module per ``annotator`` subcommand: ``register(sub, common)`` and ``run(args)``."""
