"""Domain rules on the entities: the four status classes and successor agencies."""

from __future__ import annotations

from datetime import date

import pytest

from models import Agency, Milestone, MilestoneStatus, Task

TODAY = date(2025, 3, 25)


@pytest.mark.parametrize(
    ("due", "original_due", "completed_on", "expected"),
    [
        (date(2025, 3, 31), None, None, MilestoneStatus.IN_PROGRESS),
        (date(2025, 3, 25), None, None, MilestoneStatus.IN_PROGRESS),  # due today is not late yet
        (date(2025, 3, 24), None, None, MilestoneStatus.OVERDUE),
        (date(2025, 3, 31), None, date(2025, 3, 20), MilestoneStatus.DONE_ON_TIME),
        (date(2025, 3, 20), None, date(2025, 3, 20), MilestoneStatus.DONE_ON_TIME),
        (date(2025, 3, 20), None, date(2025, 3, 21), MilestoneStatus.DONE_LATE),
        (None, None, None, MilestoneStatus.UNDATED),
        # An approved extension moves the due date but the statistics keep the original date.
        (date(2025, 4, 30), date(2025, 3, 31), date(2025, 4, 10), MilestoneStatus.DONE_LATE),
        (date(2025, 4, 30), date(2025, 3, 20), None, MilestoneStatus.IN_PROGRESS),
    ],
)
def test_milestone_status(due, original_due, completed_on, expected):
    milestone = Milestone(due=due, original_due=original_due, completed_on=completed_on)
    assert milestone.status(TODAY) is expected


def test_task_status_follows_its_earliest_open_milestone():
    task = Task(
        milestones=[
            Milestone(due=date(2025, 3, 31), completed_on=date(2025, 3, 1), position=0),
            Milestone(due=date(2025, 3, 10), position=1),
            Milestone(due=date(2025, 6, 30), position=2),
        ]
    )
    assert task.current_milestone() is task.milestones[1]
    assert task.status(TODAY) is MilestoneStatus.OVERDUE


def test_task_label_names_section_number_and_activity():
    assert Task(section="II", number="1.2", position=0).label == "II.1.2"
    assert Task(section="III", number="4", activity_index=2, position=0).label == "III.4 (2)"
    assert Task(position=6).label == "7"


def test_agency_current_follows_mergers_in_force_on_the_day():
    science = Agency(id=3, key="so-khcn", name="Sở Khoa học và Công nghệ")
    ict = Agency(
        id=1,
        key="so-tttt",
        name="Sở Thông tin và Truyền thông",
        successor=science,
        successor_from=date(2025, 3, 1),
    )
    assert ict.current(date(2025, 2, 28)) is ict
    assert ict.current(date(2025, 3, 1)) is science
