"""The compiled build: with NEWSCLEAN_COMPILE=1, a wheel's engine modules (extract/ and
decoding/) are C extensions made by mypyc from their type annotations, beside the Python
modules they are made from (an extension is imported first). See the README's "The
compiled build".

Only a wheel is compiled, never an editable install: a module edited in a checkout is the
module that runs. The sources are compiled in a copy, so nothing is left in the tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SWITCH = "NEWSCLEAN_COMPILE"
COMPILED = ("newsclean/extract", "newsclean/decoding")
# fallback.py runs on a few pages only, and tests stand in for trafilatura there.
KEPT_PYTHON = ("__init__.py", "fallback.py")
# What mypyc needs besides the package's dependencies: mypy and the stubs, to check the
# modules as strictly as the project does, and setuptools, which it builds with (an
# isolated build environment has none).
CHECK_WITH = ("mypy>=1.10", "setuptools>=70", "lxml-stubs>=0.5",
              "types-python-dateutil>=2.9", "types-requests>=2.31")


def asked() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() in ("1", "true", "yes")


class CompiledBuild(BuildHookInterface):  # type: ignore[type-arg]
    def dependencies(self) -> list[str]:
        return [*CHECK_WITH, *self.metadata.core.dependencies] if asked() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if not asked() or self.target_name != "wheel" or version != "standard":
            return
        self._work = Path(tempfile.mkdtemp(prefix="newsclean-compile-"))
        try:
            built = self._compile(self._work / "src")
        except BaseException:
            shutil.rmtree(self._work, ignore_errors=True)
            raise
        for path, name in built:
            build_data["force_include"][str(path)] = name
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _compile(self, sources: Path) -> list[tuple[Path, str]]:
        """The extensions mypyc makes of a copy of the sources, with their paths in the
        wheel."""
        shutil.copytree(Path(self.root) / "src", sources,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
        modules = sorted(str(path.relative_to(sources))
                         for folder in COMPILED for path in (sources / folder).rglob("*.py")
                         if path.name not in KEPT_PYTHON)
        subprocess.run([sys.executable, "-m", "mypyc", "--config-file",
                        str(Path(self.root) / "pyproject.toml"), *modules],
                       cwd=sources, check=True)
        built = [path for pattern in ("*.so", "*.pyd") for path in sorted(sources.rglob(pattern))
                 if "build" not in path.relative_to(sources).parts]
        if not built:
            raise RuntimeError("mypyc made no extension module")
        return [(path, path.relative_to(sources).as_posix()) for path in built]

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
