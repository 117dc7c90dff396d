"""Plan vocabularies for the question tests, built from the plans themselves."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from planning.agencies import AgencyDirectory, Resolution
from planning.importer import ImportedPlan, import_document
from planning.intent import PlanVocabulary, TaskRow
from planning.text import fold

SAMPLE = Path(__file__).resolve().parents[2] / "bot" / "data" / "ke_hoach_mau.txt"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# Plans of the importer's corpus (always here): a ministry's plan as a PDF whose tasks are
# numbered rows of one table, its lead units the ministry's departments (Vụ, Cục); a
# province's task list in Excel, its first group unheaded and its second the communes'; a
# province's plan as a Word decision whose task table, in five sections, is its appendix; a
# province chairman's directive in prose, its points addressed agency by agency, lettered
# items under them, and no sections; a province's plan for two-level local government with
# two task tables, the first (the province's agencies) section I, its heading just above the
# table, and the second (the communes') section II; a centrally-run city's plan, its
# "thành phố" the province level and its departments Sở, whose one task table of numbered
# rows is under no section; a province's plan as a Word document whose task table, in four
# sections, is its appendix, a task of two rows and a cell of two dashed activities; a
# ministry's decision issuing its plan, one table of numbered tasks under no section, its
# units the ministry's Vụ and Cục; a province's PDF plan for controlling administrative
# procedures, one short table of numbered tasks under no section, titles broken over lines;
# a province chairman's directive in prose, its points addressed agency by agency, lettered
# items under some, no sections; a province's assignment table in Excel, numbered rows under
# no section, a lead cell merged over two rows; a ward's prose plan, its lettered duties
# under numbered fields of a section ("II.1.a"), then numbered duties that open with their
# agency.
CORPUS_PLANS = {
    Path(name).stem: CORPUS / folder / name
    for folder, names in (
        (
            "heldout",
            (
                "bo_khcn_2026.pdf",
                "danh_muc_gia_lai.xlsx",
                "tinh_dong_thap_2026.docx",
                "chi_thi_quang_tri.docx",
            ),
        ),
        (
            "dev",
            (
                "an_giang_hai_cap.docx",
                "thanh_pho_hai_phong.docx",
                "tinh_nghe_an_phu_luc.docx",
                "bo_tu_phap_quyet_dinh.docx",
                "khanh_hoa_kiem_soat.pdf",
                "chi_thi_thanh_hoa.docx",
                "lao_cai_bang_phan_cong.xlsx",
                "phuong_hoa_khanh.docx",
            ),
        ),
    )
    for name in names
}
# The plans question files may be about: the sample plan (always here), seeds of
# ../shared/seeds (000, 003, 004: provinces' plans with a task table; 001: a province's
# prose plan split by agency; 002: a city's prose plan) and the corpus plans above.
PLANS = ("sample", "000", "001", "002", "003", "004", *CORPUS_PLANS)


def plan_path(plan: str) -> Path | None:
    """The plan a question file is about; None where the seeds are absent."""
    if plan == "sample":
        return SAMPLE
    if plan not in PLANS:
        raise ValueError(f"no plan {plan!r}: one of {', '.join(PLANS)}")
    if plan in CORPUS_PLANS:
        return CORPUS_PLANS[plan]
    matches = sorted(SEEDS.glob(f"{plan}_*.txt")) if SEEDS.is_dir() else []
    return matches[0] if matches else None


def vocabulary_of(plan: ImportedPlan, directory: AgencyDirectory) -> PlanVocabulary:
    """What the database will hold of a plan, as the caller passes it to the reader."""
    agencies: dict[str, list[str]] = {}

    def key(resolution: Resolution) -> str:
        if resolution.agency is not None:
            return resolution.agency.key
        return "unverified-" + re.sub(r"[^a-z0-9]+", "-", fold(resolution.name)).strip("-")

    for task in plan.tasks:
        for resolution in (*task.lead, *task.support):
            names = agencies.setdefault(key(resolution), [])
            for name in (resolution.name, resolution.as_written):
                if name not in names:
                    names.append(name)
    years = plan.meta.period or ((plan.meta.year, plan.meta.year) if plan.meta.year else None)
    rows = [
        TaskRow(
            t.raw.section,
            t.raw.section_title,
            t.raw.number,
            t.raw.activity_index,
            t.raw.title,
            t.raw.objective,
            t.raw.product,
            tuple(m.due for m in t.deadline.milestones if m.due is not None),
            leads=tuple(dict.fromkeys(map(key, t.lead))),
            supports=tuple(dict.fromkeys(map(key, t.support))),
        )
        for t in plan.tasks
    ]
    return PlanVocabulary.of_rows(
        directory,
        years=years,
        rows=rows,
        agencies=agencies,
        title=plan.meta.title or "",
        number=plan.meta.number or "",
    )


@lru_cache(maxsize=4)
def plan_vocabulary(path: Path) -> PlanVocabulary:
    directory = AgencyDirectory.load()
    plan = import_document(path.read_bytes(), path.name, directory)
    return vocabulary_of(plan, directory)
