"""The hand coding of petr2_gsr by the gold conventions (benchmarks/petr_ceiling.py) covers
every record and stays what it documents: a coder following CONVENTIONS.md falls well short of
the 0.80 pair-root F1 on labels that follow PETRARCH2's conventions."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "petr_ceiling.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("petr_ceiling", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conventions_coding_covers_petr2_gsr_and_stays_below_its_target(
        shared_dir: Path) -> None:
    scores, conflicts, total = _script().ceiling(shared_dir)
    pair_root = scores["pair-root"]
    assert pair_root.expected == 78 and total == 80
    assert pair_root.f1 < 0.80  # the target on these labels
    assert sum(conflicts.values()) >= 20  # gold events the conventions contradict
