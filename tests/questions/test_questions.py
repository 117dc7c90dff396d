"""Hundreds of questions typed as officials type them, each with the reading it must get.

Floors, on every part (dev, and the held-out parts never used to tune the reader): at least
90% of the questions read as asked, and not one confidently wrong reading (an answer given
without asking back that is not the one asked for).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planning.agencies import AgencyDirectory
from planning.intent import Ask, Intent, Reading
from tests.questions.evaluate import (
    ANSWER_KEYS,
    AgencyNames,
    Outcome,
    QuestionFile,
    Score,
    judge,
    project,
    question_files,
)
from tests.questions.plans import PLANS, plan_path, plan_vocabulary

RIGHT_FLOOR = 0.90
DIRECTORY = AgencyDirectory.load()
FILES = question_files()


def _id(path: Path) -> str:
    return path.stem


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_the_reader_reads_the_questions_as_asked(path: Path) -> None:
    questions = QuestionFile(path)
    if plan_path(questions.plan) is None:
        pytest.skip(f"plan {questions.plan} (../shared/seeds) is not here")
    score = questions.score(DIRECTORY)
    misread = [o for o in score.outcomes if not o.right]
    report = "\n".join(_explain(o) for o in misread)
    assert score.confidently_wrong == 0, f"{score.line()}\n{report}"
    assert score.share >= RIGHT_FLOOR, f"{score.line()}\n{report}"


PARTS = (
    "dev",
    "held-out",
    "held-out-2",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
    "held-out-10",
    "held-out-11",
    "held-out-12",
    "held-out-13",
    "held-out-14",
    "held-out-15",
    "held-out-16",
    "held-out-17",
    "held-out-18",
    "held-out-19",
    "held-out-20",
    "held-out-21",
    "held-out-22",
    "held-out-23",
    "held-out-24",
    "held-out-25",
    "held-out-26",
    "held-out-27",
    "held-out-28",
    "held-out-29",
    "held-out-30",
    "held-out-31",
    "held-out-33",
    "held-out-34",
    "held-out-35",
    "held-out-36",
    "held-out-37",
    "held-out-38",
    "held-out-39",
    "held-out-40",
    "held-out-41",
    "held-out-42",
    "held-out-43",
    "held-out-44",
    "held-out-45",
    "held-out-46",
    "held-out-47",
    "held-out-48",
    "held-out-49",
    "held-out-50",
    "held-out-51",
    "held-out-52",
    "held-out-53",
    "held-out-54",
    "held-out-55",
    "held-out-56",
    "held-out-57",
    "held-out-58",
    "held-out-59",
    "held-out-60",
    "held-out-61",
    "held-out-62",
    "held-out-63",
    "held-out-64",
    "held-out-65",
    "held-out-66",
    "held-out-67",
    "held-out-68",
    "held-out-69",
    "held-out-70",
    "held-out-71",
    "held-out-72",
    "held-out-73",
    "held-out-74",
    "held-out-75",
    "held-out-76",
    "held-out-77",
    "held-out-78",
    "held-out-79",
    "held-out-80",
    "held-out-81",
    "held-out-82",
    "held-out-83",
    "held-out-84",
    "held-out-85",
    "held-out-86",
    "held-out-87",
    "held-out-88",
    "held-out-89",
    "held-out-90",
    "held-out-91",
    "held-out-92",
    "held-out-93",
    "held-out-94",
    "held-out-95",
    "held-out-96",
    "held-out-97",
    "held-out-98",
    "held-out-99",
    "held-out-100",
    "held-out-101",
    "held-out-102",
    "held-out-103",
    "held-out-104",
    "held-out-105",
    "held-out-106",
    "held-out-107",
    "held-out-108",
    "held-out-109",
    "held-out-110",
    "held-out-111",
    "held-out-112",
    "held-out-113",
    "held-out-114",
    "held-out-115",
    "held-out-116",
    "held-out-117",
    "held-out-118",
    "held-out-119",
    "held-out-120",
    "held-out-121",
    "held-out-122",
    "held-out-123",
    "held-out-124",
    "held-out-125",
    "held-out-126",
    "held-out-127",
    "held-out-128",
    "held-out-129",
    "held-out-130",
    "held-out-131",
    "held-out-132",
    "held-out-133",
    "held-out-134",
    "held-out-135",
    "held-out-136",
    "held-out-137",
    "held-out-138",
    "held-out-139",
    "held-out-140",
    "held-out-141",
    "held-out-142",
    "held-out-143",
    "held-out-144",
    "held-out-145",
    "held-out-146",
    "held-out-147",
    "held-out-148",
    "held-out-149",
    "held-out-150",
    "held-out-151",
    "held-out-152",
    "held-out-153",
    "held-out-154",
    "held-out-155",
    "held-out-156",
    "held-out-157",
    "held-out-158",
    "held-out-159",
    "held-out-160",
    "held-out-161",
    "held-out-162",
    "held-out-163",
    "held-out-164",
    "held-out-165",
    "held-out-166",
    "held-out-167",
    "held-out-168",
    "held-out-169",
    "held-out-170",
    "held-out-171",
    "held-out-172",
    "held-out-173",
    "held-out-174",
    "held-out-175",
    "held-out-176",
    "held-out-177",
    "held-out-178",
    "held-out-179",
    "held-out-180",
    "held-out-181",
    "held-out-182",
    "held-out-183",
    "held-out-184",
    "held-out-185",
    "held-out-186",
    "held-out-187",
    "held-out-188",
    "held-out-189",
    "held-out-190",
    "held-out-191",
    "held-out-192",
    "held-out-193",
    "held-out-194",
    "held-out-195",
    "held-out-196",
    "held-out-197",
    "held-out-198",
    "held-out-199",
    "held-out-200",
    "held-out-201",
    "held-out-202",
    "held-out-203",
    "held-out-204",
    "held-out-205",
    "held-out-206",
    "held-out-207",
    "held-out-208",
    "held-out-209",
    "held-out-210",
    "held-out-211",
    "held-out-212",
    "held-out-213",
    "held-out-214",
    "held-out-215",
    "held-out-216",
    "held-out-217",
    "held-out-218",
    "held-out-219",
    "held-out-220",
    "held-out-221",
    "held-out-222",
    "held-out-223",
    "held-out-224",
    "held-out-225",
    "held-out-226",
    "held-out-227",
    "held-out-228",
    "held-out-229",
    "held-out-230",
    "held-out-231",
    "held-out-232",
    "held-out-233",
    "held-out-234",
    "held-out-235",
    "held-out-236",
    "held-out-237",
    "held-out-238",
    "held-out-239",
    "held-out-240",
    "held-out-241",
    "held-out-242",
    "held-out-243",
    "held-out-244",
    "held-out-245",
    "held-out-246",
    "held-out-247",
    "held-out-248",
    "held-out-249",
    "held-out-250",
    "held-out-251",
    "held-out-252",
    "held-out-253",
    "held-out-254",
    "held-out-255",
    "held-out-256",
    "held-out-257",
    "held-out-258",
    "held-out-259",
    "held-out-260",
    "held-out-261",
    "held-out-262",
    "held-out-263",
    "held-out-264",
    "held-out-265",
    "held-out-266",
    "held-out-267",
    "held-out-268",
    "held-out-269",
    "held-out-270",
    "held-out-271",
    "held-out-272",
    "held-out-273",
    "held-out-274",
    "held-out-275",
    "held-out-276",
    "held-out-277",
    "held-out-278",
    "held-out-279",
    "held-out-280",
    "held-out-281",
    "held-out-282",
    "held-out-283",
    "held-out-284",
    "held-out-285",
    "held-out-286",
    "held-out-287",
    "held-out-288",
    "held-out-289",
    "held-out-290",
    "held-out-291",
    "held-out-292",
    "held-out-293",
    "held-out-294",
    "held-out-295",
    "held-out-296",
    "held-out-297",
    "held-out-298",
    "held-out-299",
    "held-out-300",
    "held-out-301",
    "held-out-302",
    "held-out-303",
    "held-out-304",
    "held-out-305",
    "held-out-306",
    "held-out-307",
    "held-out-308",
    "held-out-309",
    "held-out-310",
    "held-out-311",
    "held-out-312",
    "held-out-313",
    "held-out-314",
    "held-out-315",
    "held-out-316",
    "held-out-317",
    "held-out-318",
    "held-out-319",
    "held-out-320",
    "held-out-321",
    "held-out-322",
    "held-out-323",
    "held-out-324",
    "held-out-325",
    "dev-english",
    "held-out-english",
)


def test_every_file_says_its_plan_day_and_part() -> None:
    parts = {QuestionFile(p).part for p in FILES}
    assert parts == set(PARTS)
    for path in FILES:
        questions = QuestionFile(path)
        assert questions.plan in PLANS
        assert questions.questions, path


def _one_question(tmp_path: Path, plan: str, read: str) -> Path:
    """A file of one question, "quá hạn", about ``plan`` and read as ``read``."""
    path = tmp_path / "one.yaml"
    text = f"plan: {plan}\ntoday: 2026-03-25\npart: dev\nquestions:\n  - q: quá hạn\n"
    path.write_text(text + f"    read: {read}\n", encoding="utf-8")
    return path


def test_a_file_about_another_plan_is_refused(tmp_path: Path) -> None:
    path = _one_question(tmp_path, '"999"', "{ask: list, status: overdue}")
    with pytest.raises(ValueError, match="no plan '999'"):
        plan_path(QuestionFile(path).plan)


def test_there_are_enough_questions_and_a_held_out_share() -> None:
    counts = dict.fromkeys(PARTS, 0)
    for path in FILES:
        questions = QuestionFile(path)
        counts[questions.part] += len(questions.questions)
    total = sum(counts.values())
    assert total >= 250
    held_out = sum(n for part, n in counts.items() if part != "dev")
    assert held_out / total >= 0.25


def test_answers_to_come_are_named_with_known_keys() -> None:
    answers = [
        entry["answer"] for p in FILES for entry in QuestionFile(p).questions if "answer" in entry
    ]
    assert answers
    assert all(set(a) <= ANSWER_KEYS for a in answers)


def test_a_file_with_a_broken_entry_is_refused(tmp_path: Path) -> None:
    path = _one_question(tmp_path, "sample", "{ask: list, colour: red}")
    with pytest.raises(ValueError, match="unknown keys"):
        QuestionFile(path)


def test_a_guess_at_a_truly_ambiguous_question_counts_as_confidently_wrong() -> None:
    questions = QuestionFile(next(p for p in FILES if p.stem == "seed003_heldout"))
    if plan_path(questions.plan) is None:
        pytest.skip("seed 003 is not here")
    entry = next(e for e in questions.questions if "choices" in e)
    score = questions.score(DIRECTORY)
    reading = next(o for o in score.outcomes if o.question == entry["q"])
    assert reading.right
    # The same entry judged against a reading that picks one choice without asking.
    path = plan_path(questions.plan)
    assert path is not None
    guess = Reading(Intent(Ask.PROGRESS, section="VI"))
    outcome = judge(entry, guess, AgencyNames(plan_vocabulary(path), DIRECTORY))
    assert outcome.confidently_wrong and not outcome.right
    assert project(guess.best)["section"] == "VI"


def _explain(outcome: Outcome) -> str:
    mark = "WRONG" if outcome.confidently_wrong else "miss "
    return f"{mark} {outcome.question!r}: got {outcome.got}, wanted {outcome.wanted}"


def test_scores_add_up() -> None:
    score = Score("x", [Outcome("a", True, False, [], []), Outcome("b", False, True, [], [])])
    assert (score.total, score.right, score.confidently_wrong, score.share) == (2, 1, 1, 0.5)
