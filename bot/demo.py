"""The terminal demo: the sample plan imported, a demo official and coordinator registered."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from bot.app import App
from models import OfficialRole
from planning.importer import import_document
from services.agencies import find_agency
from services.people import create_invite, find_account, redeem_invite
from services.plans import ImportReport, import_plan

SAMPLE_PLAN = Path(__file__).resolve().parent / "data" / "ke_hoach_mau.txt"
CHANNEL = "console"
# (console handle, display name, agency, role)
DEMO_PEOPLE = (
    ("canbo", "Trần Thị Bình", "Sở Nội vụ", OfficialRole.FOCAL),
    ("dieuphoi", "Lê Văn Cường", "Sở Nội vụ", OfficialRole.COORDINATOR),
)


def import_sample(app: App, session: Session) -> ImportReport:
    data = SAMPLE_PLAN.read_bytes()
    return import_plan(
        session,
        import_document(data, SAMPLE_PLAN.name, app.directory),
        source_name=SAMPLE_PLAN.name,
        sha256=hashlib.sha256(data).hexdigest(),
        directory=app.directory,
        now=app.now(),
        actor="demo",
    )


def set_up(app: App) -> ImportReport:
    """Import the sample plan and register the demo people, once; safe to run again."""
    with app.sessions.begin() as session:
        report = import_sample(app, session)
        for handle, name, agency_name, role in DEMO_PEOPLE:
            if find_account(session, CHANNEL, handle) is not None:
                continue
            invite = create_invite(
                session,
                agency=find_agency(session, app.directory, agency_name),
                role=role,
                now=app.now(),
                valid_for=timedelta(minutes=5),
                created_by="demo",
            )
            redeem_invite(
                session,
                code=invite.code,
                channel=CHANNEL,
                external_id=handle,
                chat_id=handle,
                display_name=name,
                language="vi",
                now=app.now(),
            )
    return report
