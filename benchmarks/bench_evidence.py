"""Checking what an evidence file holds (services.contents): the time and the memory it takes
on large real files and on hostile ones, each checked in a fresh process whose peak resident
memory is reset before the check and read after it (Linux's VmHWM), so the figure is the
check's own."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

SECONDS_GOAL = 2.0  # per file, on the 2-core build machine
MEMORY_GOAL_MIB = 64.0  # above what the process held before the check


def _files(folder: Path) -> list[tuple[str, str, Path]]:
    from PIL import Image
    from pypdf import PdfWriter

    from tests import samples

    made = []

    def keep(name: str, suffix: str, data: bytes) -> None:
        path = folder / f"{name}{suffix}"
        path.write_bytes(data)
        made.append((name, suffix, path))

    buffer = io.BytesIO()
    noise = Image.frombytes("RGB", (4000, 3000), os.urandom(4000 * 3000 * 3))
    noise.save(buffer, "JPEG", quality=92)
    keep("photo 12 MP (11.7 MB)", ".jpg", buffer.getvalue())
    buffer = io.BytesIO()
    noise.crop((0, 0, 2800, 2100)).save(buffer, "PNG", compress_level=1)
    keep("screenshot 6 MP PNG (17.6 MB)", ".png", buffer.getvalue())
    writer = PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    keep("PDF of 2,000 pages", ".pdf", buffer.getvalue())
    keep("hostile: .docx inflating to 1 GiB", ".docx", samples.zip_bomb())
    keep("hostile: .docx of 20,000 parts", ".docx", samples.many_entries())
    keep("hostile: PNG of 3.6 gigapixels", ".png", samples.png_bomb())
    keep("hostile: %PDF then HTML", ".pdf", samples.PDF_THEN_HTML)
    return made


def check_one(path: str, suffix: str) -> None:
    """In a fresh process: check one file, print seconds and the peak memory it added."""
    import olefile  # noqa: F401
    import PIL.Image  # noqa: F401
    import pypdf  # noqa: F401

    from services.contents import problem

    data = Path(path).read_bytes()
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts again from here
    before = _status("VmRSS")
    started = time.perf_counter()
    problem(suffix, data)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "mib": (_status("VmHWM") - before) / 1024}))


def _status(field: str) -> int:
    """A figure of /proc/self/status, in KiB (Linux: VmRSS now, VmHWM its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def run() -> list[Result]:
    results = []
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        for name, suffix, path in _files(Path(folder)):
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from benchmarks.bench_evidence import check_one; "
                    "check_one(sys.argv[1], sys.argv[2])",
                    str(path),
                    suffix,
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=root,
            )
            figures = json.loads(done.stdout)
            results.append(Result(f"evidence check: {name}", figures["seconds"], "s", SECONDS_GOAL))
            results.append(
                Result(f"evidence check: {name}, memory", figures["mib"], "MiB", MEMORY_GOAL_MIB)
            )
    return results


if __name__ == "__main__":
    for result in run():
        print(result.line())
