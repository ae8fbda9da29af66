"""The README: it opens with the two commands, and its examples of reading
the record run, as an officer runs them, on the real record."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

from bench.__main__ import NOT_JUDGED, table
from bench.figures import Figure
from tests.cli.running import EXECUTABLE, environment, run
from tests.importing import EXAMPLE, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_opens_with_make_demo_and_make_test() -> None:
    opening = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()

    assert [line.split()[:2] for line in opening] == [
        ["make", "demo"],
        ["make", "test"],
    ]


def reading_examples() -> list[str]:
    """The command lines of the README's section on reading the record."""
    section = README.split("### Reading the record", 1)[1].split("\n### ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [re.sub(r"\s+# .*$", "", line) for line in block.splitlines() if line]


def test_the_readmes_reading_examples_answer_on_the_real_record(
    sqlite_store: str, tmp_path: Path
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    time.sleep(1.1)  # `--known-at` "now", to the second, comes after the import
    env = environment(store=sqlite_store)
    env["PATH"] = f"{EXECUTABLE.parent}{os.pathsep}{env.get('PATH', '')}"
    examples = reading_examples()
    assert len(examples) >= 8

    for line in examples:
        ran = subprocess.run(
            ["bash", "-c", line],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

        assert ran.returncode == 0, (line, ran.stderr)
        assert "nothing recorded" not in ran.stdout, line


def test_the_quick_benchmark_does_not_judge_its_targets() -> None:
    figure = Figure("B1 import throughput", "sqlite", 0.1, "≥ 0.50", False, "tiny")

    assert NOT_JUDGED in table([figure], judged=False)
    assert "| NO |" in table([figure])
