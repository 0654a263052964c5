"""The PySide6 workbench: the only package that imports Qt (QtCore, QtGui, QtWidgets)."""
