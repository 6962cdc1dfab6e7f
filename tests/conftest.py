"""Shared test helpers: paths to the project, the sample article and the optional eval data."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
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
    """Run ``newslint ARGS`` in this process, as the console script would: ``main(ARGS)`` in
    ``cwd`` (default: the project root) with ``env`` added to the environment, ``stdin`` as its
    standard input, and its standard output and error captured. Everything it changes is put
    back afterwards. (A fresh process costs ~1 s of imports; :func:`run_cli_process` is for the
    few tests whose subject is the process itself: exit status, imports, the console script.)"""
    from newslint import config
    from newslint.frontends.cli import main

    config._FOUND.clear()  # a fresh process looks config files up afresh (a test may edit them)
    data = stdin.encode() if isinstance(stdin, str) else (stdin or b"")
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    os.environ.update({"NO_COLOR": "1", **(env or {})})
    os.chdir(cwd or ROOT)
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["newslint", *args], code, out.getvalue(), err.getvalue())


def run_cli_process(
    *args: str,
    cwd: str | os.PathLike[str] | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    command: Sequence[str] = (sys.executable, "-m", "newslint"),
) -> subprocess.CompletedProcess[str]:
    """Run ``newslint ARGS`` as a separate process (``command`` picks how it is started)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = stdin.decode() if isinstance(stdin, bytes) else stdin
    return subprocess.run(
        [*command, *args],
        cwd=cwd or ROOT,
        input=data,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: with several workers (pytest-xdist) they start at once, beside the
    others, instead of keeping one worker busy after the others are done."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session", autouse=True)
def _result_cache_outside_the_checkout(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """``newslint check`` keeps its result cache in ``./.newslint_cache`` unless told otherwise:
    every test (and every process it starts) caches in a temporary folder, never the checkout."""
    saved = os.environ.get("NEWSLINT_RESULT_CACHE")
    os.environ["NEWSLINT_RESULT_CACHE"] = str(tmp_path_factory.mktemp("result-cache"))
    yield
    if saved is None:
        os.environ.pop("NEWSLINT_RESULT_CACHE", None)
    else:
        os.environ["NEWSLINT_RESULT_CACHE"] = saved


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_line(text: str) -> int:
    """1-based line of the sample article holding ``text``."""
    for number, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in the sample article")
