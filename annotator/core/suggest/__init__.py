"""Suggestions that learn from the annotator's own spans: units, two engines, evaluation.

Pure Python apart from the sequence model's optional ``pycrfsuite`` (the ``suggest`` extra),
imported only when a model is trained or applied. Storage, the door and the command line are
``annotator.workspace.suggestions``'s business.
"""
