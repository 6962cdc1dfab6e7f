"""Shared test helpers: paths to the project, the sample article and the optional eval data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
BENCHMARKS = ROOT / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    # the eval tests re-measure with the benchmark scripts, which import their core as ``core``
    sys.path.insert(0, str(BENCHMARKS))


#: lines of the sample article an editor accepts as they are: no rule may warn on them
SEED_ACCEPTED_LINES = (
    "The province is home to some 3 million people",
    "Thousands of refugees had fled to Turkey",
    "Trump has already launched two retaliatory strikes",
    "At least 74 people died.",
    "Turkish President Tayyip Erdogan pushed for a ceasefire",
    "Others talk of trying to get out of Idlib",
)


def shared_path(*parts: str) -> Path:
    """A path under ../shared/eval, or skip the test when the eval data is not beside the project."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available ({path} is absent in a plain clone)")
    return path


def run_cli(
    *args: str,
    cwd: str | os.PathLike[str] | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslint ARGS`` and capture its output."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = stdin.decode() if isinstance(stdin, bytes) else stdin
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd or ROOT,
        input=data,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_line(text: str) -> int:
    """1-based line of the sample article holding ``text``."""
    for number, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in the sample article")
