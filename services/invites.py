"""Invites for every agency at once (`nhacviec invite bulk`): one per agency that leads tasks
in a plan, as a workbook with each agency's code, its t.me link and a QR code to scan, so a
coordinator can send them all in one go. An agency that already has someone registered in the
role, or a still valid invite, is not invited again unless asked (``reissue``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from io import BytesIO

import qrcode
from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_, gettext
from models import Agency, Invite, OfficialRole
from services import audit
from services.coverage import lead_agencies
from services.people import create_invite
from services.roster import Roster

QR_PIXELS = 150


class Outcome(StrEnum):
    NEW = "new"  # a new invite, its code in the workbook
    VALID = "valid"  # an earlier invite is still valid (its code was shown when it was made)
    REGISTERED = "registered"  # someone is registered in the role already


@dataclass(frozen=True)
class AgencyInvite:
    agency_id: int
    agency: str
    outcome: Outcome
    code: str | None = None
    expires_at: datetime | None = None
    registered: tuple[str, ...] = ()


def bulk_invites(
    session: Session,
    plan_id: int,
    role: OfficialRole,
    *,
    now: datetime,
    valid_for: timedelta,
    created_by: str,
    reissue: bool = False,
) -> list[AgencyInvite]:
    """An invite in ``role`` for each agency leading tasks of the plan (as it answers today)."""
    roster = Roster.load(session, now.date())
    out = []
    for agency_id in lead_agencies(session, roster, plan_id):
        name = roster.names.get(agency_id, "")
        people = [p.name for p in roster.by_agency.get(agency_id, []) if p.role == role]
        if people:
            out.append(AgencyInvite(agency_id, name, Outcome.REGISTERED, registered=tuple(people)))
            continue
        valid = list(
            session.scalars(
                select(Invite)
                .where(
                    Invite.agency_id == agency_id,
                    Invite.role == role,
                    Invite.used_at.is_(None),
                    Invite.expires_at > now,
                )
                .order_by(Invite.expires_at.desc())
            )
        )
        if valid and not reissue:
            out.append(AgencyInvite(agency_id, name, Outcome.VALID, expires_at=valid[0].expires_at))
            continue
        for old in valid:
            audit.record(
                session,
                at=now,
                actor=created_by,
                action="invite.revoke",
                entity="invite",
                entity_id=old.id,
                before={"expires_at": old.expires_at.isoformat()},
                after={"expires_at": now.isoformat(), "reason": "reissued"},
            )
            old.expires_at = now
        agency = session.get_one(Agency, agency_id)
        invite = create_invite(
            session,
            agency=agency,
            role=role,
            now=now,
            valid_for=valid_for,
            created_by=created_by,
            plan_id=plan_id,
        )
        out.append(AgencyInvite(agency_id, name, Outcome.NEW, invite.code, invite.expires_at))
    return out


# --------------------------------------------------------------------------- the workbook

COLUMNS = (
    (N_("No."), 6),
    (N_("Agency"), 40),
    (N_("Invite code"), 16),
    (N_("Link to register"), 44),
    (N_("Valid until"), 16),
    (N_("Status"), 44),
    (N_("QR code"), 24),
)
OUTCOMES = {
    Outcome.NEW: N_("New invite: send the link or the QR code to the agency"),
    Outcome.VALID: N_(
        "An earlier invite is still valid; its code was given when it was made "
        "(run again with --reissue for a new one)"
    ),
    Outcome.REGISTERED: N_("Already registered: %(names)s"),
}
START_TEXT = N_("Send /start %(code)s to the bot")


def workbook(
    invites: Sequence[AgencyInvite],
    link: Callable[[str], str | None],
    when: Callable[[datetime], str],
    title: str,
) -> bytes:
    """The invites as an .xlsx sheet, a QR code image beside each new one (in the current
    language). ``link``: the t.me link of a code, None without a bot username; ``when``: how
    an expiry date is written."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = gettext(N_("Invites"))[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([gettext(text) for text, _width in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, (_text, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    for number, item in enumerate(invites, start=1):
        row = 2 + number
        url = link(item.code) if item.code else None
        status = gettext(OUTCOMES[item.outcome])
        if item.outcome is Outcome.REGISTERED:
            status = status % {"names": ", ".join(item.registered)}
        sheet.append(
            [
                number,
                item.agency,
                item.code or "",
                url or (gettext(START_TEXT) % {"code": item.code} if item.code else ""),
                when(item.expires_at) if item.expires_at else "",
                status,
            ]
        )
        for cell in sheet[row]:
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        if item.code:
            image = Image(BytesIO(qr_png(url or item.code)))
            image.width = image.height = QR_PIXELS
            sheet.add_image(image, f"G{row}")
            sheet.row_dimensions[row].height = QR_PIXELS * 0.78  # points
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as a PNG."""
    code = qrcode.QRCode(border=2, box_size=6)
    code.add_data(text)
    code.make(fit=True)
    buffer = BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()
