"""Shared fixtures: plan every shipped agreement with the built `aarshjul`
binary, so the Python iCalendar peers read exactly what a user would get."""
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALENDARS = sorted((ROOT / "calendars").glob("*.yaml"))
YEARS = "2027-2030"


def binary() -> pathlib.Path:
    path = ROOT / ".build" / "debug" / "aarshjul"
    if not path.exists():
        pytest.skip("build the CLI first: swift build (scripts/test.sh does)")
    return path


def plan_into(agreement: pathlib.Path, out: pathlib.Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(binary()), "plan", str(agreement), "--years", YEARS, "--out", str(out), "--quiet", *extra],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def planned(tmp_path_factory):
    """{agreement stem: folder with its .ics files for 2027–2030}"""
    result = {}
    for agreement in CALENDARS:
        out = tmp_path_factory.mktemp(agreement.stem)
        run = plan_into(agreement, out)
        assert run.returncode == 0, f"{agreement.name}: {run.stderr}"
        result[agreement.stem] = out
    return result
