"""Importer speed: the five real seeds, and a generated plan of 5,000 tasks (time and memory).

Goals: all five seeds read in under 1 s together; 5,000 tasks read and stored in under 5 s
on SQLite. Each figure is the best of a few runs in this one process (one core).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from benchmarks.common import Result
from bot.db import make_engine, make_sessionmaker, upgrade
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from services.plans import import_plan

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
AGENCIES = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Văn phòng UBND tỉnh",
    "Sở Tài chính",
    "Sở KH&CN",
    "Sở Thông tin và TT",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
]
DEADLINES = [
    "Quý I/2026",
    "Trước ngày 15/06/2026",
    "Tháng 9 - tháng 11",
    "Thường xuyên",
    "Hàng năm",
    "Năm 2026",
    "Theo quy định của Trung ương",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def generated_plan(
    tasks: int,
    agencies: list[str] = AGENCIES,
    product: Callable[[int], str] = lambda n: f"Báo cáo kết quả {n}",
) -> bytes:
    """A plan in the 6-column appendix shape with ``tasks`` rows over ten sections;
    ``product`` writes the n-th task's deliverable."""
    lines = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH AN THỊNH",
        "Số: 99/KH-UBND",
        "KẾ HOẠCH",
        "Cải cách hành chính tỉnh An Thịnh năm 2026",
        "",
        "TT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    ]
    per_section = tasks // len(ROMAN)
    n = 0
    for section in ROMAN:
        lines.append(f"{section}\tNhóm nhiệm vụ {section}\t\t\t\t")
        for number in range(1, per_section + 1):
            lead = agencies[n % len(agencies)]
            support = f"{agencies[(n + 3) % len(agencies)]}; UBND cấp huyện"
            deadline = DEADLINES[n % len(DEADLINES)]
            lines.append(
                f"{number}\tRà soát, đánh giá thủ tục hành chính số {n}\t{product(n)}"
                f"\t{lead}\t{support}\t{deadline}"
            )
            n += 1
    return "\n".join(lines).encode()


def _best(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


# Agency cells as plans write them: lists, groups, levels, trailing phrases.
TYPICAL_CELLS = [
    "Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã",
    "Sở Nội vụ và các cơ quan, đơn vị liên quan",
    "Văn phòng UBND tỉnh; các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã",
    "Sở Tư pháp, Phòng Tư pháp và các cơ quan, đơn vị có liên quan",
    "Sở Thông tin và Truyền thông; Các Sở, Ban, ngành và UBND cấp huyện",
    "Phòng Tư pháp; các cơ quan, đơn vị thành phố; UBND các xã, phường.",
    "Sở Kế hoạch và Đầu tư",
    "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh; UBND cấp huyện, UBND cấp xã",
]


def _per_cell(directory: AgencyDirectory) -> float:
    """Seconds to resolve one typical agency cell with nothing cached (best of 5 rounds)."""
    best = float("inf")
    for _ in range(5):
        fresh = AgencyDirectory.from_entries(directory.agencies())
        start = time.perf_counter()
        for cell in TYPICAL_CELLS:
            fresh.resolve_list(cell)
        best = min(best, (time.perf_counter() - start) / len(TYPICAL_CELLS))
    return best


def run() -> list[Result]:
    directory = AgencyDirectory.load()
    results: list[Result] = []
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        blobs = [(p.name, p.read_bytes()) for p in seeds]
        total = _best(5, lambda: [import_document(b, n, directory) for n, b in blobs])
        results.append(Result("read all five seeds", total, "s", 1.0))
        results.append(Result("read one seed (mean)", total / len(blobs), "s/seed", 0.2))
    else:
        print("seeds not found: skipping the seed benchmark")

    data = generated_plan(5000)
    parse = _best(3, lambda: import_document(data, "plan.txt", directory))
    results.append(Result("read 5,000 generated tasks", 5000 / parse, "tasks/s", 1000, False))

    tracemalloc.start()
    imported = import_document(data, "plan.txt", directory)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results.append(Result("peak memory reading 5,000 tasks", peak / 2**20, "MiB", 200))

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        upgrade(engine)
        sessions = make_sessionmaker(engine)
        start = time.perf_counter()
        with sessions.begin() as session:
            import_plan(
                session,
                import_document(data, "plan.txt", directory),
                source_name="plan.txt",
                sha256=hashlib.sha256(data).hexdigest(),
                directory=directory,
                now=datetime.now(UTC),
                actor="bench",
            )
        stored = time.perf_counter() - start
        exported, applied = _round_trip(sessions, directory)
        engine.dispose()
    results.append(Result("resolve a typical agency cell", _per_cell(directory) * 1000, "ms", 0.2))
    results.append(Result("read and store 5,000 tasks on SQLite", stored, "s", 5.0))
    results.append(Result("  per task", stored / len(imported.tasks) * 1000, "ms/task", 1.0))
    results.append(Result("export the 5,000 tasks to a workbook", exported, "s", 5.0))
    results.append(Result("apply the workbook back (one date corrected)", applied, "s", 5.0))
    return results


def _round_trip(sessions: sessionmaker[Session], directory: AgencyDirectory) -> tuple[float, float]:
    """Seconds to export the stored plan, and to apply the exported workbook back with one
    deadline corrected, as a coordinator would."""
    import io

    import openpyxl

    from i18n import translations
    from planning.workbook import read_workbook
    from services.plan_workbook import apply_workbook, export_plan

    vietnamese = translations("vi").gettext
    start = time.perf_counter()
    with sessions() as session:
        data = export_plan(session, 1, vietnamese)
    exported = time.perf_counter() - start
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index(vietnamese("Deadline %(number)d") % {"number": 1}) + 1, "31/12/2026")
    buffer = io.BytesIO()
    book.save(buffer)
    start = time.perf_counter()
    corrected = read_workbook(buffer.getvalue(), [vietnamese])
    with sessions.begin() as session:
        apply_workbook(
            session, corrected, 1, directory=directory, now=datetime.now(UTC), actor="bench"
        )
    return exported, time.perf_counter() - start
