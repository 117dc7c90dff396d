"""The question sets asked end to end through the console channel's path, against the real
database holding each file's plan (the sample plan always, seeds 002, 003 and 004 where the
seeds are), asked by a coordinator of Sở Nội vụ or of the agency the file names as its asker:
on every part at least 90% answered as asked, not one confidently wrong answer, and every
question of small talk answered with a pointer to what the bot can do.

Every file is asked on SQLite; on PostgreSQL, the first file of each part and of each plan
(every plan and every part once): the answers' queries are the same for every file, and the
second backend proves them, not the reading again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.questions.chat import ASKER, Chat
from tests.questions.evaluate import QuestionFile, question_files
from tests.questions.plans import plan_path

RIGHT_FLOOR = 0.90
FILES = question_files()


def _asked_on_postgres(files: list[Path]) -> set[Path]:
    first: dict[str, Path] = {}
    for path in files:
        # The part's and the plan's lines alone, not the whole file's YAML, at collection.
        text = path.read_text(encoding="utf-8")
        for key in ("part", "plan"):
            said = re.search(rf"^{key}: *(\S+)", text, re.MULTILINE)
            first.setdefault(f"{key} {said[1] if said else ''}", path)
    return set(first.values())


ON_POSTGRES = _asked_on_postgres(FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_question_is_answered_as_asked_through_the_chat(path: Path, sessions, tmp_path):
    questions = QuestionFile(path)
    if plan_path(questions.plan) is None:
        pytest.skip(f"plan {questions.plan} (../shared/seeds) is not here")
    if sessions.kw["bind"].dialect.name == "postgresql" and path not in ON_POSTGRES:
        pytest.skip("asked on SQLite; PostgreSQL asks the first file of each part and plan")
    score = Chat(questions, sessions, tmp_path).score()
    misses = "\n".join(
        f"{'WRONG' if a.confidently_wrong else 'miss '} {a.question!r}: {a.missing}"
        for a in score.outcomes
        if not a.right
    )
    assert score.confidently_wrong == 0, f"{score.line()}\n{misses}"
    assert score.share >= RIGHT_FLOOR, f"{score.line()}\n{misses}"
    small_talk = [
        a
        for a, e in zip(score.outcomes, questions.questions, strict=True)
        if "read" in e and e["read"]["ask"] in ("off_topic", "unknown")
    ]
    assert all(a.pointer for a in small_talk)


def test_a_reply_that_misses_what_was_asked_counts_as_confidently_wrong(sessions, tmp_path):
    questions = QuestionFile(next(p for p in FILES if p.stem == "sample_heldout"))
    chat = Chat(questions, sessions, tmp_path)
    entry = {"q": "nv II.2 ai chủ trì", "read": {"ask": "task", "task": "III.1", "field": "lead"}}
    answered = chat.ask(entry)
    assert not answered.right and answered.confidently_wrong
    assert answered.missing == ["III.1"]
    # ... while a question read right is right.
    right = chat.ask({"q": "nv III.1 ai chủ trì", "read": entry["read"]})
    assert right.right and not right.confidently_wrong


def test_asking_back_is_right_only_with_the_expected_choices(sessions, tmp_path):
    questions = QuestionFile(next(p for p in FILES if p.stem == "sample_dev"))
    chat = Chat(questions, sessions, tmp_path)
    choices = [
        {"ask": "task", "task": "I.2", "field": "lead"},
        {"ask": "task", "task": "II.2", "field": "lead"},
    ]
    assert chat.ask({"q": "nhiệm vụ 2 ai chủ trì", "choices": choices}).right
    other = [{"ask": "task", "task": "I.3", "field": "lead"}]
    missed = chat.ask({"q": "nhiệm vụ 2 ai chủ trì", "choices": other})
    assert not missed.right and not missed.confidently_wrong  # it did ask back
    assert chat.world.send(ASKER, text="nhiệm vụ 2 ai chủ trì") is not None
