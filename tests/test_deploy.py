"""The deployment files, checked as far as this machine can (no Docker, no nginx, no systemd
running): compose.yaml, the Dockerfile and the systemd units say what the README says, and
name only settings the app reads and routes the app serves."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.settings import Settings
from services import upload_links
from web import health
from web.upload import MAX_BODY

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def readme_block(after: str) -> list[str]:
    """The command lines of the first ``sh`` block after the line that starts with ``after``
    in the README's Deploy section, comments cut."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Deploy") :]
    section = section[section.index(after) :]
    block = section[section.index("```sh\n") + 6 : section.index("```\n", section.index("```sh"))]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def dockerfile_commands() -> list[str]:
    """The Dockerfile's RUN steps, split at && into single commands."""
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        if line.startswith("RUN "):
            commands += [" ".join(c.split()) for c in line[4:].split("&&")]
    return commands


def same(command: str) -> str:
    """A command as the README would write it: no --no-cache-dir, no -y, no recommends."""
    for noise in ("--no-cache-dir ", "-y ", "--no-install-recommends "):
        command = command.replace(noise, "")
    return command


def test_the_dockerfile_installs_as_the_readme_says() -> None:
    readme = readme_block("**Without containers**")
    docker = [same(c) for c in dockerfile_commands()]
    for step in (
        "python3 -m venv .venv",
        ".venv/bin/pip install -r requirements.lock",
        ".venv/bin/pip install --no-deps --no-build-isolation -e .",
    ):
        assert step in readme, step
        assert step in docker, step
    assert "apt-get install postgresql-client" in docker  # pg_dump, for nhacviec backup
    assert any("postgresql-client" in line for line in readme)
    cmd = re.search(r'^CMD \["nhacviec", "run"\]$', (DEPLOY / "Dockerfile").read_text(), re.M)
    assert cmd, "the image runs nhacviec run"


def test_compose_runs_the_app_beside_postgresql_15_with_volumes() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"] == "postgres:15"
    app = services["app"]
    assert (ROOT / app["build"]["context"] / app["build"]["dockerfile"]).is_file()
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    environment = app["environment"]
    known = {name.upper() for name in Settings.model_fields}
    assert set(environment) <= known, set(environment) - known
    assert "@db:5432/" in environment["DATABASE_URL"]
    mounts = dict(volume.split(":", 1) for volume in app["volumes"])
    assert mounts["evidence"] == environment["EVIDENCE_DIR"]
    assert set(mounts) | {"pgdata"} <= set(compose["volumes"])
    assert all(port.startswith("127.0.0.1:") for port in app["ports"])  # the proxy is in front


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / name)
    return parser


def test_the_systemd_units_migrate_then_run_and_back_up() -> None:
    service = unit("nhacviec.service")
    assert set(service.sections()) == {"Unit", "Service", "Install"}
    run = service["Service"]
    assert run["ExecStartPre"].endswith("/.venv/bin/nhacviec db upgrade")
    assert run["ExecStart"].endswith("/.venv/bin/nhacviec run")
    assert run["User"] == "nhacviec" and run["Restart"] == "on-failure"
    assert run["ReadWritePaths"] == "/var/lib/nhacviec"
    saving = unit("nhacviec-backup.service")["Service"]
    assert saving["ExecStart"].endswith("nhacviec backup")
    assert unit("nhacviec-backup.timer")["Timer"]["OnCalendar"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
@pytest.mark.parametrize("name", ["nhacviec.service", "nhacviec-backup.service"])
def test_systemd_accepts_the_units(name: str, tmp_path: Path) -> None:
    """systemd's own check, with the program paths pointing at this checkout."""
    text = (DEPLOY / name).read_text().replace("/opt/nhacviec", str(ROOT))
    (tmp_path / name).write_text(text)
    if name == "nhacviec-backup.service":
        shutil.copy(DEPLOY / "nhacviec-backup.timer", tmp_path)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if name in line and "is not executable" not in line
    ]
    assert not problems, problems


def test_nginx_passes_what_the_app_serves() -> None:
    text = (DEPLOY / "nginx.conf").read_text()
    assert text.count("{") == text.count("}")
    locations = re.findall(r"location\s+(=\s+)?(\S+)\s*\{", text)
    paths = {path for _exact, path in locations}
    assert {upload_links.PATH, "/static/", health.PATH, "/telegram/", "/zalo/"} <= paths
    size = re.search(r"client_max_body_size (\d+)m;", text)
    assert size and int(size.group(1)) * 1_000_000 >= MAX_BODY
