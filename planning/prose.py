"""Read the task list of plans written as prose, with no appendix table (seeds 001 and 002).

Two shapes are read by one pass over the paragraphs of the task section:
lettered items followed by labelled lines ("- Cơ quan chủ trì: ...") and agency
headings ("a) Sở Tư pháp:") followed by bullets, or items that open with an agency.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from i18n import N_
from planning.findings import Finding
from planning.text import clean, fold
from planning.types import RawTask

# The same catalog messages as the table reader's, so they are translated once.
DUPLICATE_NUMBER = N_("Task %(number)s appears more than once in section %(section)s.")
DUPLICATE_NUMBER_NO_SECTION = N_("Task %(number)s appears more than once.")
NO_LEAD = N_("Task %(number)s names no lead agency.")
UNKNOWN_LABEL = N_("The label “%(label)s” is not one we know; its line was skipped.")

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE = re.compile(rf"^[{_SUPERSCRIPTS}]+\s*\S")
_FOOTNOTE_MARK = re.compile(rf"(?<=\S)[{_SUPERSCRIPTS}]+")

_ROMAN = re.compile(r"^(?P<num>[IVX]{1,4})\s*[.\-–]\s*(?P<title>\S.*)$")
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<title>\S.*)$")
_LETTERED = re.compile(r"^(?:[-–]\s*)?(?P<letter>[a-zđ])\s*\)\s*(?P<text>.*)$")
_BULLET = re.compile(r"^(?P<marker>[-–+•])\s*(?P<text>\S.*)$")
_SUB_BULLETS = "+•"
_LABEL = re.compile(r"^(?:[-–+•]\s*)?(?P<label>[^:]{2,80}?)\s*:\s*(?P<value>.*)$")
_QUOTED = re.compile(r"[“\"](?P<name>[^”\"]+)[”\"]")


# Paragraphs that end the plan body: signatures, recipients, the appendix.
_BODY_ENDS = ("noi nhan", "tm. uy ban", "tm uy ban", "kt. chu tich", "phu luc", "tren day la")

# Roman sections that state aims, targets, funding or how the plan is run rather
# than assign work; a title naming tasks (nhiệm vụ) is always read.
_NON_TASK_SECTIONS = (
    "muc dich",
    "muc tieu",
    "yeu cau",
    "chi tieu",
    "to chuc thuc hien",
    "kinh phi",
    "ket qua",
    "danh gia",
    "can cu",
    "quan diem",
)

# Label roles, decided on the folded label (accent-insensitive).
_LABEL_STARTS = ("co quan", "don vi", "chu tri", "phoi hop", "san pham", "ket qua", "thoi")
_DEADLINE_LABELS = ("thoi gian", "thoi han", "thoi diem")
_PRODUCT_LABELS = ("san pham", "ket qua")
_EXECUTOR_WORDS = ("thuc hien", "tham muu", "trien khai")

Role = Literal["lead", "support", "executor", "product", "deadline", "unknown"]

# Words that open an agency's name. The generic ones ("Sở", "Ban", "Báo", ...) also
# open ordinary phrases ("Ban hành", "Bảo đảm", "Thanh tra, kiểm tra"), so they only
# count when the next word is capitalised or names a level of government.
_AGENCY_OPENINGS: tuple[tuple[str, ...], ...] = (
    ("van", "phong"),
    ("ubnd",),
    ("uy", "ban"),
    ("hdnd",),
    ("hoi", "dong"),
    ("trung", "tam"),
    ("cong", "an"),
    ("chi", "cuc"),
    ("kho", "bac"),
    ("bao", "hiem"),
    ("buu", "dien"),
    ("toa", "an"),
    ("vien", "kiem", "sat"),
    ("bo", "chi", "huy"),
    ("tinh", "doan"),
    ("thu", "truong"),
    ("chu", "tich"),
    ("giam", "doc"),
    ("cac", "so"),
    ("cac", "co", "quan"),
    ("cac", "don", "vi"),
    ("cac", "phong"),
    ("cac", "ban"),
    ("cac", "huyen"),
    ("cac", "dia", "phuong"),
    ("cac", "thanh", "vien"),
    ("co", "quan"),
    ("don", "vi"),
)
_GENERIC_OPENINGS: tuple[tuple[str, ...], ...] = (
    ("so",),
    ("ban",),
    ("bao",),
    ("phong",),
    ("dai",),
    ("cuc",),
    ("thanh", "tra"),
    ("truong",),
    ("vien",),
)
# Headings that hand work to an agency: "Giao Sở Nội vụ", "Đề nghị Ủy ban MTTQ tỉnh".
_ASSIGNING: tuple[tuple[str, ...], ...] = (("giao",), ("de", "nghi"), ("yeu", "cau"))
_LEVEL_WORDS = frozenset({"tinh", "huyen", "thanh", "thi", "xa", "quan", "cap"})

# Verb-like words that end an agency name opening a sentence ("Sở Tư pháp tham mưu ...").
_VERBS: tuple[tuple[str, ...], ...] = tuple(
    tuple(v.split())
    for v in (
        "tham muu",
        "chu tri",
        "xay dung",
        "thuong xuyen",
        "khan truong",
        "phoi hop",
        "trien khai",
        "to chuc",
        "chi dao",
        "thuc hien",
        "ra soat",
        "theo doi",
        "huong dan",
        "day manh",
        "co trach nhiem",
        "chiu trach nhiem",
        "ban hanh",
        "phe duyet",
        "xac dinh",
        "long ghep",
        "tiep tuc",
        "chu dong",
        "dinh ky",
        "tong hop",
        "nghien cuu",
        "cap nhat",
        "kiem tra",
        "bao cao",
        "tap trung",
        "tang cuong",
        "duy tri",
        "trinh",
        "de xuat",
        "de nghi",
        "tiep nhan",
        "hoan thanh",
        "cong bo",
        "nang cao",
        "quan ly",
        "sap xep",
        "danh gia",
        "tu van",
        "cung cap",
        "dam bao",
        "bao dam",
        "phan dau",
        "bo tri",
        "ho tro",
        "giam sat",
        "nang cap",
        "cong khai",
        "niem yet",
        "tuyen truyen",
        "so hoa",
        "dua",
        "la",
    )
)
# A verb word right after these is part of a name: "Ban Chỉ đạo", "Phòng Tổ chức".
_NAME_HEADS = frozenset({"ban", "phong"})
_MAX_AGENCY_WORDS = 30

_DATE = r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
_BY = r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|đến(?:\s+hết)?|trong|cuối|hết|hoàn thành)"
_MONTH = r"tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}"
_QUARTER = r"quý\s+[IV]{1,3}\s*(?:/|năm)\s*\d{4}"
_YEAR = r"(?:6\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+\d{4}"
# A bare date cites a document ("Quyết định số ... ngày 24/3/2022"); a deadline says "by".
# "thời gian thực hiện: thường xuyên" names it outright; "trước ngày 15 của tháng cuối
# quý" recurs on a date.
_DEADLINE_PHRASE = re.compile(
    r"(?<=thời gian thực hiện: )[^;.]+|(?<=thời gian hoàn thành: )[^;.]+"
    rf"|(?<!\w){_BY}\s+ngày\s+\d{{1,2}}\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|hằng\s+)?quý"
    rf"|(?<!\w)(?:{_BY}(?:\s+(?:trước|trong))?\s+(?:ngày\s+)?{_DATE}"
    rf"|{_BY}\s+{_MONTH}"
    rf"|(?:{_BY}\s+)?{_QUARTER}"
    rf"|{_BY}\s+{_YEAR})",
    re.IGNORECASE,
)


@dataclass
class _Paragraph:
    line: int
    text: str


@dataclass
class _Open:
    """A paragraph that may become a task, with the labelled lines gathered under it."""

    kind: Literal["numbered", "item", "bullet"]
    line: int
    number: str
    parent: str | None
    text: str
    context_lead: str
    subsection: int
    section: str | None
    section_title: str | None
    labels: list[tuple[Role, str]] = field(default_factory=list)
    has_children: bool = False


@dataclass(frozen=True)
class _Part:
    """A numbered heading of a task section ("2. Cải cách thủ tục hành chính") that holds
    items rather than being a task: a part of the plan, read as a section of its own."""

    section: str | None
    number: str
    title: str
    names_agency: bool


@dataclass
class _Candidate:
    task: RawTask
    subsection: int
    # An item with no labels and no agency: kept only where its subsection labels others,
    # or where its section assigns nothing to any agency (the issuer's own work).
    unassigned: bool = False
    section: int = 0
    # A duty of the organising section (tổ chức thực hiện): kept only with an agency and a
    # dated deadline ("Sở Nội vụ ... báo cáo trước ngày 15/12/2026").
    duty: bool = False


def read_prose(
    lines: Sequence[str], *, lenient: bool = False
) -> tuple[list[RawTask], list[Finding]]:
    """Read the tasks (nhiệm vụ) of a prose plan, with what was odd about them.

    Numbering: a lettered item is "<subsection>.<letter>" ("1.a", parent "1"); a
    bullet under an agency heading is "<subsection>.<letter>.<n>" ("2.a.1", parent
    "2.a"). ``section`` is the roman section ("II") with its title; a numbered part
    of it that holds items and names no agency (a field of reform, "2. Cải cách thủ
    tục hành chính") is a section of its own, "II.2" titled after the part (the field's
    name in quotes where there is one), and its items are numbered within it ("b").
    Only sections that assign work are read: aims, targets (mục tiêu, chỉ tiêu),
    funding and the organising section (tổ chức thực hiện, which says who monitors
    and reports) are skipped.

    ``lenient`` (a document with no task table): the organising section's duties that
    name an agency and a dated deadline are tasks too, and so are the items of a task
    section that names no agency at all (the issuer's own work, as a commune's plan
    writes it).
    """
    paragraphs = _paragraphs(lines)
    # A text with no roman sections at all is read whole.
    reader = _Reader(read_all=not any(_ROMAN.match(p.text) for p in paragraphs), lenient=lenient)
    for paragraph in paragraphs:
        reader.feed(paragraph)
    return reader.finish()


class _Reader:
    def __init__(self, *, read_all: bool, lenient: bool = False) -> None:
        self.section: str | None = None
        self.section_title: str | None = None
        self.in_tasks = read_all
        self.organising = False
        self.section_key = 0
        self.lenient = lenient
        self.sub_number: str | None = None
        self.sub_title: str | None = None
        self.sub_agency = ""
        self.sub_key = 0
        self.letter: str | None = None
        self.group_agency = ""
        self.bullets = 0
        self.open: _Open | None = None
        self.candidates: list[_Candidate] = []
        self.labelled_subsections: set[int] = set()
        self.parts: dict[int, _Part] = {}
        self.section_titles: dict[str, str] = {}
        self.findings: list[Finding] = []

    def feed(self, p: _Paragraph) -> None:
        text = p.text
        if fold(text).startswith(_BODY_ENDS):
            self._close()
            self.in_tasks = False
            self._reset_subsection(None, None)
            return
        roman = _ROMAN.match(text)
        if roman:
            self._close()
            self.section = roman["num"]
            self.section_title = roman["title"].rstrip(":").strip()
            self.section_titles[self.section] = self.section_title
            self.in_tasks = _assigns_work(roman["title"])
            # The organising section assigns duties too; only dated ones become tasks.
            self.organising = (
                self.lenient and not self.in_tasks and "to chuc thuc hien" in fold(roman["title"])
            )
            self.in_tasks = self.in_tasks or self.organising
            self.section_key += 1
            self._reset_subsection(None, None)
            return
        if not self.in_tasks:
            return
        numbered = _NUMBERED.match(text)
        if numbered:
            self._numbered(p, numbered["num"], numbered["title"])
            return
        lettered = _LETTERED.match(text)
        if lettered:
            self._lettered(p, lettered["letter"], lettered["text"])
            return
        label = _LABEL.match(text)
        role = _label_role(label["label"]) if label else None
        if label and role:
            self._label(p, label["label"], role, label["value"])
            return
        bullet = _BULLET.match(text)
        if bullet:
            self._bullet(p, bullet["marker"], bullet["text"])
            return
        self._plain(p, text)

    def _reset_subsection(self, number: str | None, title: str | None) -> None:
        self.sub_number = number
        self.sub_title = title
        self.sub_agency = ""
        self.sub_key += 1
        self.letter = None
        self.group_agency = ""
        self.bullets = 0

    def _numbered(self, p: _Paragraph, number: str, title: str) -> None:
        self._close()
        quoted = _QUOTED.search(title)
        name = quoted["name"] if quoted else title.rstrip(":").strip()
        self._reset_subsection(number, clean(name))
        self.sub_agency = _heading_agency(title)
        self.parts[self.sub_key] = _Part(
            self.section, number, self.sub_title or "", bool(self.sub_agency)
        )
        self.open = _Open(
            "numbered",
            p.line,
            number,
            None,
            title,
            "",
            self.sub_key,
            self.section,
            self.section_title,
        )

    def _lettered(self, p: _Paragraph, letter: str, text: str) -> None:
        if self.open is not None and self.open.kind == "numbered":
            self.open.has_children = True
        self._close()
        self.letter = letter
        self.group_agency = ""
        self.bullets = 0
        number = f"{self.sub_number}.{letter}" if self.sub_number else letter
        self.open = _Open(
            "item",
            p.line,
            number,
            self.sub_number,
            text,
            self.sub_agency,
            self.sub_key,
            self.section,
            self.sub_title,
        )

    def _label(self, p: _Paragraph, label: str, role: Role, value: str) -> None:
        if self.open is None:
            if self.sub_number is None:
                return
            # Labels straight under a numbered heading make the heading the task.
            self.open = _Open(
                "numbered",
                p.line,
                self.sub_number,
                None,
                self.sub_title or "",
                "",
                self.sub_key,
                self.section,
                self.section_title,
            )
        if role == "unknown":
            self.findings.append(Finding(UNKNOWN_LABEL, {"label": label}, line=p.line))
            return
        self.open.labels.append((role, value))
        self.labelled_subsections.add(self.open.subsection)

    def _bullet(self, p: _Paragraph, marker: str, text: str) -> None:
        current = self.open
        if current is not None and current.labels:
            if marker in _SUB_BULLETS:
                # "+ ..." under labelled lines lists the last of them (several products).
                role, value = current.labels[-1]
                current.labels[-1] = (role, f"{value}; {text}" if value else text)
                return
            # "- ..." after labelled lines is the next task.
            self._close()
        elif current is not None and current.kind != "bullet":
            # Bullets under an item make it a heading: "a) Sở Tư pháp:" then "- ...".
            current.has_children = True
            if current.kind == "item":
                self.group_agency = _heading_agency(current.text)
        self._close()
        self._open_bullet(p, text)

    def _plain(self, p: _Paragraph, text: str) -> None:
        current = self.open
        if current is not None and current.labels:
            role, value = current.labels[-1]
            current.labels[-1] = (role, f"{value} {text}".strip())
            return
        if current is not None and current.kind != "numbered" and not current.has_children:
            # A paragraph under an item or bullet elaborates it.
            current.text = f"{current.text} {text}"
            return
        if current is not None:
            current.has_children = True
            self._close()
        if self.group_agency or self.sub_agency:
            # Under an agency heading ("4. Sở Tư pháp"), a paragraph is that agency's task.
            self._open_bullet(p, text)

    def _open_bullet(self, p: _Paragraph, text: str) -> None:
        self.bullets += 1
        if self.letter is not None:
            parent = f"{self.sub_number}.{self.letter}" if self.sub_number else self.letter
            number = f"{parent}.{self.bullets}"
        elif self.sub_number is not None:
            parent = self.sub_number
            number = f"{parent}.{self.bullets}"
        else:
            parent, number = None, str(self.bullets)
        self.open = _Open(
            "bullet",
            p.line,
            number,
            parent,
            text,
            self.group_agency or self.sub_agency,
            self.sub_key,
            self.section,
            self.sub_title,
        )

    def _close(self) -> None:
        current, self.open = self.open, None
        if current is None or (current.has_children and not current.labels):
            return
        title = _tidy_title(current.text)
        if not title:
            return
        task = RawTask(
            section=current.section,
            section_title=current.section_title,
            number=current.number,
            parent=current.parent,
            title=title,
            line=current.line,
        )
        section, duty = self.section_key, self.organising
        if current.labels:
            _apply_labels(task, current.labels)
            if not task.lead_text:
                task.lead_text = "; ".join(_opening_agencies(title)) or current.context_lead
            self.candidates.append(_Candidate(task, current.subsection, section=section, duty=duty))
            return
        if current.kind == "numbered" and title.endswith(":"):
            return
        openers = _opening_agencies(title)
        task.lead_text = "; ".join(openers) or current.context_lead
        task.support_text = "; ".join(_partners(title))
        dated = _deadline_phrases(title)
        task.deadline_text = "; ".join(dated or _recurring_phrases(title))
        if self.organising and not dated:
            return
        if task.lead_text:
            self.candidates.append(_Candidate(task, current.subsection, section=section, duty=duty))
        elif current.kind == "item":
            self.candidates.append(
                _Candidate(task, current.subsection, unassigned=True, section=section, duty=duty)
            )

    def finish(self) -> tuple[list[RawTask], list[Finding]]:
        self._close()
        tasks: list[RawTask] = []
        findings = list(self.findings)
        seen: set[str] = set()
        assigning = {c.section for c in self.candidates if not c.unassigned and not c.duty}
        for candidate in self.candidates:
            if candidate.duty and not candidate.task.lead_text:
                continue
            if (
                candidate.unassigned
                and candidate.subsection not in self.labelled_subsections
                and (not self.lenient or candidate.section in assigning)
            ):
                continue
            task = candidate.task
            number = task.number or ""
            key = f"{task.section}|{number}"
            if key in seen:
                findings.append(_duplicate(task))
            seen.add(key)
            if not task.lead_text:
                findings.append(Finding(NO_LEAD, {"number": number}, line=task.line))
            tasks.append(task)
            self._as_part(task, candidate.subsection)
        findings.sort(key=lambda f: f.line or 0)
        return tasks, findings

    def _as_part(self, task: RawTask, subsection: int) -> None:
        """Make the part a task sits in its section: item "b" of section "II.2", not item
        "2.b" of section "II".

        A plan writes its fields of reform (cải cách thể chế, cải cách thủ tục hành chính,
        ...) either as sections of their own ("III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH") or as
        numbered parts of one section of tasks ("II. NHIỆM VỤ CỤ THỂ", then "2. Cải cách
        thủ tục hành chính" over lettered items). Either way a field is a section with its
        own title, to be asked about by name. A numbered heading that names an agency ("3.
        Sở Tư pháp:") groups that agency's work, not a field: its items stay in the
        section and take the section's title.
        """
        part = self.parts.get(subsection)
        if part is None or task.number == part.number:
            return
        if part.names_agency:
            if part.section is not None:
                task.section_title = self.section_titles.get(part.section)
            return
        prefix = f"{part.number}."
        task.section = f"{part.section}.{part.number}" if part.section else part.number
        task.section_title = part.title
        task.number = (task.number or "").removeprefix(prefix)
        task.parent = (
            None if task.parent == part.number else (task.parent or "").removeprefix(prefix) or None
        )


def _duplicate(task: RawTask) -> Finding:
    if task.section:
        params = {"number": task.number, "section": task.section}
        return Finding(DUPLICATE_NUMBER, params, line=task.line)
    return Finding(DUPLICATE_NUMBER_NO_SECTION, {"number": task.number}, line=task.line)


def _paragraphs(lines: Sequence[str]) -> list[_Paragraph]:
    """Cleaned paragraphs with their first line, page-break continuations joined back."""
    out: list[_Paragraph] = []
    joinable = False
    for index, raw in enumerate(lines, start=1):
        if "\t" in raw:
            # Table rows belong to the appendix reader, and nothing continues across them.
            joinable = False
            continue
        text = clean(raw.replace("*", ""))
        if not text or _FOOTNOTE_LINE.match(text):
            continue
        text = _FOOTNOTE_MARK.sub("", text)
        if joinable and out and _continues(text):
            out[-1].text = f"{out[-1].text} {text}"
            continue
        out.append(_Paragraph(index, text))
        joinable = True
    return out


def _continues(text: str) -> bool:
    # Page-break continuations start in lower case; so does a lettered item ("đ) ...").
    return text[:1].islower() and not _LETTERED.match(text)


def _assigns_work(title: str) -> bool:
    key = fold(title)
    if "nhiem vu" in key:
        return True
    return not any(word in key for word in _NON_TASK_SECTIONS)


def _label_role(label: str) -> Role | None:
    key = fold(label)
    if len(key.split()) > 10 or not key.startswith(_LABEL_STARTS):
        return None
    if key.startswith(_DEADLINE_LABELS):
        return "deadline"
    if key.startswith(_PRODUCT_LABELS):
        return "product"
    if key.startswith("thoi"):
        return None
    if "phoi hop" in key:
        return "support"
    if "chu tri" in key:
        return "lead"
    if any(word in key for word in _EXECUTOR_WORDS):
        return "executor"
    return "unknown"


def _apply_labels(task: RawTask, labels: list[tuple[Role, str]]) -> None:
    """Fill a task from its labelled lines.

    The agency that carries the work out (cơ quan thực hiện) leads only when no
    agency is named to lead (chủ trì); otherwise it works alongside the lead.
    """

    def joined(*roles: Role) -> str:
        values = (_tidy_value(v) for r, v in labels if r in roles)
        return "; ".join(v for v in values if v)

    lead = joined("lead")
    if lead:
        task.lead_text = lead
        task.support_text = joined("support", "executor")
    else:
        task.lead_text = joined("executor")
        task.support_text = joined("support")
    task.product = joined("product") or None
    task.deadline_text = joined("deadline")


def _tidy_value(value: str) -> str:
    return clean(value).strip(" .;,")


def _tidy_title(text: str) -> str:
    return clean(text).strip(" ;,")


def _heading_agency(text: str) -> str:
    """The agency a heading names: "Sở Tư pháp:" or "Sở Nội vụ chủ trì các nội dung sau:"."""
    words = text.rstrip().rstrip(":").split()
    keys = [_key(w) for w in words]
    for assigning in _ASSIGNING:
        if tuple(keys[: len(assigning)]) == assigning:
            words, keys = words[len(assigning) :], keys[len(assigning) :]
            break
    opening = _opening_length(words, keys, 0)
    if not opening:
        return ""
    end = _verb_at(words, keys, opening)
    if end is None:
        end = len(words) if len(words) <= _MAX_AGENCY_WORDS else 0
    return _join(words[:end])


def _opening_agencies(text: str) -> list[str]:
    """Agencies that open a clause and are followed by their verb.

    "UBND huyện Sơn Tịnh xây dựng ...; UBND huyện Tây Trà khẩn trương ..." names two
    leads; a later clause counts only when the first one opens with an agency.
    """
    found: list[str] = []
    for clause in text.split(";"):
        words = clause.split()
        keys = [_key(w) for w in words]
        for assigning in _ASSIGNING:
            # "Giao Sở Tài chính chủ trì ...", "Đề nghị Bưu điện tỉnh phối hợp ...".
            if tuple(keys[: len(assigning)]) == assigning and not found:
                words, keys = words[len(assigning) :], keys[len(assigning) :]
                break
        opening = _opening_length(words, keys, 0)
        end = _verb_at(words, keys, opening) if opening else None
        if end is None or end < 2:
            if not found:
                return []
            continue
        found.append(_join(words[:end]))
    return found


def _partners(text: str) -> list[str]:
    """Coordinating agencies named in the text: "phối hợp với Sở Nội vụ lồng ghép ..."."""
    words = text.split()
    keys = [_key(w) for w in words]
    found: list[str] = []
    for i in range(len(words) - 2):
        if keys[i : i + 2] != ["phoi", "hop"] or words[i + 1].endswith(","):
            continue
        start = i + 2
        if start < len(keys) and keys[start] == "voi":
            start += 1
        opening = _opening_length(words, keys, start)
        if not opening:
            continue
        end = start + opening
        while end < len(words) and end - start < 20:
            if words[end].startswith("(") or _verb_starts(words, keys, end):
                break
            end += 1
            if words[end - 1].endswith((";", ".", ")")):
                break
        name = _join(words[start:end])
        if name and name not in found:
            found.append(name)
    return found


# Recurring deadlines written inside an item ("báo cáo hằng tháng", "6 tháng một lần").
_RECURRING_PHRASE = re.compile(
    r"(?<!\w)(?:(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:tuần|tháng|quý|năm)"
    r"|định kỳ(?:\s+\d+\s+tháng)?|\d+\s+tháng\s+(?:một|1)\s+lần"
    r"|từ\s+năm\s+\d{4})(?!\w)",
    re.IGNORECASE,
)


def _recurring_phrases(text: str) -> list[str]:
    """How often an item recurs, when it names no date ("hằng quý", "từ năm 2026")."""
    return list(dict.fromkeys(m.group(0) for m in _RECURRING_PHRASE.finditer(text)))


def _deadline_phrases(text: str) -> list[str]:
    """Dated phrases inside an item ("trước ngày 31/12/2018", "Quý III/2018"), in order."""
    found: list[str] = []
    for match in _DEADLINE_PHRASE.finditer(text):
        phrase = match.group(0)
        if phrase not in found:
            found.append(phrase)
    return found


def _key(word: str) -> str:
    return re.sub(r"[^\w]", "", fold(word))


def _join(words: Sequence[str]) -> str:
    return " ".join(words).strip(" ,;:.(")


def _opening_length(words: Sequence[str], keys: Sequence[str], start: int) -> int:
    """How many words of an agency-name opening start at ``start`` (0 if none)."""
    for opening in _AGENCY_OPENINGS:
        if tuple(keys[start : start + len(opening)]) == opening:
            return len(opening)
    for opening in _GENERIC_OPENINGS:
        size = len(opening)
        if tuple(keys[start : start + size]) != opening:
            continue
        if re.search(r"[,;:.]$", words[start + size - 1]):
            continue
        following = words[start + size] if start + size < len(words) else ""
        if following[:1].isupper() or _key(following) in _LEVEL_WORDS:
            return size
    return 0


def _verb_at(words: Sequence[str], keys: Sequence[str], start: int) -> int | None:
    """Index of the first verb at or after ``start`` within an agency name's reach."""
    for j in range(start, min(len(words), _MAX_AGENCY_WORDS)):
        # "Sở Tư pháp: Chủ trì, tham mưu ..." names its agency before the colon.
        if _verb_starts(words, keys, j) or (j > 0 and words[j - 1].endswith(":")):
            return j
    return None


def _verb_starts(words: Sequence[str], keys: Sequence[str], j: int) -> bool:
    if j > 0 and (words[j][:1].isupper() or keys[j - 1] in _NAME_HEADS):
        # A capitalised word inside a name ("Sở Xây dựng", "Ban Chỉ đạo") is not a verb.
        return False
    return any(tuple(keys[j : j + len(verb)]) == verb for verb in _VERBS)
