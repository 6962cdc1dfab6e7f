"""The command line as a real process: the console script, exit statuses, a piped standard input.

Everything else about the command line is tested in-process (``run_cli`` in conftest calls
``main()``); these few tests start ``newslint`` for real, because their subject is the process.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import SEED, run_cli_process

from newslint import __version__

CONSOLE_SCRIPT = Path(sys.executable).with_name("newslint")


def test_console_script_reports_the_version() -> None:
    if not CONSOLE_SCRIPT.exists() and shutil.which("newslint") is None:
        pytest.skip("newslint is not installed as a console script in this environment")
    script = str(CONSOLE_SCRIPT) if CONSOLE_SCRIPT.exists() else "newslint"
    proc = run_cli_process("--version", command=[script])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"newslint {__version__}"


def test_exit_status_is_1_for_findings() -> None:
    # 0 for clean copy: the version test above and test_cli.py's in-process tests
    findings = run_cli_process("check", "--no-cache", f"seeds/{SEED.name}")
    assert findings.returncode == 1, findings.stderr
    assert "boilerplate.comments" in findings.stdout


def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    proc = run_cli_process("check", "no/such/file.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "newslint: error: no/such/file.txt: no such file or directory"
    ]
    usage = run_cli_process("check", "--format", "xml", f"{SEED}", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_piped_standard_input() -> None:
    proc = run_cli_process(
        "check",
        "--no-cache",
        "-",
        "--stdin-filename",
        "story.txt",
        stdin=b"Headline\n\nThe the vote passed on Monday.\n",
    )
    assert proc.returncode == 1, proc.stderr
    assert "story.txt:3:4: warning spelling.repeated-word" in proc.stdout
