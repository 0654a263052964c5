"""Put on PYTHONPATH to make `import PySide6` fail, as on a machine without Qt."""

import importlib.abc
import sys


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ModuleNotFoundError(f"No module named {name!r} (blocked: no Qt here)", name=name)
        return None


sys.meta_path.insert(0, _NoQt())
