"""The evidence upload page: a one-time link opens it, the files land as chat evidence does.

``create_app(site)`` is a Starlette app: ``GET /u/<token>`` shows the task and the form,
``POST /u/<token>`` stores every file of the request or none (type, size and signature checks,
SHA-256, once per task), marks the link used, and puts a confirmation into the outbox in the
same transaction. The page's script and style come from ``/static``: nothing from elsewhere.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Message

from handlers import upload as upload_handlers
from i18n import DEFAULT_LANGUAGE, N_, current_language, gettext, ngettext, use_language
from i18n.formatting import day, status_label
from models import MilestoneStatus, Official
from models.upload import UploadLink
from services import evidence as evidence_service
from services import outbox, upload_links
from services import tasks as task_service
from services.errors import NotAllowed, UserError
from services.messages import OutboxMessage, button_rows
from services.upload_links import LinkGone, LinkInvalid, UploadLinks

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
MAX_FILES = 10  # per link
MAX_BODY = 3 * evidence_service.DOWNLOAD_LIMIT + 1_000_000  # three full-size files and the form
ACCEPT = ",".join([*evidence_service.ALLOWED, "application/pdf", "image/jpeg", "image/png"])
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the address
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
}

TITLE = N_("Send evidence")
PICK_FILES = N_("Choose files")
TAKE_PHOTO = N_("Take a photo")
HINT = N_(
    "PDF, Word, Excel, JPEG or PNG, up to 20 MB each and %(count)d files at a time. "
    "You can choose several files and take several photos."
)
SEND = N_("Send")
REMOVE = N_("Remove")
DEADLINE = N_("Deadline: %(date)s (%(status)s)")
HAS_FILES = N_("Evidence files so far: %(count)d")
SENDER = N_("Sent by: %(name)s, %(agency)s")
EXPIRES = N_("This link works once, until %(time)s on %(date)s.")
PROGRESS = N_("Uploading… %(percent)s%%")
NO_FILE = N_("Choose at least one file or take a photo first.")
TOO_MANY = N_("At most %(count)d files at a time. Send the rest with a new link.")
TOO_MUCH = N_(
    "These files are too large together (over %(mb)d MB). Send some of them now and the rest "
    "with a new link."
)
FILE_REFUSED = N_("%(name)s was not accepted. %(reason)s Nothing was saved; choose again.")
NETWORK = N_("The upload did not finish: the connection was lost. Check it and tap Send again.")
DONE_NEXT = N_("A confirmation has been sent to your chat. You can close this page.")
ALREADY = N_("%(name)s (already recorded, kept once)")
CANNOT_USE = N_("Cannot use this link")
SORRY = N_("Sorry, something went wrong and nothing was saved. Please try again.")


@dataclass(frozen=True)
class Site:
    """What the page needs: the database, the link signer, where evidence is kept, the clock."""

    sessions: sessionmaker[Session]
    links: UploadLinks
    evidence_dir: Path
    clock: Callable[[], datetime]

    def now(self) -> datetime:
        return self.clock()


def create_app(site: Site) -> Starlette:
    """The upload page's ASGI app."""
    pages = UploadPages(site)
    return Starlette(
        routes=[
            Route(upload_links.PATH + "{token}", pages.show, methods=["GET"]),
            Route(upload_links.PATH + "{token}", pages.receive, methods=["POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ]
    )


def e(value: object) -> str:
    """Every value on the page goes through here: text, never markup."""
    return html.escape(str(value), quote=True)


def translate(message: str, **values: object) -> str:
    """A catalog message in the current language with its values (plain text, not escaped)."""
    return gettext(message) % values if values else gettext(message)


class Refused(Exception):
    """A request the page answers with a catalog message and an HTTP status."""

    def __init__(self, status: int, message: str, **values: object) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.values = values

    def text(self) -> str:
        return translate(self.message, **self.values)


class _BodyTooLarge(Exception):
    pass


@dataclass
class Outcome:
    status: int
    message: str
    lines: list[str] = field(default_factory=list)
    language: str = DEFAULT_LANGUAGE


@dataclass
class UploadPages:
    site: Site

    # --- the page

    async def show(self, request: Request) -> Response:
        token = request.path_params["token"]
        status, language, body = await run_in_threadpool(self._form_page, token)
        with use_language(language):
            return _html(status, body)

    def _form_page(self, token: str) -> tuple[int, str, str]:
        now = self.site.now()
        with self.site.sessions() as session:
            try:
                link = upload_links.open_link(session, self.site.links, token, now)
            except UserError as refusal:
                language = _language_of(session, token)
                with use_language(language):
                    return _status_of(refusal), language, _refusal_page(refusal)
            official = session.get(Official, link.official_id)
            assert official is not None
            with use_language(official.language):
                try:
                    card = task_service.task_card(session, official, link.task_id, now.date())
                except UserError as refusal:
                    return _status_of(refusal), official.language, _refusal_page(refusal)
                return 200, official.language, _form(card, official, link, now)

    # --- the upload

    async def receive(self, request: Request) -> Response:
        token = request.path_params["token"]
        wants_json = request.headers.get("x-requested-with") == "XMLHttpRequest"
        try:
            files = await _read_files(request)
        except Refused as refused:
            language = await run_in_threadpool(self._language, token)
            with use_language(language):
                outcome = Outcome(refused.status, refused.text(), language=language)
        else:
            outcome = await run_in_threadpool(self._store, token, files)
        with use_language(outcome.language):
            if wants_json:
                return JSONResponse(
                    {
                        "ok": outcome.status == 200,
                        "message": outcome.message,
                        "lines": outcome.lines,
                    },
                    status_code=outcome.status,
                    headers=HEADERS,
                )
            if outcome.status == 200:
                return _html(200, _done_page(outcome.message, outcome.lines))
            return _html(outcome.status, _message_page(outcome.message))

    def _language(self, token: str) -> str:
        with self.site.sessions() as session:
            return _language_of(session, token)

    def _store(self, token: str, files: list[tuple[str, str | None, bytes]]) -> Outcome:
        """Every file or none: a refused file rolls the whole upload back, link included."""
        now = self.site.now()
        language = self._language(token)
        try:
            with self.site.sessions.begin() as session:
                link = upload_links.claim(session, self.site.links, token, now)
                official = session.get(Official, link.official_id)
                assert official is not None
                with use_language(official.language):
                    return self._attach(session, link, official, files, now)
        except UserError as refusal:
            with use_language(language):
                return Outcome(_status_of(refusal), _refusal_text(refusal), language=language)
        except Refused as refused:
            with use_language(language):
                return Outcome(refused.status, refused.text(), language=language)
        except Exception:
            log.exception("upload on link %s failed", token.rsplit(".", 1)[0])
            with use_language(language):
                return Outcome(500, translate(SORRY), language=language)

    def _attach(
        self,
        session: Session,
        link: UploadLink,
        official: Official,
        files: list[tuple[str, str | None, bytes]],
        now: datetime,
    ) -> Outcome:
        stored = []
        for name, mime_type, content in files:
            try:
                stored.append(
                    evidence_service.attach_evidence(
                        session,
                        official,
                        link.task_id,
                        name=name,
                        mime_type=mime_type,
                        content=content,
                        evidence_dir=self.site.evidence_dir,
                        now=now,
                    )
                )
            except evidence_service.BadFile as bad:
                status = _bad_file_status(bad.message)
                raise Refused(
                    status, FILE_REFUSED, name=name, reason=translate(bad.message)
                ) from bad
        chat_text, buttons = upload_handlers.confirmation(
            session, official, link.task_id, stored, now
        )
        outbox.enqueue(
            session,
            official_id=official.id,
            kind="evidence_upload",
            key=f"upload:{link.id}",
            message=OutboxMessage(chat_text, button_rows(buttons)),
            now=now,
        )
        label = task_service.load_task(session, link.task_id).label
        done = ngettext(
            "Saved %(count)d evidence file for %(label)s.",
            "Saved %(count)d evidence files for %(label)s.",
            len(stored),
        ) % {"count": len(stored), "label": label}
        lines = [
            s.evidence.original_name if s.new else translate(ALREADY, name=s.evidence.original_name)
            for s in stored
        ]
        return Outcome(200, done, lines, language=official.language)


# --- reading the request


async def _read_files(request: Request) -> list[tuple[str, str | None, bytes]]:
    """The request's files as (name, type, bytes), reading no more than MAX_BODY bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise Refused(413, TOO_MUCH, mb=MAX_BODY // 1_000_000)
    limited = Request(request.scope, _limit(request.receive, MAX_BODY))
    try:
        async with limited.form(max_files=MAX_FILES, max_fields=20) as form:
            uploads = [
                item
                for item in form.getlist("files")
                if isinstance(item, UploadFile) and item.filename
            ]
            files = []
            for item in uploads:
                name = PurePath(item.filename.replace("\\", "/")).name or "file"
                files.append((name, item.content_type, await item.read()))
    except _BodyTooLarge:
        raise Refused(413, TOO_MUCH, mb=MAX_BODY // 1_000_000) from None
    except (MultiPartException, HTTPException) as problem:
        # Starlette turns a multipart problem into a 400 HTTPException inside an app.
        detail = problem.detail if isinstance(problem, HTTPException) else problem.message
        if "Too many files" in str(detail):
            raise Refused(400, TOO_MANY, count=MAX_FILES) from None
        raise Refused(400, NO_FILE) from None
    if not files:
        raise Refused(400, NO_FILE)
    return files


def _limit(
    receive: Callable[[], Awaitable[Message]], limit: int
) -> Callable[[], Awaitable[Message]]:
    """``receive`` that stops a body longer than ``limit``, declared length or not."""
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge
        return message

    return limited


# --- answers


def _language_of(session: Session, token: str) -> str:
    """The language of the official a token names (for refusals), else Vietnamese."""
    official_id = session.scalar(
        select(UploadLink.official_id).where(
            UploadLink.token_hash == upload_links.token_hash(token)
        )
    )
    official = session.get(Official, official_id) if official_id else None
    return official.language if official else DEFAULT_LANGUAGE


def _status_of(refusal: UserError) -> int:
    if isinstance(refusal, LinkInvalid):
        return 404
    if isinstance(refusal, LinkGone):
        return 410
    if isinstance(refusal, NotAllowed):
        return 403
    if isinstance(refusal, evidence_service.BadFile):
        return _bad_file_status(refusal.message)
    return 400


def _bad_file_status(message: str) -> int:
    if message == evidence_service.TOO_LARGE:
        return 413
    if message == evidence_service.WRONG_TYPE:
        return 415
    return 400


def _refusal_text(refusal: UserError) -> str:
    return translate(refusal.message, **refusal.params)


def _html(status: int, body: str) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def _document(title: str, body: str, *, script: bool = False) -> str:
    tail = '<script src="../static/upload.js"></script>' if script else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{e(current_language())}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{e(title)}</title>"
        '<link rel="stylesheet" href="../static/upload.css">'
        "</head>"
        f'<body><main class="sheet">{body}</main>{tail}</body></html>\n'
    )


def _refusal_page(refusal: UserError) -> str:
    return _message_page(_refusal_text(refusal))


def _message_page(message: str) -> str:
    body = (
        f'<header class="top"><h1>{e(translate(CANNOT_USE))}</h1></header>'
        f'<p class="notice" role="alert">{e(message)}</p>'
    )
    return _document(translate(CANNOT_USE), body)


def _done_page(message: str, lines: list[str]) -> str:
    items = "".join(f"<li>{e(line)}</li>" for line in lines)
    body = (
        f'<header class="top"><h1>{e(translate(TITLE))}</h1></header>'
        f'<section class="done"><p class="done-title">✅ {e(message)}</p>'
        f'<ul class="chosen">{items}</ul><p>{e(translate(DONE_NEXT))}</p></section>'
    )
    return _document(translate(TITLE), body)


def _attrs(values: Mapping[str, object]) -> str:
    return " ".join(f'{name}="{e(value)}"' for name, value in values.items())


def _form(card: task_service.TaskCard, official: Official, link: UploadLink, now: datetime) -> str:
    tz = now.tzinfo
    facts = []
    open_due = next(
        (
            m
            for m in card.milestones
            if m.due is not None
            and m.status not in (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)
        ),
        None,
    )
    if open_due is not None and open_due.due is not None:
        facts.append(
            translate(DEADLINE, date=day(open_due.due), status=status_label(open_due.status))
        )
    facts.append(translate(HAS_FILES, count=card.evidence_count))
    facts.append(translate(SENDER, name=official.full_name, agency=official.agency.name))
    expires = link.expires_at.astimezone(tz)
    strings = {
        "data-max-bytes": evidence_service.DOWNLOAD_LIMIT,
        "data-max-files": MAX_FILES,
        "data-allowed": " ".join(evidence_service.ALLOWED),
        "data-msg-wrong-type": translate(
            FILE_REFUSED, name="{name}", reason=translate(evidence_service.WRONG_TYPE)
        ),
        "data-msg-too-large": translate(
            FILE_REFUSED, name="{name}", reason=translate(evidence_service.TOO_LARGE)
        ),
        "data-msg-too-many": translate(TOO_MANY, count=MAX_FILES),
        "data-msg-none": translate(NO_FILE),
        "data-msg-progress": translate(PROGRESS, percent="{percent}"),
        "data-msg-network": translate(NETWORK),
        "data-msg-remove": translate(REMOVE),
        "data-msg-next": translate(DONE_NEXT),
    }
    fact_items = "".join(f"<li>{e(fact)}</li>" for fact in facts)
    body = f"""
<header class="top"><h1>{e(translate(TITLE))}</h1><p class="plan">{e(card.plan_title)}</p></header>
<section class="task">
<p class="label">{e(card.label)}</p>
<p class="title">{e(card.title)}</p>
<ul class="facts">{fact_items}</ul>
</section>
<form id="upload" method="post" enctype="multipart/form-data" {_attrs(strings)}>
<div class="pick">
<input id="files" name="files" type="file" multiple accept="{e(ACCEPT)}">
<label class="button secondary" for="files">📎 {e(translate(PICK_FILES))}</label>
<input id="camera" name="files" type="file" accept="image/jpeg,image/png" capture="environment">
<label class="button secondary" for="camera">📷 {e(translate(TAKE_PHOTO))}</label>
</div>
<p class="hint">{e(translate(HINT, count=MAX_FILES))}</p>
<ul id="chosen" class="chosen"></ul>
<div id="progress" class="progress" hidden>
<progress id="bar" max="100" value="0"></progress><span id="percent"></span>
</div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<button id="send" type="submit" class="button primary">{e(translate(SEND))}</button>
<p class="expires">{e(translate(EXPIRES, time=f"{expires:%H:%M}", date=f"{expires:%d/%m/%Y}"))}</p>
</form>
<section id="done" class="done" hidden aria-live="polite">
<p id="done-title" class="done-title"></p><ul id="done-files" class="chosen"></ul>
<p>{e(translate(DONE_NEXT))}</p>
</section>"""
    return _document(translate(TITLE), body, script=True)
