"""The bad-input corpus (tests/bad_input): for every case, ./scripts/validate and the strict build both
fail with exactly the expected lines, and neither shows a Python traceback (or, for the few cases in
SUCCEEDS that only look wrong, such as a byte-order mark, both succeed and print no problem).

Each case runs validate (its main()) and the build (conftest.build_in_process) in this Python process,
which is quick; the END_TO_END cases run the real commands too, as subprocesses (./scripts/validate,
then `mkdocs build --strict`), a few at a time: one that succeeds, errors, a warning that fails the
strict build, a huge file and Windows line endings. Each case is still reported as its own test.
Reproduce a case by hand as described at the top of tests/bad_input/cases.py.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from bad_input.cases import EXPECTED, GENERATED, PENDING, SUCCEEDS
from conftest import ROOT, Build, build_in_process, make_project, run_build_command
from plan_progress.cli import validate

CASES_DIR = Path(__file__).resolve().parent / "bad_input"
VALIDATE = ROOT / "scripts" / "validate"
HUGE_SECONDS = 30  # generous for a loaded machine; a pathological parser takes minutes
END_TO_END = ["byte-order-mark", "every-problem-at-once", "unknown-field-in-history", "huge-body",
              "windows-line-endings-with-an-error"]


def case_folders() -> list[str]:
    return sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def case_files(case: str) -> dict[str, bytes]:
    if case in GENERATED:
        return GENERATED[case]()
    folder = CASES_DIR / case
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@dataclass
class Result:
    project: Path
    validate: subprocess.CompletedProcess
    validate_seconds: float
    build: Build
    build_seconds: float

    @property
    def validate_output(self) -> str:
        return self.validate.stdout + self.validate.stderr

    def reproduce(self) -> str:
        return (f"reproduce: {VALIDATE} -f {self.project}/mkdocs.yml; "
                f"cd {self.project} && mkdocs build --strict")


def _run_case(case: str, folder: Path) -> Result:
    """The real commands, each in its own process."""
    project = make_project(folder, files=case_files(case))
    started = time.monotonic()
    validate = subprocess.run([str(VALIDATE), "-f", str(project / "mkdocs.yml")], capture_output=True, text=True,
                              timeout=300, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    validate_seconds = time.monotonic() - started
    started = time.monotonic()
    build = run_build_command(project)
    return Result(project, validate, validate_seconds, build, time.monotonic() - started)


def _run_case_in_process(case: str, folder: Path) -> Result:
    """The same, in this process: validate's main() with its output captured, then the build."""
    project = make_project(folder, files=case_files(case))
    args = ["-f", str(project / "mkdocs.yml")]
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = validate.main(args)
    validate_seconds = time.monotonic() - started
    checked = subprocess.CompletedProcess([str(VALIDATE), *args], status, out.getvalue(), err.getvalue())
    started = time.monotonic()
    build = build_in_process(project)
    return Result(project, checked, validate_seconds, build, time.monotonic() - started)


def _selected_cases(request) -> list[str]:
    wanted = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is request.module and callspec is not None and "case" in callspec.params:
            wanted.append(callspec.params["case"])
    return sorted(set(wanted))


@pytest.fixture(scope="module")
def results(request, tmp_path_factory) -> dict[str, Result]:
    """Run only the cases selected for this session, a few at a time."""
    cases = _selected_cases(request)
    workers = max(2, min(4, os.cpu_count() or 2))
    with ThreadPoolExecutor(max_workers=workers) as pool:  # the commands run while this process works
        commands = {case: pool.submit(_run_case, _expected(case), tmp_path_factory.mktemp("commands"))
                    for case in cases if case != _expected(case)}
        found = {case: _run_case_in_process(case, tmp_path_factory.mktemp(case)) for case in cases
                 if case == _expected(case)}
        found.update({case: future.result() for case, future in commands.items()})
    return found


def _params():
    for case in sorted(EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=PENDING[case])] if case in PENDING else []
        yield pytest.param(case, id=case, marks=marks)


def test_the_corpus_is_complete():
    folders = set(case_folders())
    assert folders | set(GENERATED) == set(EXPECTED), "every case folder needs expected lines in cases.py, and back"
    assert not folders & set(GENERATED)
    assert set(PENDING) <= set(EXPECTED)
    assert len(EXPECTED) >= 30
    kinds = ["yaml-", "tab-", "byte-order-mark", "windows-line-endings", "not-utf8", "-is-a-list", "-is-text",
             "unknown-field", "misspelt-status", "impossible-", "duplicate-action-id", "unknown-action",
             "empty-file", "never-closed", "huge-"]
    for kind in kinds:
        assert any(kind in case for case in EXPECTED), f"no case of the kind {kind!r}"


def test_the_byte_level_cases_are_stored_byte_for_byte():
    """git must not normalise these files (tests/bad_input/.gitattributes says -text)."""
    assert b"\r\n" in case_files("windows-line-endings-with-an-error")["content/areas/1-finding/1-3-unrated.md"]
    assert case_files("byte-order-mark")["content/areas/1-finding/1-3-unrated.md"].startswith(b"\xef\xbb\xbf")
    assert b"\x93" in case_files("not-utf8-word-curly-quotes")["content/areas/1-finding/1-3-unrated.md"]


def _end_to_end_params():
    for case in END_TO_END:
        yield pytest.param(f"{case} (the commands)", id=f"{case}-the-commands")


def _expected(case: str) -> str:
    return case.removesuffix(" (the commands)")


def test_the_end_to_end_cases_are_in_the_corpus():
    assert set(END_TO_END) <= set(EXPECTED)
    assert set(END_TO_END) & SUCCEEDS and set(END_TO_END) & set(GENERATED) and set(END_TO_END) - SUCCEEDS


@pytest.mark.parametrize("case", [*_params(), *_end_to_end_params()])
def test_validate_prints_exactly_the_expected_lines(results, case):
    result, case = results[case], _expected(case)
    assert "Traceback" not in result.validate_output, result.reproduce() + "\n" + result.validate_output
    assert result.validate.returncode == (0 if case in SUCCEEDS else 1), result.reproduce() + "\n" + result.validate_output
    lines = result.validate.stdout.splitlines()
    assert lines and lines[-1].startswith("Checked "), result.reproduce() + "\n" + result.validate_output
    assert lines[:-1] == EXPECTED[case], result.reproduce()
    if case in GENERATED:
        assert result.validate_seconds < HUGE_SECONDS


@pytest.mark.parametrize("case", [*_params(), *_end_to_end_params()])
def test_the_build_prints_the_same_lines(results, case):
    result, case = results[case], _expected(case)
    build = result.build
    assert "Traceback" not in build.output, result.reproduce() + "\n" + build.output
    assert sorted(build.problems()) == sorted(EXPECTED[case]), result.reproduce() + "\n" + build.output
    if case in SUCCEEDS:
        assert build.returncode == 0, result.reproduce() + "\n" + build.output
        assert (build.site / "index.html").exists()
        return
    assert build.returncode == 1, result.reproduce() + "\n" + build.output
    assert not (build.site / "index.html").exists() or "Aborted" in build.output
    if case in GENERATED:
        assert result.build_seconds < HUGE_SECONDS
