"""The `nhacviec` command line: database, plan import, listings, and running the bot or the demo."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from bot import demo
from bot.app import App, build_app
from bot.channels.console import Console
from bot.db import settle
from handlers.start import ROLE_NAMES
from i18n import LANGUAGES, N_, _, translations, use_language
from i18n.formatting import day, short_day, status_label
from models import OfficialRole, Plan
from planning.errors import BadDocument
from planning.importer import import_document, to_json
from planning.workbook import is_export, read_workbook
from services.agencies import find_agency
from services.errors import UserError
from services.people import create_invite
from services.plans import ImportReport, import_plan, plan_identity_of
from services.queries import list_plans, plan_tasks

log = logging.getLogger("nhacviec")


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from bot import logs
    from bot.settings import get_settings

    logs.install(logs.settings_secrets(get_settings()))
    with use_language(get_settings().default_language):
        parser = _parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "func"):  # a command group without its subcommand, or nothing
            (getattr(args, "group_parser", None) or parser).print_help()
            return 0
        try:
            return int(args.func(args) or 0)
        except BadDocument as error:
            print(_("Cannot import: %(reason)s") % {"reason": error.render(_)}, file=sys.stderr)
            return 2
        except UserError as error:
            print(
                _(error.message) % error.params if error.params else _(error.message),
                file=sys.stderr,
            )
            return 2


class _Help(argparse.HelpFormatter):
    """argparse's help, with its own words in the current language too."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, _("Usage: ") if prefix is None else prefix)


def _command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    **defaults: object,
) -> argparse.ArgumentParser:
    """A subcommand with its one-line help, shown in the list and on its own page."""
    help_line = _(help_text)
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_line, description=help_line, formatter_class=_Help, add_help=False
    )
    _with_help(parser)
    parser.set_defaults(**defaults)
    return parser


def _with_help(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = _("arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))


def _group(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """A command that only groups others (``plan import``, ``plan list``...)."""
    parser = _command(commands, name, help_text)
    parser.set_defaults(group_parser=parser)
    return parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nhacviec",
        description=_(
            "Follows an administrative-reform plan until every task is done: reads the plan, "
            "reminds the agencies in Telegram and Zalo, answers coordinators."
        ),
        epilog=_(
            "Start: nhacviec plan import PLAN.docx, then nhacviec invite create, then nhacviec "
            "run. Without a bot token, nhacviec run opens the terminal demo. Each command has "
            "its own help: nhacviec plan import -h"
        ),
        formatter_class=_Help,
        add_help=False,
    )
    _with_help(parser)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    db = _group(commands, "db", N_("The database"))
    _command(db, "upgrade", N_("Migrate the database to the newest schema"), func=_db_upgrade)

    plan = _group(commands, "plan", N_("Plans: import a plan document, list the plans"))
    imp = _command(
        plan, "import", N_("Read a plan document and store its tasks"), func=_plan_import
    )
    imp.add_argument("file", type=Path, metavar=_("FILE"), help=_("the plan: .docx, .txt or .md"))
    imp.add_argument(
        "--dry-run", action="store_true", help=_("read and report what was found; write nothing")
    )
    imp.add_argument("--json", action="store_true", help=_("print what was read as JSON"))
    imp.add_argument(
        "--plan",
        type=int,
        metavar="ID",
        help=_("apply it to this plan: a corrected workbook, or an amended document"),
    )
    _command(plan, "list", N_("The plans imported, with their numbers"), func=_plan_list)
    export = _command(
        plan, "export", N_("Write the plan as read to a workbook, to correct it"), func=_plan_export
    )
    export.add_argument("plan_id", type=int, metavar="ID", help=_("the plan"))
    export.add_argument("--out", type=Path, required=True, help=_("the workbook to write (.xlsx)"))

    report = _command(
        commands,
        "report",
        N_("Write the report to the People's Committee for a period as a Word document"),
        func=_report,
    )
    report.add_argument("--plan", type=int, metavar="ID", required=True, help=_("the plan"))
    report.add_argument(
        "--period",
        required=True,
        help=_("a quarter, a half-year or a year: 2025-Q3, 2025-H1, 2025"),
    )
    report.add_argument("--out", type=Path, required=True, help=_("the document to write (.docx)"))

    tasks = _command(commands, "tasks", N_("A plan's tasks with their status"), func=_tasks)
    tasks.add_argument("--plan", type=int, metavar="ID", help=_("the plan (default: the newest)"))

    invite = _group(commands, "invite", N_("Invites for officials to register with the bot"))
    create = _command(
        invite, "create", N_("Create a one-time invite for an agency"), func=_invite_create
    )
    create.add_argument(
        "--agency", required=True, help=_('the agency, as the plan names it: "Sở Tư pháp"')
    )
    create.add_argument(
        "--role",
        choices=[r.value for r in OfficialRole],
        default="official",
        help=_("official, focal (the agency's focal point), coordinator or steering"),
    )
    create.add_argument(
        "--expires", default="7d", help=_("how long the invite is valid: 7d, 48h (default 7d)")
    )

    bulk = _command(
        invite,
        "bulk",
        N_("One invite per agency that leads tasks in a plan, as a workbook with QR codes"),
        func=_invite_bulk,
    )
    bulk.add_argument("--plan", type=int, required=True, metavar="ID", help=_("the plan"))
    bulk.add_argument(
        "--role",
        choices=[r.value for r in OfficialRole],
        default="focal",
        help=_("official, focal (the agency's focal point), coordinator or steering"),
    )
    bulk.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("the workbook: invites.xlsx")
    )
    bulk.add_argument(
        "--expires", default="14d", help=_("how long the invites are valid: 14d (default)")
    )
    bulk.add_argument(
        "--reissue",
        action="store_true",
        help=_("replace invites that are still valid with new ones"),
    )

    agencies = _group(commands, "agencies", N_("The agencies of the plans"))
    cover = _command(
        agencies,
        "coverage",
        N_("Agencies with open tasks that the reminders cannot reach"),
        func=_agencies_coverage,
    )
    cover.add_argument("--plan", type=int, metavar="ID", help=_("one plan (default: all)"))

    chat = _command(commands, "chat", N_("Talk to the bot in this terminal"), func=_chat)
    chat.add_argument(
        "--as", dest="handle", required=True, help=_("who you are in the terminal: canbo")
    )

    calendar = _group(commands, "calendar", N_("Days off and working days of the province"))
    for name, kind, help_text in (
        ("add-off", "off", N_("Declare a day off (no reminders are counted or sent)")),
        ("add-work", "work", N_("Declare a working day (a Saturday worked in exchange)")),
    ):
        day = _command(calendar, name, help_text, func=_calendar_add, kind=kind)
        day.add_argument("date", type=date.fromisoformat, metavar="YYYY-MM-DD", help=_("the day"))
        day.add_argument("--note", help=_("why, for the record"))

    jobs = _group(commands, "jobs", N_("The scheduled reminders, by hand"))
    at_help = _("as if it were this moment: 2026-03-25T08:00 (default: now)")
    once = _command(
        jobs, "run-once", N_("Queue the reminders and digests due now"), func=_jobs_run_once
    )
    once.add_argument("--at", type=datetime.fromisoformat, help=at_help)
    preview = _command(
        jobs, "preview", N_("What the reminders would send, day by day"), func=_jobs_preview
    )
    preview.add_argument("--days", type=int, default=14, help=_("how many days (default 14)"))
    preview.add_argument("--at", type=datetime.fromisoformat, help=at_help)
    preview.add_argument(
        "--json", action="store_true", help=_("print the digests as JSON, for programs")
    )

    _command(
        commands,
        "run",
        N_("Run the bot: the chat apps with a token, the upload page and the schedules"),
        func=_run,
    )
    _command(commands, "demo", N_("The terminal demo on the sample plan"), func=_demo)
    _backup_commands(commands)
    _people_commands(commands)
    return parser


def _backup_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    save = _command(
        commands, "backup", N_("Save the database and the evidence files in one file"), func=_backup
    )
    save.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar=_("FILE"),
        help=_("where to write it (default: var/backups/nhacviec-DATE-TIME.tar.gz)"),
    )
    load = _command(
        commands,
        "restore",
        N_("Put a backup back: the database and the evidence files"),
        func=_restore,
    )
    load.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
    load.add_argument(
        "--force", action="store_true", help=_("replace a database that already holds data")
    )


def _backup(args: argparse.Namespace) -> int:
    from bot.backup import backup

    app = build_app()
    now = app.now()
    path = args.file or Path("var/backups") / f"nhacviec-{now:%Y%m%d-%H%M%S}.tar.gz"
    manifest = backup(app, path, now)
    print(
        _("Saved %(path)s: %(rows)d rows, %(files)d evidence files.")
        % {
            "path": str(path),
            "rows": sum(manifest.tables.values()),
            "files": len(manifest.evidence),
        }
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from bot.backup import restore

    if not args.file.is_file():
        print(_("No such file: %(path)s") % {"path": str(args.file)}, file=sys.stderr)
        return 2
    app = build_app(migrate=False)
    manifest = restore(app, args.file, app.now(), force=args.force)
    print(
        _("Restored the backup of %(date)s: %(rows)d rows, %(files)d evidence files.")
        % {
            "date": manifest.created_at,
            "rows": sum(manifest.tables.values()),
            "files": len(manifest.evidence),
        }
    )
    return 0


def _people_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    people = _group(commands, "people", N_("The people registered with the bot"))
    _command(people, "list", N_("Everyone registered, with their numbers"), func=_people_list)
    remove = _command(
        people,
        "remove",
        N_("Remove a person's chat accounts and name; the audit log keeps what they did"),
        func=_people_remove,
    )
    remove.add_argument("id", type=int, metavar="ID", help=_("the person's number (people list)"))


def _people_list(_args: argparse.Namespace) -> int:
    from services.people import everyone

    app = build_app()
    with app.sessions() as session:
        for person in everyone(session):
            print(
                f"#{person.id} {person.full_name} | {person.agency.name} | {person.role}"
                + (
                    f" | {', '.join(sorted({a.channel for a in person.accounts}))}"
                    if person.accounts
                    else ""
                )
                + ("" if person.active else " | " + _("removed"))
            )
    return 0


def _people_remove(args: argparse.Namespace) -> int:
    from services.people import remove_person

    app = build_app()
    with app.sessions.begin() as session:
        removed = remove_person(session, args.id, actor="cli", now=app.now())
    print(
        _("Removed person #%(id)d: %(accounts)d chat accounts deleted, name replaced.")
        % {"id": removed.official_id, "accounts": removed.accounts}
    )
    return 0


def _duration(text: str) -> timedelta:
    match = re.fullmatch(r"(\d+)\s*([dh])", text.strip().lower())
    if not match:
        raise UserError(N_("A duration is a number followed by d (days) or h (hours), e.g. 7d."))
    amount, unit = int(match[1]), match[2]
    return timedelta(days=amount) if unit == "d" else timedelta(hours=amount)


def _invite_create(args: argparse.Namespace) -> int:
    app = build_app()
    with app.sessions.begin() as session:
        agency = find_agency(session, app.directory, args.agency)
        invite = create_invite(
            session,
            agency=agency,
            role=OfficialRole(args.role),
            now=app.now(),
            valid_for=_duration(args.expires),
            created_by="cli",
        )
    print(
        _("Invite for %(agency)s (%(role)s), valid until %(until)s:")
        % {
            "agency": invite.agency_name,
            "role": args.role,
            "until": short_day(invite.expires_at.astimezone(app.settings.tz)),
        }
    )
    print(invite.code)
    username = app.settings.telegram_bot_username
    if username:
        print(f"https://t.me/{username}?start={invite.code}")
    return 0


def _at(app: App, at: datetime | None) -> datetime:
    """``--at``: a moment in the configured zone (naive means local time), default now."""
    if at is None:
        return app.now()
    return at if at.tzinfo else at.replace(tzinfo=app.settings.tz)


def _calendar_add(args: argparse.Namespace) -> int:
    from services.calendar import add_day

    app = build_app()
    with app.sessions.begin() as session:
        add_day(session, args.date, args.kind, "cli", app.now(), note=args.note)
    print(
        _("Saved: %(date)s is a %(kind)s.")
        % {
            "date": short_day(args.date),
            "kind": _("day off") if args.kind == "off" else _("working day"),
        }
    )
    return 0


def _jobs_run_once(args: argparse.Namespace) -> int:
    from jobs.scheduler import tick

    app = build_app()
    report = tick(app.sessions, _at(app, args.at), app.schedules)
    print(
        _("%(nudges)d messages queued, %(withdrawn)d withdrawn, %(digest)d digest messages.")
        % {
            "nudges": report.nudges.enqueued,
            "withdrawn": report.nudges.withdrawn,
            "digest": len(report.digest.queued),
        }
    )
    return 0


def _jobs_preview(args: argparse.Namespace) -> int:
    from jobs.preview import preview
    from services.calendar import work_calendar
    from services.coverage import coverage

    app = build_app()
    policy = app.schedules.policy
    start = _at(app, args.at)
    with app.sessions() as session:
        calendar = work_calendar(session, app.settings.tz, policy.working_hours)
        planned = preview(session, start, args.days, calendar, policy)
        gaps = coverage(session, start.date())
    if args.json:
        document = {
            "from": start.isoformat(),
            "days": args.days,
            "digests": [p.to_json() for p in planned],
            "coverage": [_gap_json(g) for g in gaps],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    shown: date | None = None
    for item in planned:
        if item.at.date() != shown:
            shown = item.at.date()
            print(f"=== {day(shown)} ===")
        print(
            _("--- %(time)s · %(name)s (%(role)s, %(agency)s)")
            % {
                "time": f"{item.at:%H:%M}",
                "name": item.person.name,
                "role": _(ROLE_NAMES.get(item.person.role, item.person.role)),
                "agency": item.agency,
            }
        )
        for number, (text, buttons) in enumerate(item.plain(), start=1):
            if number > 1:
                print(_("--- page %(page)d") % {"page": number})
            print(text)
            print(" ".join(f"[{label}]" for row in buttons for label in row))
        print()
    people = len({p.person.id for p in planned})
    print(
        _("%(count)d messages for %(people)d people in %(days)d days.")
        % {"count": len(planned), "people": people, "days": args.days}
    )
    if gaps:
        print(
            _(
                "The reminders reach nobody at %(count)d agencies with %(milestones)d open "
                "milestones: nhacviec agencies coverage"
            )
            % {"count": len(gaps), "milestones": sum(g.milestones for g in gaps)}
        )
    return 0


def _gap_json(gap) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "agency": gap.name,
        "gap": gap.gap.value,
        "registered": gap.registered,
        "leads": gap.leads,
        "supports": gap.supports,
        "next_due": gap.next_due.isoformat() if gap.next_due else None,
    }


def _agencies_coverage(args: argparse.Namespace) -> int:
    from services.coverage import GAP_NAMES, coverage

    app = build_app()
    with app.sessions() as session:
        gaps = coverage(session, app.now().date(), args.plan)
    if not gaps:
        print(_("Every agency with open tasks has someone the reminders reach."))
        return 0
    for gap in gaps:
        print(
            _(
                "%(agency)s: %(gap)s; %(leads)d open milestones led, %(supports)d supported, "
                "next deadline %(next)s"
            )
            % {
                "agency": gap.name,
                "gap": _(GAP_NAMES[gap.gap]),
                "leads": gap.leads,
                "supports": gap.supports,
                "next": short_day(gap.next_due) if gap.next_due else "-",
            }
        )
    print(
        _(
            "%(count)d agencies are not reached; %(milestones)d open milestones have nobody "
            "to remind. Invite them: nhacviec invite bulk --plan ID --role focal --out invites.xlsx"
        )
        % {"count": len(gaps), "milestones": sum(g.milestones for g in gaps)}
    )
    return 0


def _invite_bulk(args: argparse.Namespace) -> int:
    from services.invites import Outcome, bulk_invites, workbook

    app = build_app()
    tz = app.settings.tz
    with app.sessions.begin() as session:
        plan = session.get(Plan, args.plan)
        if plan is None:
            print(_("No plan #%(id)d.") % {"id": args.plan}, file=sys.stderr)
            return 2
        title = plan.number or plan.title
        invites = bulk_invites(
            session,
            plan.id,
            OfficialRole(args.role),
            now=app.now(),
            valid_for=_duration(args.expires),
            created_by="cli",
            reissue=args.reissue,
        )
        username = app.settings.telegram_bot_username
        content = workbook(
            invites,
            lambda code: f"https://t.me/{username}?start={code}" if username else None,
            lambda moment: short_day(moment.astimezone(tz)),
            _("Invites for plan %(plan)s (%(role)s)") % {"plan": title, "role": args.role},
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(content)
    new = sum(1 for i in invites if i.outcome is Outcome.NEW)
    valid = sum(1 for i in invites if i.outcome is Outcome.VALID)
    registered = sum(1 for i in invites if i.outcome is Outcome.REGISTERED)
    print(
        _(
            "%(new)d new invites written to %(file)s; %(valid)d agencies still have a valid "
            "invite, %(registered)d have someone registered."
        )
        % {"new": new, "file": str(args.out), "valid": valid, "registered": registered}
    )
    return 0


def _chat(args: argparse.Namespace) -> int:
    app = build_app()
    Console(app, args.handle, sys.stdout).run(sys.stdin)
    return 0


def _db_upgrade(_args: argparse.Namespace) -> int:
    build_app()
    print(_("The database is up to date."))
    return 0


def _plan_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(_("No such file: %(path)s") % {"path": str(path)}, file=sys.stderr)
        return 2
    app = build_app(migrate=not args.dry_run)
    data = _read_document(path, app.settings.max_document_bytes)
    if args.plan is not None and is_export(data):
        return _plan_correct(app, args, data)
    imported = import_document(data, path.name, app.directory, app.settings.max_document_bytes)
    if args.plan is not None:
        with app.sessions() as session:
            imported.identity = plan_identity_of(session, args.plan)
    if args.json:
        json.dump(to_json(imported, _), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    report_to = sys.stderr if args.json else sys.stdout
    for finding in imported.findings:
        print(_("Warning: %(text)s") % {"text": _finding(finding)}, file=report_to)
    if args.dry_run:
        print(
            _("Read %(count)d tasks; nothing written (dry run).") % {"count": len(imported.tasks)},
            file=report_to,
        )
        return 0
    with app.sessions.begin() as session:
        report = import_plan(
            session,
            imported,
            source_name=path.name,
            sha256=hashlib.sha256(data).hexdigest(),
            directory=app.directory,
            now=app.now(),
            actor="cli",
        )
    if not report.unchanged:
        settle(app.engine)
    print(_describe(report), file=report_to)
    _describe_targets(report, report_to)
    return 0


def _plan_correct(app: App, args: argparse.Namespace, data: bytes) -> int:
    """A workbook `plan export` wrote, corrected by a coordinator: applied as an amendment."""
    from services.plan_workbook import apply_workbook

    sheet = read_workbook(data, [translations(language).gettext for language in LANGUAGES])
    with app.sessions() as session:
        report = apply_workbook(
            session, sheet, args.plan, directory=app.directory, now=app.now(), actor="cli"
        )
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    if not args.dry_run:
        settle(app.engine)
    print(_describe(report))
    _describe_targets(report, sys.stdout)
    if args.dry_run:
        print(_("Nothing written (dry run)."))
    return 0


def _plan_export(args: argparse.Namespace) -> int:
    from services.plan_workbook import export_plan

    app = build_app()
    with app.sessions() as session:
        data = export_plan(session, args.plan_id, _, app.now().date())
    args.out.write_bytes(data)
    print(_("Plan #%(id)d written to %(path)s.") % {"id": args.plan_id, "path": str(args.out)})
    return 0


def _read_document(path: Path, limit: int) -> bytes:
    """The file's bytes, refused by its size before any is read: a 4 GB file costs nothing.
    Reading stops one byte past the limit, for a file that grows after it was measured."""
    size = path.stat().st_size
    if size <= limit:
        with path.open("rb") as file:
            data = file.read(limit + 1)
        size = len(data)
    if size > limit:
        raise BadDocument(
            N_("The file is too large (%(size)d bytes; the limit is %(limit)d bytes)."),
            size=size,
            limit=limit,
        )
    return data


def _report(args: argparse.Namespace) -> int:
    from services.report_docx import build_report, parse_period

    period = parse_period(args.period)
    app = build_app()
    with app.sessions() as session:
        data = build_report(session, args.plan, period, app.now())
    args.out.write_bytes(data)
    print(
        _("The report of plan #%(id)d for %(period)s is written to %(path)s.")
        % {"id": args.plan, "period": period.label(_), "path": str(args.out)}
    )
    return 0


def _finding(finding) -> str:  # type: ignore[no-untyped-def]
    text = finding.render(_)
    if finding.line is None:
        return text
    return _("line %(line)d: %(text)s") % {"line": finding.line, "text": text}


def _describe(report: ImportReport) -> str:
    if report.unchanged:
        return _("Plan #%(id)d: this file was already imported; nothing changed.") % {
            "id": report.plan_id
        }
    if report.created:
        return _("Plan #%(id)d imported with %(count)d tasks.") % {
            "id": report.plan_id,
            "count": report.task_count,
        }
    return _(
        "Plan #%(id)d updated: %(added)d tasks added, %(changed)d changed, %(removed)d removed; "
        "progress on the other tasks is kept."
    ) % {
        "id": report.plan_id,
        "added": len(report.added),
        "changed": len(report.changed),
        "removed": len(report.removed),
    }


def _describe_targets(report: ImportReport, to: object) -> None:
    """What happened to the plan's targets (chỉ tiêu), when anything did."""
    added, changed = len(report.targets_added), len(report.targets_changed)
    removed = len(report.targets_removed)
    if added or changed or removed:
        print(
            _("Targets: %(added)d added, %(changed)d changed, %(removed)d removed.")
            % {"added": added, "changed": changed, "removed": removed},
            file=to,  # type: ignore[arg-type]
        )


def _plan_list(_args: argparse.Namespace) -> int:
    app = build_app()
    for plan in list_plans(app.sessions):
        print(
            _("#%(id)d %(number)s: %(title)s (%(count)d tasks)")
            % {
                "id": plan.id,
                "number": plan.number or "-",
                "title": plan.title,
                "count": plan.task_count,
            }
        )
    return 0


def _tasks(args: argparse.Namespace) -> int:
    app = build_app()
    plans = list_plans(app.sessions)
    if not plans:
        print(_("No plan has been imported yet."))
        return 1
    plan_id = args.plan or plans[-1].id
    _print_tasks(app, plan_id)
    return 0


def _print_tasks(app: App, plan_id: int) -> None:
    today = app.now().date()
    for line in plan_tasks(app.sessions, plan_id, today):
        due = short_day(line.due) if line.due else "--/--/----"
        leads = ", ".join(line.leads) or "-"
        print(f"{line.label:<10} {due}  {status_label(line.status):<24} {line.title[:70]}")
        print(" " * 11 + _("Lead: %(agencies)s") % {"agencies": leads})


def _run(args: argparse.Namespace) -> int:
    app = build_app()
    if app.settings.telegram_bot_token is None and app.settings.zalo_bot_token is None:
        print(_("No bot token is set: starting the terminal demo."))
        return _demo(args, app)
    import asyncio

    from bot.channels.base import NotConfigured
    from bot.runner import run_channels

    try:
        asyncio.run(run_channels(app))
    except NotConfigured as error:
        print(_(error.message) % error.params, file=sys.stderr)
        return 2
    return 0


def _demo(_args: argparse.Namespace, app: App | None = None) -> int:
    app = app or build_app()
    report = demo.set_up(app)
    print(_describe(report))
    print(_("Tasks of the sample plan, as of %(today)s:") % {"today": short_day(app.now().date())})
    _print_tasks(app, report.plan_id)
    print()
    print(
        _(
            "Demo accounts: canbo (focal point of Sở Nội vụ) and dieuphoi (coordinator). "
            "Talk to the bot as one of them with: nhacviec chat --as canbo"
        )
    )
    if sys.stdin.isatty():
        Console(app, "canbo", sys.stdout).run(sys.stdin)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
