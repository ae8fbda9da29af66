"""The README's first command: the demo imports the real record and shows it."""

from __future__ import annotations

import os
import subprocess

from tests.cli.running import EXECUTABLE
from tests.importing import ROOT


def test_the_demo_imports_the_real_record_once_and_shows_the_postponement(
    sqlite_store: str,
) -> None:
    env = {
        **os.environ,
        "PATH": f"{EXECUTABLE.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "SECRETARIAT_STORE": sqlite_store,
        "SECRETARIAT_ACTOR": "demo",
    }
    ran = subprocess.run(
        ["bash", str(ROOT / "scripts" / "demo.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert ran.returncode == 0, ran.stderr
    assert ran.stderr == ""
    record = "examples/expert-group-cybercrime.yaml"
    assert f"{record}: 87 applied, 0 already in the record" in ran.stdout
    assert f"{record}: 0 applied, 87 already in the record" in ran.stdout
    assert "History of the 6th session of cybercrime-egm" in ran.stdout
    assert (
        "reason: Due to the impact of the COVID-19 pandemic; "
        "previous: 6–8 April 2020; new: 27–29 July 2020" in ran.stdout
    )
