"""The review window: annotators side by side, their disagreements, and the gold decided."""
