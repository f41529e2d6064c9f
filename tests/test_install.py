"""The installed package is whole: every module imports, and the declared dependencies agree.

CI runs the suite in a new virtual environment made from ``pyproject.toml`` alone, so a module
that needs a package nobody declared fails here, not on a user's machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import cislib


def _modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(cislib.__path__, prefix="cislib."))


@pytest.mark.parametrize("name", _modules())
def test_every_module_imports(name):
    importlib.import_module(name)


def test_optional_paths_have_their_packages():
    """Imports made inside functions (only on some paths) name declared packages too."""
    # pivot MDS lays out big networks (scipy); pictures (matplotlib); the page (pyvis).
    for name in ("scipy.sparse.csgraph", "numpy", "matplotlib.pyplot", "pyvis", "pymorphy3"):
        importlib.import_module(name)


def test_big_network_layout_runs():
    """The layout of a large connected network (pivot MDS, the path that needs scipy)."""
    import networkx as nx

    from cislib.network.layout import pivot_mds

    graph = nx.grid_2d_graph(25, 25)
    graph = nx.relabel_nodes(graph, {node: f"{node[0]}-{node[1]}" for node in graph})
    layout = pivot_mds(graph)
    assert len(layout) == 625
    assert len({tuple(round(c, 6) for c in xy) for xy in layout.values()}) > 600


def test_pip_check_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
