"""requirements.lock pins every package pyproject.toml asks for, at a version inside its range,
and the installed environment is exactly what the lock says (so `make` installs reproducibly)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[_canonical(name)] = version
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["test"]
    return [Requirement(spec) for spec in listed]


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _locked()
    for requirement in _declared():
        name = _canonical(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements.lock (run make lock)"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{requirement.name}=={pins[name]} is outside {requirement.specifier}")


def test_the_environment_matches_the_lock():
    for name, version in _locked().items():
        assert metadata.version(name) == version, f"{name}: installed ≠ locked {version}"
