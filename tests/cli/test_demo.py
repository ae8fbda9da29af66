"""The README's first command: the demo imports the real record and shows it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.cli.running import EXECUTABLE
from tests.importing import ROOT


def test_the_demo_imports_the_real_record_once_and_shows_the_postponement(
    sqlite_store: str, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    env = {
        **os.environ,
        "PATH": f"{EXECUTABLE.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "SECRETARIAT_STORE": sqlite_store,
        "SECRETARIAT_ACTOR": "demo",
        "SECRETARIAT_DEMO_SITE": str(site),
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
    as_of, now, postponements, deadlines, built = ran.stdout.split("\n$ secretariat ")[
        3:
    ]
    sixth = "Sixth meeting of the Expert Group to Conduct a Comprehensive Study"
    (sixth_then,) = [line for line in as_of.splitlines() if sixth in line]
    assert "6–8 April 2020" in sixth_then
    assert "scheduled" in sixth_then
    (sixth_now,) = [line for line in now.splitlines() if sixth in line]
    assert "27–29 July 2020" in sixth_now
    assert "6–8 April 2020" in sixth_now
    postponed = next(
        line for line in postponements.splitlines() if "13 March 2020" in line
    )
    assert "Due to the impact of the COVID-19 pandemic" in postponed
    assert "6–8 April 2020" in postponed
    assert "27–29 July 2020" in postponed
    (call,) = [line for line in deadlines.splitlines() if "2018-2021  2020" in line]
    assert "12 March 2020" in call
    assert "1 June 2020" in call
    assert f"Wrote 8 pages and calendar.ics to {site}" in built
    sixth_page = (site / "cybercrime-egm" / "session-6.html").read_text("utf-8")
    assert "postponed to 27–29 July 2020" in sixth_page
