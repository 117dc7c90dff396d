"""Reading a question: tasks by number, periods, agencies and sections, cues, then tasks by
title, put together into the best reading and its runners-up.

Each step takes the words it explains, so a later step never reads them again: "quá hạn
quý 1 của sở tư pháp" is a period, an agency and a cue, and nothing is left over.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Container, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

from planning.agencies import AgencyDirectory
from planning.periods import (
    PERIOD_WORDS,
    Duration,
    Period,
    PeriodKind,
    counted_at,
    find_periods,
    soon,
)
from planning.periods import Found as PeriodFound
from planning.questions.english import LINK, Bilingual
from planning.questions.lexicon import Cue, CueKind, Lexicon, Marks, Phrase
from planning.questions.names import BARE, FULL, OUTSIDE, Mention, Names, Target, outside_plan
from planning.questions.reading import (
    Action,
    AgencyNote,
    Ask,
    Intent,
    Reading,
    Relation,
    Role,
    Status,
    TaskField,
    TaskRef,
)
from planning.questions.spoken import NUMBER_WORDS, spoken_numbers
from planning.questions.tasks import (
    TITLE_CANDIDATES,
    TITLE_COVER,
    TaskMention,
    Tasks,
    counting,
)
from planning.questions.vocabulary import PlanVocabulary
from planning.questions.words import (
    YEAR,
    Speller,
    Word,
    adds_shape,
    agree,
    has_vowel,
    marks,
    phrase,
)
from planning.text import fold

# Two names for the same words within this share of each other are both offered.
CLOSE = 0.75
# A task found by its title alone, with no "nhiệm vụ" before it, must match this well.
TITLE_ALONE = 0.8
# Task titles close to the best one by this share are offered with it.
TITLE_CLOSE = 0.95
# ... or this close, where both titles hold every word said.
TITLE_ALIKE = 0.9
# A title said in everyday words after its head: how much of the words it must hold, and how
# far behind it the next best must be.
FAR_AHEAD_COVER = 0.3
FAR_AHEAD = 0.5
# How much of the words handed to a body a request reminds name one of the tasks it is given.
GIVEN_COVER = 0.4
# An agency that is assigned this many tasks or fewer names them where one is asked of
# (more are its list).
BODY_TASKS = 3
# Words that cover a title this well name it when who or when is asked of one task.
TITLE_ASKED = 0.45
# A name typed with typos is looked for in runs of at most this many words.
LOOSE_WORDS = 9
# At most this many choices when asking back.
MAX_CHOICES = 8
# Cues of this weight and up say what is asked; lighter ones only lean.
CLEAR = 3.0
# A rate of the whole asked for weighs this much ("tỷ lệ", "bao nhiêu phần trăm").
RATE = 4.0
# A report this heavy is asked for in so many words ("lập báo cáo", "xin báo cáo").
ASKED_FOR = 5.0
# Words of a document's name ("kế hoạch chuyển đổi số") a task's text must say one after
# another to be the task that makes it.
TYPED_RUN = 4
# Small talk this heavy (who people are, how to reach them) is off topic even beside a name.
PEOPLE = 5.0
# Small talk this heavy (an office party, Tết chores) makes a message name no task, and what
# it asks (who signs up, which day) its own.
OCCASION = 6.0
# The score of a reading guessed from a bare subject: under 0.5, the answer may offer the
# runner-up beside it.
INFERRED = 0.4

# Which status wins when a question names two ("việc chưa hoàn thành và quá hạn").
_STATUS_ORDER = (
    Status.UNDATED,
    Status.OVERDUE,
    Status.DUE,
    Status.DONE,
    Status.IN_PROGRESS,
    Status.OPEN,
)
# Which ask wins a tie.
_ASK_ORDER = (Ask.COUNT, Ask.LIST, Ask.REPORT, Ask.PROGRESS)
_FIELD_ORDER = tuple(TaskField)
# The last word of asking which task a line is from ("thuộc nhiệm vụ nào", "nv số mấy").
_WHICH_ONE = frozenset({"nao", "may"})
# What "nào" asks which of, of tasks or bodies: "bên nào", "vc nào", "đơn vị nào".
_WHICH_OF = frozenset({"ben", "vi", "dv", "so", "phong", "viec", "vc", "nv", "vu", "cai"})
# The words that say where in the plan a line is read ("cột sản phẩm ghi", "dòng").
_COLUMN_WORDS = frozenset({"cot", "dong", "ghi"})
_SMALL_TALK = frozenset({CueKind.OFF_TOPIC, CueKind.HELP})
# What makes a holiday the end of a window ("trước kỳ nghỉ Tết", "từ giờ tới Tết dương lịch").
_BEFORE_A_HOLIDAY = frozenset({"truoc", "den", "toi"})
_HOLIDAY_WORDS = frozenset({"ky", "nghi", "dip", "le", "tet"})
_WHICH = frozenset({"nao", "gi"})
# What takes words that then say nothing of the plan's tasks, "việc" among them.
_NO_PLAN_NOUN = frozenset({"name", CueKind.OFF_TOPIC.value, CueKind.HELP.value})
# What a body merges into: "sáp nhập vào", "nhập vào" ("nhập vô"), "nhập với".
_MERGED_INTO = (("nhap", "vao"), ("nhap", "vo"), ("nhap", "voi"), ("nay", "ve"), ("gio", "ve"))
# Words before a body said as the one asked of: "bên", "của", "với", "cho".
_SIDES = frozenset({"ben", "cua", "voi", "cho", "phia"})
# Bodies of another kind than a bare name's: "bộ", "phòng", "cục", "viện" + "nội vụ".
_OTHER_BODIES = frozenset({"bo", "phong", "cuc", "vien", "truong", "hoi", "chi"})
# Kinds whose bodies are listed after the kind's word said once ("các sở Tư pháp, Tài
# chính"), the words that list them, and how many words a listed name has at most.
_LISTED_KINDS = frozenset({"so", "phong", "vu", "cuc", "huyen", "xa", "phuong"})
_LISTING = frozenset({"va", "voi", "vs"})
# Bodies said as a noun ("mấy đơn vị đó"), and the words that point back to them.
_BODY_NOUNS: tuple[Phrase, ...] = (
    *(("don", "vi"), ("co", "quan"), ("dia", "phuong"), ("so",), ("ben",), ("phong",)),
    *(("vu",), ("cuc",), ("xa",), ("phuong",), ("nganh",), ("noi",)),
)
_POINTING_BACK = frozenset({"do", "nay", "kia", "ay", "tren"})
_WITH_THOSE = frozenset({"voi", "cho", "xuong", "gap"})
_LONGEST_LISTED = 4
# How far "thì" may follow "ngoài" to set words aside ("ngoài tra tiến độ thì ...").
_BESIDES_AT_MOST = 8
_MANY_TASKS: tuple[Phrase, ...] = tuple(
    (*many, *task)
    for many in (("nhieu",), ("danh", "sach"), ("danh", "sach", "cac"), ("danh", "sach", "nhung"))
    for task in (("viec",), ("nhiem", "vu"), ("nv",))
)
# The words before the day a task is to be extended to ("lùi hạn đến 30/11").
_TO_A_DAY = frozenset({"den", "toi", "sang"})
# How many words of a task's title, said after its number, make a name after them the title's.
_TITLE_BEFORE_A_NAME = 3
_EACH = frozenset({"tung", "cac", "moi", "nhung", "may"})
# Words "xuất" ends that are no export: "đột xuất", "đề xuất", "sản xuất".
_XUAT_OF = frozenset({"dot", "de", "san"})
# ... and words "thực" begins, typed bare like "thúc" (urge): "thực hiện", "thực tế".
_THUC_OF = frozenset({"hien", "te", "chat", "trang", "tien"})
# Words before a kind's word that make it the end of another word, as typed: "nhiệm vụ",
# "dịch vụ", "chức vụ", "cơ sở", "trụ sở", "dự phòng" are no "vụ", "sở" or "phòng"; "khoa
# so", "ghi so" typed bare are "khóa sổ", "ghi sổ".
_COMPOUNDS = {
    "vu": frozenset({"nhiệm", "nhiem", "dịch", "dich", "phục", "phuc", "nghiệp", "nghiep"})
    | frozenset({"chức", "chuc", "thời", "thoi", "sự", "su", "nv"}),
    "so": frozenset({"cơ", "trụ", "tru", "can", "cần", "khoa", "khóa", "khoá", "ghi"}),
    "phong": frozenset({"dự", "du", "văn", "van"}),
    "bo": frozenset({"toàn", "toan", "cả", "ca", "đồng", "dong"}),  # "toàn bộ nv": all tasks
}
# ... and after: "so lieu", "so ket", "so tay" typed bare are "số liệu", "sơ kết", "sổ tay"...
_COMPOUNDS_AFTER = {"so": frozenset({"lieu", "ket", "luong", "sanh", "bo", "tay", "sach", "voi"})}
# Words after "sở", "phòng" that make it the asker's own: "sở mình", "phòng em".
_MINE = frozenset({"minh", "em", "toi", "tui", "chung"})
# Who heads a body, said before its kind: "trưởng phòng", "phó phòng", "giám đốc sở".
_HEAD_OF = frozenset({"truong", "pho", "doc", "gd", "pgd", "ct", "tich"})
# ... and that make it so when "sở", "vụ" is said alone: "Vụ giao ban", "anh Vụ trưởng"
# (not "Vụ Hợp tác quốc tế").
_KIND_SAID_OF_ONES_OWN = {fold(t): marks(t) for t in ("họp", "giao", "trưởng", "phó")}
# ... or after: "mai giao ban sở".
_BRIEFING = ["giao", "ban"]
# What a body urging others does ("nhắn", "đôn đốc").
_URGED = (("nhan",), ("nhac",), ("don", "doc"), ("yeu", "cau"), ("de", "nghi"))
# Words before "chỉ đạo" that make it a verb: "lãnh đạo chỉ đạo", "ý kiến chỉ đạo".
_DIRECTED = frozenset({"dao", "kien", "can", "xin"})
# "sóng" (the air a programme goes out on), as typed.
_ON_AIR_MARKS = marks("sóng")
# A body's kind before its proper name ("phường Hòa Khánh", "tỉnh Đắk Nông").
_BODY_NAMED = re.compile(r"\b(xã|phường|huyện|quận|tỉnh|thành phố|thị xã)\s+(\w)")
# Bodies typed short: "tp mình" is "thành phố mình".
_BODIES_SHORT = {"tp": "thanh pho", "tx": "thi xa"}
# A directive reported: "Chủ tịch kết luận", "lãnh đạo chỉ đạo", "tỉnh yêu cầu".
_DIRECTIVES = frozenset({("ket", "luan"), ("chi", "dao"), ("yeu", "cau")})
# The same as typed after a kind of body ("văn phòng mình"); "toi" may be "tới".
_MINE_TYPED = frozenset({"mình", "minh", "em", "tôi", "tui"})
_TITLE_WORDS = frozenset({"report", "name", "quoted", CueKind.OFF_TOPIC.value, CueKind.HELP.value})
# Takers of words that are no cue: what a question names, not what it asks.
_NOT_CUES = frozenset({"task", "period", "name", "kind", ""})
_ACTION_ORDER = tuple(Action)
# "để" (for it to), not "đề" of "đề án", "đề nghị", "đề xuất".
_FOR_IT = marks("để")
_DE_NOUNS = (["an"], ["nghi"], ["xuat"], ["tai"], ["cuong"], ["ra"])
# Takers of the words that say the asker's part in a task ("mình phối hợp").
_PART_TAKERS = frozenset({CueKind.OWN.value, CueKind.ROLE.value})
# What the asker calls its own place, before "mình" ("sở mình", "bên em").
_ASKERS_PLACES = frozenset({"so", "ben", "phong", "vu", "cuc", "xa", "phuong", "huyen"})
# "đơn vị nào", "cơ quan nào": which of the bodies.
_WHICH_BODIES = frozenset(
    {("don", "vi", "nao"), ("co", "quan", "nao"), ("dv", "nao"), ("co", "quan", "don", "vi", "nao")}
)
# What an official reports of a task of their own: done, or how far it got.
_OWN_WORK = frozenset({Action.COMPLETE.value, Action.REPORT_PROGRESS.value})
# Takers of a cue's words: its kind, or "report" ("tổng kết", "báo cáo").
_CUE_TAKERS = frozenset({*(k.value for k in CueKind), "report"})
# The subject of every plan the reader reads: said alone, it is the whole plan.
_PLAN_SUBJECT = frozenset({"cai", "cach", "hanh", "chinh", "cchc"})
# The place a plan is of, said after its subject ("nhiệm vụ cchc phường năm 2026").
_PLAN_PLACES = frozenset(
    {("tinh",), ("thanh", "pho"), ("phuong",), ("xa",), ("huyen",), ("quan",), ("bo",)}
)
# What is asked of one task, never of a list: who leads it, who supports it, when it is due.
_ASKED_OF_A_TASK = frozenset({TaskField.LEAD.value, TaskField.SUPPORT.value, TaskField.DUE.value})
_OF_ONE_TASK = _ASKED_OF_A_TASK | {TaskField.PRODUCT.value}
# "như thế nào", "ra sao": how, of whatever the question is about.
_HOW = frozenset({("nhu", "the", "nao"), ("the", "nao"), ("ra", "sao"), ("nhu", "nao")})
# A number asked for, which may be a phone's or a price's ("tỷ giá đô hôm nay nhiêu").
_A_NUMBER = frozenset(
    {("bao", "nhieu"), ("nhieu",), ("may",), ("con", "so", "thoi")}
    | {("chi", "can", *rest) for rest in (("con", "so"), ("so",), ("con", "so", "thoi"))}
    | {("chi", "can", "so", "thoi")}
)
# Words that name a task's row before its number ("dòng 2 của nv III.1").
_ROW_WORDS = frozenset({"dong", "hang"})
# Reports, and the words before whom they go to.
_REPORTS = frozenset({Ask.REPORT.value, Ask.DIGEST.value, Ask.EXPORT.value})
# What the asker recalls of a deadline: "nhớ là quý 3".
_RECALLED = ["nho", "la"]
# What the asker must, needs to or still has time to do: "phải nhắc", "cần nhắc", "còn kịp
# nhắc".
_MUST_DO = frozenset({"phai", "can", "kip"})
# ... or, said of themselves, is about to: "để em nhắc", "e còn nhắc các đv", "c định nhắc".
_ABOUT_TO = frozenset({"de", "con", "se", "dinh"})
# What a clause asks before such a remark: "nv I.3 ai chủ trì? cần nhắc họ".
_ASKED_BEFORE_A_REMARK = (CueKind.ASK, CueKind.STATUS, CueKind.FIELD)
# How many times something was done ("nhắc mấy lần rồi", "nhắc 2 lần").
_TIMES = frozenset({"may", "nhieu", "bao", "2", "3", "4", "5", "hai", "ba"})
# The outline of a report the asker drafts ("đang làm đề cương báo cáo 9 tháng").
_OUTLINES = (["de", "cuong"], ["len", "ds"], ["len", "danh", "sach"])
# Letters named by what they do ("văn bản đôn đốc", "công văn nhắc").
_LETTERS_OF = frozenset({("van", "ban"), ("cong", "van")})
# A task's head before its number ("nv 6 tháng đầu năm": task 6, or the half-year's).
_NUMBER_HEADS = frozenset({"nv", "viec", "vu"})
# The words a task's text says a report of a window by ("báo cáo quý, 6 tháng").
_REPORT_WINDOW_WORDS: dict[PeriodKind, tuple[str, ...]] = {
    PeriodKind.QUARTER: ("quy",),
    PeriodKind.HALF: ("6", "thang"),
}
# Verbs that open a request to make a report ("làm báo cáo ...", "lập giúp báo cáo ...").
_MAKE = {fold(w): marks(w) for w in ("làm", "lập", "soạn")}
_SENT_TO = frozenset({"gui", "trinh", "len"})
# Who "gửi" sends to when it asks the bot: "gửi mình danh sách", "gửi giúp em".
_TO_THE_ASKER = frozenset({"minh", "em", "chi", "anh", "toi", "giup"})
# ... and of whom it is submitted to ("chiều nộp UBND").
_HANDED_TO = _SENT_TO | {"nop"}
_GUIDANCE = ["huong", "dan"]
# A task said done right after it: "việc 2.a hoàn thành", "nv 3 đã hoàn thành".
_DONE_SAID = (("hoan", "thanh"), ("da", "hoan", "thanh"), ("la", "hoan", "thanh"))
_DONE_WORDS = frozenset({"xong", "thanh"})  # "xong", "hoàn thành"
# Whom something is sent to, after "cho" ("gửi hướng dẫn cho xã", "cho các phường").
_RECIPIENTS = frozenset({"xa", "phuong", "huyen", "quan", "so", "phong", "dan", "nguoi"})
# Words that make "hop" after a name no meeting: "hợp tác", "hợp nhất", "hợp đồng".
_NOT_A_MEETING = frozenset({("tac",), ("nhat",), ("dong",), ("ly",), ("le",), ("phap",)})
# "mà chưa thấy", "mà không thấy": what the asker has not seen.
_NOT_YET = (["chua"], ["khong"], ["ko"], ["k"])
# Units a meeting is held by: "họp quý", "giao ban tuần".
_CADENCES = frozenset({"quy", "thang", "tuan"})
# Where the asker goes: "ngại ra sở", "chiều lên sở" is the office, not a body asked about.
_GOES_TO = frozenset({"ra", "len", "den", "toi", "ve", "xuong"})
# Going by a body's office ("chạy qua sở Xây dựng", "ghé qua VP"), said beside small talk.
_VISITED = frozenset({("chay", "qua"), ("ghe", "qua"), ("di", "qua"), ("tat", "qua")})
_DONE_FOR = ["lam", "cho"]
# Verbs every title may have: said alone with the plan's words, they name the whole plan
# ("các sở thực hiện chỉ thị tới đâu rồi").
_GENERIC_VERBS = frozenset({"thuc", "hien", "trien", "khai"})
# Words after a length of time that make it how often ("6 tháng 1 lần", "6 tháng/lần"):
# how many of them.
_ONCE = {("1", "lan"): 2, ("mot", "lan"): 2, ("lan",): 1}
# Times of day before "nay", "mai": when the asker needs something, not a window.
_TIMES_OF_DAY = {w: marks(t) for w, t in (("sang", "sáng"), ("chieu", "chiều"), ("trua", "trưa"))}
# ... followed by a meeting or by who goes to it ("chiều nay họp", "sáng mai em trình"),
# not by what is asked ("sáng mai có việc gì đến hạn").
_MEETING_AFTER = frozenset({"hop", "giao", "trinh", "em", "chi", "anh", "minh", "lanh", "sep"})
_IS_THE_END = frozenset({("la", "het"), ("la", "cuoi"), ("la", "den")})
_CARRIED_TO = frozenset({("chuyen", "sang"), ("chuyen", "qua")})
_A_REPORT = ["bao", "cao"]
_OF_TASKS_ASKED = frozenset({Ask.LIST.value, Ask.COUNT.value})
# A meeting said right after a day near today ("mai họp", "hôm nay giao ban").
_MEETS = frozenset({"hop", "giao"})
# Words "hợp" joins, typed bare like "họp" (to meet): "phối hợp", "tổng hợp", "phù hợp".
_JOINED_BEFORE_HOP = frozenset({"phoi", "tong", "phu", "ket", "thich", "to", "tap", "hon"})
_REVIEWS = frozenset({("tong", "ket"), ("so", "ket")})
_NEAR_DAYS = 2
# "chiều mai có cuộc họp về ...": a meeting, not what falls due then.
_A_MEETING = frozenset({("co", "cuoc"), ("co", "buoi"), ("co", "hop"), ("co", "doan")})
# Titles of those who lead a body ("Chủ tịch UBND phường vừa hỏi").
_LEADERS = frozenset(
    {("chu", "tich"), ("lanh", "dao"), ("giam", "doc"), ("truong", "phong"), ("vu", "truong")}
    | {("chanh", "vp"), ("chanh", "van")}
)
# What follows a body that asked the asker ("Vụ Pháp chế vừa gọi hỏi lại"), or every unit
# ("Ban chỉ đạo đề nghị các đơn vị rà soát").
_ASKED_BY = frozenset(
    {("vua", "hoi"), ("vua", "goi"), ("vua", "nhan"), ("goi", "hoi"), ("hoi", "lai")}
    | {("dang", "hoi"), ("dang", "doi"), ("dang", "giuc")}
    # ... or who gathers the figures ("mai Vụ TCCB chốt số liệu rồi", "SNV sắp chốt").
    | {("chot", "so"), ("dang", "chot"), ("can", "so"), ("dang", "can"), ("sap", "chot")}
)
# "... hỏi: ", "... nhắn: ": a question forwarded from whom the name says ("nhận" is no
# "nhắn").
_ASKS, _TEXTS = marks("hỏi"), marks("nhắn")
# Who passes a question on, by how the message opens ("chị Lan", "anh PCT", "sếp"), and the
# words that say so ("nhờ em hỏi", "nhắn hỏi", "gọi hỏi", "xin file excel"), within its first
# nine words.
_PERSONS = frozenset({"chi", "anh", "c", "a", "co", "chu", "bac", "sep", "ong"})
# "bao nhiêu", "báo cáo", "bao giờ", "bao lâu": no "bảo".
_NO_RELAY_AFTER = frozenset({"nhieu", "nhiu", "cao", "gio", "lau"})
# The kinds of body whose word alone, said again, is the body named before (typed with its
# marks, or after "bên": "hỏi bên ban được mời phối hợp ...").
_KINDS_ALONE = {
    "so": marks("sở"),
    "vu": marks("vụ"),
    "cuc": marks("cục"),
    "ban": marks("ban"),
    "phong": marks("phòng"),
    "huyen": marks("huyện"),
    "vp": marks("vp"),
}
# Who a question passed on is from, said after it: "bên chị", "bên anh ấy", "bên chú".
_ELDERS = tuple([w] for w in ("chi", "anh", "c", "a", "chu", "co", "ong", "ba", "bac"))
# "bển": "bên ấy", as the South says it; "chỉ": "chị ấy".
_BEN_AY, _CHI_AY = marks("bển"), marks("chỉ")
_RELAYS = tuple(
    (tuple(fold(r).split()), marks(r.split()[0]))
    for r in ("nhờ em hỏi", "nhờ e hỏi", "nhờ mình hỏi", "nhờ tôi hỏi", "nhờ hỏi")
    + ("hỏi", "nhờ", "bảo", "dặn", "xin")
)
_RELAY_WORDS = 9
# "thì" after a topic: "việc ... thì ai chủ trì"; "cuộc thi", "kỳ thi" are contests.
_THEN, _CONTESTS = marks("thì"), frozenset({"cuoc", "ky", "du", "hoi"})
# What says where a place is, beside a body: "gần", "cạnh".
_NEAR = {"gan": marks("gần"), "canh": marks("cạnh")}
# "đó" ("việc đó"), typed with its mark: "việc do Sở ... chủ trì" is by whom.
_THAT = marks("đó")
# "nv này", "việc này": the task just pasted.
_THIS_TASK_HEADS = frozenset({"nv", "viec", "vu", "cai", "dung", "muc"})
# Where the asker has just come to: "em mới về văn phòng", "mới chuyển về sở", "mới
# chuyển sang phòng".
_NEWLY_AT = frozenset(
    {("moi", "ve"), ("moi", "vao"), ("chuyen", "ve"), ("dieu", "ve"), ("moi", "qua")}
    | {("moi", "chuyen", "sang"), ("moi", "chuyen", "qua")}
)
# The asker has just taken on a body's work ("mới nhận bàn giao", "mới được giao").
_TAKEN_ON = (("moi", "nhan"), ("moi", "duoc", "giao"), ("moi", "tiep", "nhan"))
_ASKED_EVERYONE = (("de", "nghi", "cac"), ("yeu", "cau", "cac"))
# What a superior tells the asker to do ("sếp bảo", "chủ tịch dặn", "boss says").
_RELAYED = frozenset({"bao", "dan", "giao"})
# What a body the plan gives no task wants of the asker ("BCĐ muốn biết", "BCĐ cần").
_WANTS = (
    ("muon",),
    ("can",),
    ("hoi",),
    ("yeu", "cau"),
    ("chi", "dao"),
    ("dang", "hoi"),
    ("de", "nghi"),
)
# What the body that writes a report is doing ("đang tổng hợp báo cáo").
_COMPILING = (
    ("tong", "hop"),
    ("soan",),
    ("lam",),
    ("lap",),
    ("du", "thao"),
    ("viet",),
    ("dung", "du", "thao"),
    ("xay", "dung"),
    ("xin",),  # "sở đang xin số liệu 9 tháng": gathering the figures for its report
    ("thu",),
    ("gom",),
)
# Words of when, said between a body and its meeting ("BCĐ tuần sau họp").
_WHEN_SAID = frozenset({"tuan", "sau", "toi", "mai", "chieu", "sang", "nay", "ngay", "thu"})
# "Ban chỉ đạo" ("BCĐ"), whose meeting a window may be the time of.
_STEERING = ["ban", "chi", "dao"]
# "15%", spelled out: a share said.
_PERCENT = ("phan", "tram")
# "lĩnh vực" (the field of work) before what a title is about: "lĩnh vực xây dựng".
_FIELD_OF_WORK = ["linh", "vuc"]
# How many words of a title, said after a report, name the task whose report it is.
_REPORTED_WORDS = 3
# Requests done to a task, whoever asks for them.
_DONE_TO_A_TASK = frozenset(
    {Action.EXTEND.value, Action.COMPLETE.value, Action.REPORT_PROGRESS.value}
    | {Action.ATTACH_EVIDENCE.value}
)
# Words that ask how to do something: "hay phải làm sao", "thì làm thế nào".
_HOW_TO = (("lam", "sao"), ("lam", "the", "nao"), ("lam", "nhu", "the", "nao"))
# What thanks say the bot spares the asker: "đỡ phải mở file", "khỏi phải tra".
_SPARED = frozenset({("do", "phai"), ("khoi", "phai")})
# "để" (so that) before what the asker will do; what asks the bot for an answer before it.
_PURPOSE_MARKS = marks("để")
# ... but typed bare before "án" or "cương" it is "đề" of a document ("phê duyệt đề án").
_DOCUMENT_AFTER_DE = frozenset({"an", "cuong"})
# "e gửi báo cáo ... để làm minh chứng cho nv 5": what is sent is the evidence, no purpose.
_AS_EVIDENCE = (("lam", "minh", "chung"), ("minh", "chung"))
# Words that join two windows said of one deadline ("hạn 15/6 với 15/12").
_JOINED = frozenset({"voi", "va"})
# How often a deadline said so recurs ("hạn 15/6 với 15/12 hằng năm").
_EVERY_YEAR = frozenset({("hang", "nam"), ("moi", "nam")})
# What opens the asker's own plans or hearsay after a question: "..., em chuẩn bị ...",
# "... nghe nói QĐ ký rồi mà chưa thấy cập nhật".
_ASIDES = frozenset({("chuan", "bi"), ("nghe", "noi")}) | _SPARED
# Words before a moment that make it a time ("trước khi nghỉ Tết").
_BEFORE_IT = ("truoc", "khi")
# How a clause of what the asker has not seen opens, after a request ("..., từ lúc nhận kế
# hoạch chưa thấy họ cập nhật gì", "..., mà chưa thấy báo cáo").
_UNSEEN_OPENS = frozenset({"tu", "ma", "nhung", "ho", "van", "chua", "khong"})
_ASKER_WILL = frozenset({("goi",), ("se",), ("di",), ("len",), ("dua",), ("ghep",)})
# The last words of a clause that asks ("..., mấy việc vậy, chị muốn nhắc sớm").
_ASKED_LAST = frozenset({"vay", "the", "nhi", "ha", "chua", "khong", "ko", "k"})
# Particles that close a message after whom it is said to ("... không em nhé").
_CLOSING_PARTICLES = frozenset({"nhe", "nha", "nhen", "a", "oi", "voi", "nhi", "ha"})
# "chưa để việc nào quá hạn", "đừng để trễ": "để" is to let, after a negation and before
# what is let happen, no purpose.
_NOT_LETTING = frozenset({"chua", "khong", "ko", "dung", "tranh"})
_LET_HAPPEN = frozenset({"viec", "nv", "nhiem", "tre", "cham", "qua", "ton", "sot"})
# What the asker does with a report or the answer ("c báo cáo ban chỉ đạo", "em nộp sở",
# "...? chị báo cáo anh Giám đốc").
_HANDS_IN = frozenset({"bao", "bc", "nop", "gui", "trinh"})
# Words that ask the bot to do something for the asker ("nhắc STP giúp chị").
_FOR_ME = frozenset({"giup", "gium", "dum", "ho", "voi"})
_FOR_ME_HO = marks("hộ")
# "họ" (they), of the bodies asked about, and "sợ" (to fear), in a remark after the question.
_THEY, _FEAR, _THOUGHT, _SAW = marks("họ"), marks("sợ"), marks("tưởng"), marks("thấy")
# Words that take back what was just said: "à nhầm", "à không", "sorry", "ý em là", "gõ
# nhầm" (English "I mean", "no wait" are spelled "à nhầm").
_CORRECTIONS = tuple(
    tuple(fold(w) for w in p.split())
    for p in (
        "à nhầm",
        "à lộn",
        "à không",
        "à hông",
        "à thôi",
        "à mà thôi",
        "mà thôi",
        "nhầm",
        "lộn",
        "gõ nhầm",
        "bấm nhầm",
        "viết nhầm",
        "sửa lại",
        "sorry",
        "ý em là",
        "ý e là",
        "ý chị là",
        "ý c là",
        "ý anh là",
        "ý a là",
        "ý mình là",
        "ý tôi là",
        "ý là",
        "à quên",
        "à khoan",
        "khoan đã",
    )
)
# Words that take back a slip but may mean other things too ("thôi" of "con số thôi", "à"
# of "vậy à"), read as such only after the rest: "sở tư pháp... thôi, cho hỏi vp ubnd tỉnh".
_LATE_CORRECTIONS = (("thoi",), ("a",), ("xin", "loi"))  # "xin lỗi" of a title, too
# Typed "à": "a" is "anh", or a point's letter ("điểm a khoản 1").
_STRICT_CORRECTIONS = frozenset({("a",), ("a", "khoan")})
# The marks a word of those must be typed with, where it is typed with any ("à", not "a").
_CORRECTION_MARKS = {
    fold(w): marks(w)
    for w in ("à", "nhầm", "lộn", "không", "thôi", "gõ", "bấm", "viết", "sửa", "lại", "ý")
    + ("xin", "lỗi", "em", "chị", "anh", "mình", "tôi", "là", "quên", "khoan")
}
# How an update given opens: "đã ...", "đạt ...", "xong ...", or a count ("9 đơn vị ...").
_DONE_OPENS = {"da": marks("đã"), "dat": marks("đạt"), "xong": marks("xong")}
# A share of the work done, as an update says it: "9/14".
_SHARE_DONE = re.compile(r"\d+/\d+")
# Words before a share said: "đạt khoảng 70%", "được 15%".
_SHARE_OPENS = frozenset({"dat", "duoc", "khoang", "tam", "chung"})
_AT_LEAST = (["it", "nhat"], ["toi", "thieu"])
# Last words that make a statement a question: "nv 5: đã có dự thảo chưa".
_ASKING_LAST = frozenset({"chua", "khong", "ko", "k", "hong", "ha", "a", "sao", "nao", "gi", "chi"})
# Whom the asker reports to: "..., cuối tháng phải báo cáo sếp" is what the asker must do.
_SUPERIORS = frozenset({"sep", "giam", "lanh", "ld", "chu", "gd", "pgd"})  # "trình GĐ"
_REMINDING = frozenset({("nhac",), ("don",)})
# Who says what they will do: the asker, as people write of themselves in chat ("..., e lên
# lịch đôn đốc", "..., chị đưa vào dự thảo").
_SELF = _MINE | {"anh", "chi", "a", "c"}
# An official's post, said after "là" and before the body ("chuyên viên", "văn thư").
_POSTS = frozenset(
    {("chuyen", "vien"), ("van", "thu"), ("can", "bo"), ("cong", "chuc"), ("nhan", "vien")}
)
# What the asker is busy with ("chị đang làm dự thảo ...", "em đang soạn báo cáo ...").
_BUSY_WITH = frozenset({"lam", "soan", "viet", "tong", "chuan", "dung", "xay", "ra"})
# Who goes, and how, between the day and the meeting: "mai chị lên báo cáo sếp".
_GOING = _SELF | {"phai", "len", "di", "se"}
# Words between the asker and a meeting: "mai em mang đi họp", "ngồi làm việc với".
_TAKEN_TO = frozenset({"mang", "dem", "di", "vao", "ngoi"})
# Words that name the plan as a document, before words of its title.
_DOCUMENTS = (("ke", "hoach"), ("kh",), ("chi", "thi"), ("bang", "phan", "cong"), ("danh", "muc"))
# A document's number and date after its kind ("Chỉ thị 12/CT-UBND", "Nghị quyết số
# 02-NQ/BCSD", "Quyết định số 34/2022/QĐ-UBND ngày 10/10/2022"): what names the document, no
# task's number, no window. A bare number names a document only after "số" ("kế hoạch 2"
# may be a row, "nghị quyết 02" a title's words).
# ... and the date it bears ("ngày 12/3", "ngày 5 tháng 9 năm 2026", "of 8 May", "of
# 26/12/2025"): the document's, no window.
_DOCUMENT_DATE = (
    r"(?:,?\s+(?:ngày|ngay|of|dated)\s+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    r"|\d{1,2}\s+(?:tháng|thang)\s+\d{1,2}(?:\s+(?:năm|nam)\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\b(?:\s+\d{4})?"
    r"|[a-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?))"
)
_DOCUMENT_NUMBER = re.compile(
    r"\b(?P<kind>chỉ thị|chi thi|quyết định|quyet dinh|nghị quyết|nghi quyet|nghị định"
    r"|nghi dinh|thông tư|thong tu|công văn|cong van|kế hoạch|ke hoach|kh|qđ|qd|nq|ct|cv"
    r"|(?:thông báo|thong bao|tb)(?:\s+(?:kết luận|ket luan))?|giấy mời|giay moi|gm"
    r"|official letter|letter|decision|directive|(?:conclusion )?notice|plan)"
    r"(?:(?:\s+(?:số|so|no\.?))?\s+\d+(?:[/-][\w.-]+)+" + _DOCUMENT_DATE + "?"
    r"|\s+(?:số|so)\s+\d+\b(?![/.])" + _DOCUMENT_DATE + "?"
    # "Decision 2451 of 26/12/2025": a number alone, with its date
    r"|\s+\d+" + _DOCUMENT_DATE + ")",
    re.IGNORECASE,
)
# The plan said by its own number, its kind before it ("kh 77", "kế hoạch số 77").
_PLAN_BY_NUMBER = (
    r"\b(?:kế hoạch|ke hoach|kh|chỉ thị|chi thi|ct)"
    # ... or with words of its title before "số" ("kh kiểm soát tthc số 77"), none a task's
    r"(?:\s+(?:số|so)|(?:\s+(?!(?:việc|viec|nv|nhiệm|nhiem|vụ|vu|mục|muc|stt|điểm|diem)\b)\w+){1,4}"
    r"\s+(?:số|so))?"
    r"\s+(?P<number>%s)\b(?![/.,]?\d)"
)
_BARE_DOCUMENT_NUMBER = re.compile(
    r"\b\d+/(?:kh|qđ|qd|ct|nq|cv|tb|bc|hd|ttr|gm)-[\w.-]+" + _DOCUMENT_DATE + "?", re.I
)
# A holiday named by its date ("nghỉ lễ 2/9", "dịp lễ 30/4"): the holiday, no day asked of.
_HOLIDAY_DATE = re.compile(
    r"\b(nghỉ lễ|nghi le|dịp lễ|dip le|lễ|le)\s+\d{1,2}/\d{1,2}\b(?!/)", re.IGNORECASE
)
# "đánh dấu việc 1 đã hoàn thành": the task said between the words that mark it done, said
# as "đánh dấu hoàn thành việc 1".
_MARKED_DONE_AROUND = re.compile(
    r"\b(đánh dấu|danh dau)\s+((?:việc|viec|nv|nhiệm vụ|nhiem vu)\s+[^\s,;?!]*\d[^\s,;?!]*)"
    r"\s+(?:là\s+|la\s+)?(?:đã\s+|da\s+)?(hoàn thành|hoan thanh|xong)\b",
    re.IGNORECASE,
)
# "mình chủ trì nv 4 hay chỉ phối hợp": which of the two roles, asked around the task; so is
# "we lead task 4 or just support it" spelled ("chủ trì việc 4 phối hợp?").
_ROLE_ASKED_AROUND = re.compile(
    r"\b(chủ trì|chu tri)\s+((?:việc|viec|nv|nhiệm vụ|nhiem vu)\s+[^\s,;?!]*\d[^\s,;?!]*)"
    r"(?:\s+(?:hay|hoặc|hoac)(?:\s+(?:là|la|chỉ|chi))?\s+|\s+)(phối hợp|phoi hop)"
    r"(?=\s*(?:[?.!]|$|(?:thôi|thoi|không|ko|nhỉ|nhi|vậy|vay|ạ)\b))",
    re.IGNORECASE,
)
# A section's Roman number and its task's number typed apart: "VII 4 sản phẩm là gì" is
# VII.4, and so is "I. 3" (not after "quý", nor before what the number counts: "mục II 3
# việc").
_TASK_SPACED = re.compile(
    r"(?<!quý )(?<!quy )(?<!quarter )\b([IVX]{1,4})\.?\s+(\d{1,2})\b(?![.,/:%])"
    r"(?!\s+(?:việc|viec|nv|nhiệm|nhiem|đầu|dau|cái|cai|ngày|ngay|tháng|thang|tuần|tuan|"
    r"năm|nam|tasks?|items?|days?|weeks?|months?)\b)"
)
# A task's number typed with commas for points ("II,6,a,2", "how far along is 2,a"), or a
# Roman number glued to the rest ("ii5a2", "iii2"), or "II" typed as two small L ("ll.2").
_NUMBER_WITH_COMMAS = re.compile(
    r"\b(?:([IVX]{1,4}|[ivx]{1,4})((?:,(?:\d{1,2}|[a-zđ]))+)|(\d{1,2})((?:,[a-zđ])(?:,\d{1,2})?))"
    r"(?![\w,])"
)
_ROMAN_GLUED = re.compile(r"\b(i{2,3}|iv|vi{1,3})(\d{1,2})([a-zđ])?(\d{1,2})?\b", re.IGNORECASE)
_SMALL_LS = re.compile(r"(?<![\w.])(l{2,3})(?=[.,](?:\d|[a-zđ]\b))")
# Whom to remind, said with "mấy" ("nhắc mấy xã nộp báo cáo"): the communes, no count.
_REMIND_THE_FEW = re.compile(
    r"\b(nhắc|nhac|đôn đốc|don doc|giục|giuc)((?:\s+(?:giúp|giup|giùm|gium|nhẹ|nhe))?\s+)"
    r"(?:mấy|may)(?=\s+(?:xã|xa|phường|phuong|huyện|huyen|sở|so|đơn vị|don vi)\b)",
    re.IGNORECASE,
)
# How many of how many: "hoàn thành bao nhiêu/bao nhiêu việc", "bn/bn".
_OUT_OF = re.compile(
    r"\b(?:bao nhiêu|bao nhieu|bn|mấy|may)\s*/\s*(?:bao nhiêu|bao nhieu|bn|mấy|may)\b",
    re.IGNORECASE,
)
# A window up to the day of an occasion: "từ giờ tới dịp 20/11", "trước lễ 30/4" (not the
# day the asker acts: "..., trước lễ 30/4 chị trình lãnh đạo"), or from the day after it:
# "từ sau lễ 2/9".
_UP_TO_AN_OCCASION = re.compile(
    r"\b(tới|toi|đến|den|trước|truoc|trc|từ sau|tu sau)\s+(?:dịp lễ|dip le|dịp|dip|lễ|le)\s+"
    r"(?=\d{1,2}/\d{1,2}\b(?!/)(?!\s+(?:chị|chi|em|e|anh|a|mình|minh|tôi|toi)\b))",
    re.IGNORECASE,
)
# ... or its date before it ("2/9 kỳ nghỉ", of "back from the 2/9 holiday").
_DATE_OF_A_HOLIDAY = re.compile(
    r"(?<![/\d])\d{1,2}/\d{1,2}\s+(kỳ nghỉ|ky nghi|nghỉ lễ|nghi le)\b", re.IGNORECASE
)
# One commune or ward named by its place ("phường Lê Chân có việc nào quá hạn", "UBND xã Tân
# Lập bên em", "xa Vinh Thanh Loi minh"): one of the communes the plan names as a group, the
# place no words of the question. The place is told by its capitals, as typed; a police
# station's, a clinic's or a council's ("Công an phường Lê Chân", "Trạm Y tế xã", "HĐND xã",
# "Văn phòng HĐND và UBND phường") keeps its own body, and "Văn hóa - Xã Hội" is no commune.
_COMMUNE_BY_PLACE = re.compile(
    r"(?<![\w-])(?<!UBND )(?<!ông an )(?<!ong an )(?<!tế )(?<!ủy )(?<!dân )(?<!HĐND )"
    r"(?<!và )(?<!- )"
    r"(?:(?:UBND|Ủy ban nhân dân)\s+)?(xã|phường|thị trấn|đặc khu|xa|phuong)\s+(?=\w)",
    re.IGNORECASE,
)
# ... but not communes counted ("7 xã Tây Trà"), nor one that calls to ask ("PCT xã Ia Hrung
# hỏi: ...", "bên phường Trường Vinh gọi hỏi"): who asks is no body asked of.
_COUNTED_BEFORE = re.compile(r"\d\s+$")
_CALLER_AFTER = re.compile(r"\s*(?:gọi|goi|hỏi|hoi|nhắn|nhan|điện|dien)\b", re.IGNORECASE)
# The Tết break said over before the week back ("Nghỉ Tết xong đi làm lại thì tuần đầu tiên
# ..."): the first week back after Tết, as said the other way round.
_WEEK_BACK_AFTER_TET = re.compile(
    r"\b(?:(?:nghỉ|nghi|ăn|an)\s+)?(?:tết|tet)\s+xong\s*,?\s*"
    r"(?:(?:đi làm lại|di lam lai|đi làm|di lam|quay lại|quay lai)\s+)?"
    r"(?:(?:thì|thi|là|la)\s+)?(tuần đầu|tuan dau)(\s+(?:tiên|tien))?\b",
    re.IGNORECASE,
)
# A point's letter written as the plan writes it, after a task's head: "việc đ)", "mục a)".
_ITEM_IN_PARENS = re.compile(
    r"\b(?:mục|muc|việc|viec|nv|nhiệm vụ|nhiem vu|điểm|diem|item|point)\s+([a-zđ])\)",
    re.IGNORECASE,
)
_POINT_IN_PARENS = re.compile(r"\b(\d{1,2})\(([a-zđ])\)", re.IGNORECASE)
# A point's number and its item's letter typed apart: "điểm 4 b" is "4b" (not "điểm 4 a và
# b", two items).
_POINT_SPACED = re.compile(
    r"\b(điểm|diem|point|item)\s+(\d{1,2})\s+([a-xđ])(?![\w.])"
    r"(?!\s*(?:và|va|hoặc|hoac|and|or)\b)(?!\s*[,&/-])",
    re.IGNORECASE,
)
# What a chat app puts before a message pasted or forwarded from a group: who wrote it and
# when ("[08:47] Nguyễn Thị Hằng: ...", "Anh Tuấn (Sở Tài chính), 14:02: ...", "Forwarded
# from Trần Thị Mai"), or whom it was addressed to there ("@Hùng ..."). Who wrote is no
# agency asked about, and a name is no day ("Mai": tomorrow).
_CHAT_HEADER = re.compile(
    r"""^\s*(?:
        (?:forwarded\ from|chuyển\ tiếp\ từ|chuyen\ tiep\ tu)\b[^\n:]*(?:[:\n]|$)
      | \[\d{1,2}[:h]\d{2}(?::\d{2})?\]\s*[^\n:?]{1,60}:(?=\s)
      | [^\n:?]{1,60}?,?\s+\d{1,2}:\d{2}\s*:(?=\s)
      | @\w+(?=\s)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A letter's furniture pasted around the question: its subject line ("V/v: ...", "Re: ..."),
# its salutation ("Kính gửi bộ phận theo dõi,", "Dear colleagues,"), its sign-off and the
# lines of name and unit under it ("Trân trọng!" then "Phòng CCHC - Sở Nội vụ"), or a name
# signed alone on the last line ("Em Thảo", "Lan - VP Sở").
_SUBJECT_LINE = re.compile(
    r"^\s*(?:v/v|về việc|re|fw|fwd|subject|tiêu đề)\s*:([^\n]*)\n", re.IGNORECASE
)
# What says a letter's body asks by itself, so that its subject line only repeats it.
_ASKS_ITSELF = re.compile(
    r"\?|\b(?:đề nghị|de nghi|xin|nhờ|nho|please|pls|can you|could you|kindly)\b", re.IGNORECASE
)
_SALUTATION = re.compile(
    r"^[^\S\n]*(?:kính gửi|kinh gui|dear)\b[^\n]*\n", re.IGNORECASE | re.MULTILINE
)
_SIGN_OFF = re.compile(
    r"\n\s*(?:trân trọng|tran trong|best regards|kind regards|regards|best|many thanks|thanks"
    r"|thank you|cheers)\b[^\n\w]*(?:\n[^\n?]{1,50}){0,2}\s*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"\n\s*(?:(?:em|anh|chị|a|c|e)\s+)?[A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+)?"
    r"(?:\s*[-–]\s*[^\n?]{1,40})?\s*$"
)
_DOCUMENT_STARTS = frozenset(d[0] for d in _DOCUMENTS)
# Kinds of documents a task's title may name, to tell two otherwise alike apart.
_DOCUMENT_KINDS = (("ke", "hoach"), ("nghi", "quyet"), ("chi", "thi"), ("de", "an"))
_WITHIN = frozenset({"trong", "theo", "thuoc"})
# "Up to now": a question asked so has no other window ("... đến giờ").
_TO_DATE = frozenset({("den", "gio"), ("toi", "gio"), ("den", "nay"), ("toi", "nay")})
_TO_DATE_MARKS = {"den": marks("đến"), "toi": marks("tới")}
# Words after which "a", "c" are a point's letter, not the asker: "điểm a cần ...".
_LETTERED = frozenset({"diem", "muc", "tiet", "khoan"})
# What hands the question to the bot after a clause of context: "..., nhờ bot liệt kê ...",
# "..., đề nghị cho biết ...", "... Cho em hỏi ...", "... em cần nắm ...", "... bot tóm tắt".
_REQUESTS = tuple(
    (phrase(t), tuple(marks(w) for w in t.split()))
    for t in (
        "nhờ",
        "đề nghị",
        "cho em hỏi",
        "cho mình hỏi",
        "cho tôi hỏi",
        "cho chị hỏi",
        "cho anh hỏi",
        # "..., e cần đối chiếu lại. Cho e xem đầy đủ thông tin nhiệm vụ ...".
        *(f"cho {who} xem" for who in ("em", "chị", "anh", "mình", "tôi")),
        *(
            f"{who} cần {what}"
            for who in ("em", "chị", "anh", "mình")
            for what in ("nắm", "biết", "xác nhận", "xem", "danh sách", "số liệu")
        ),
        "bot ơi",
        # "..., muốn nắm tình hình trước. Bot cho mình danh sách ...": the bot asked by name.
        *(f"bot {what}" for what in ("cho", "gửi", "liệt kê", "lập", "xuất", "tổng hợp")),
        # "..., a ấy hỏi TTr Bộ được giao phối hợp những việc gì": a colleague's question.
        *(f"{who} ấy hỏi" for who in ("anh", "chị", "a", "c", "bạn")),
        # "Tuần sau đoàn kiểm tra xuống làm việc, em lọc giúp chị ...": the bot called "em".
        *(
            f"{who} {what} giúp"
            for who in ("em", "e")
            for what in ("lọc", "liệt kê", "tổng hợp", "xem", "xuất", "đếm", "rà", "coi")
        ),
        # "..., anh chị xem giúp em ...", "..., chị cho em xin danh sách ...", "..., em muốn
        # nắm chung trước khi gọi lại ạ: ...": asked of a colleague, or wanted.
        *(f"{who} xem giúp" for who in ("anh", "chị", "anh chị", "bạn")),
        *(f"cho {who} xin" for who in ("em", "e", "mình", "tôi", "chị", "anh")),
        *(
            f"{who} muốn {what}"
            for who in ("em", "chị", "anh", "mình", "tôi")
            for what in ("nắm", "biết", "hỏi", "xem")
        ),
    )
)
_REQUESTS_BY_FIRST = {
    first: [(said, written) for said, written in _REQUESTS if said[0] == first]
    for first in {said[0] for said, _ in _REQUESTS}
}
# "vì chiều nay phải nộp báo cáo nên ...": the reason said first, the question after "nên".
_BECAUSE = frozenset({"vi", "do", "boi"})
_THEREFORE = marks("nên")
# Words that ask, in a clause that is then no context: "đài đang được giao những nhiệm vụ
# nào, bot liệt kê giúp em".
_ASKING = {
    w: marks(t)
    for w, t in (
        ("nao", "nào"),
        ("gi", "gì"),
        ("j", "j"),
        ("may", "mấy"),
        ("ai", "ai"),
        ("dau", "đâu"),
        ("sao", "sao"),
        ("bn", "bn"),
        ("ntn", "ntn"),
    )
}
# What is said as left out: "ngoài ... ra", "không tính ... thì", "trừ ...".
_BESIDES, _COUNTED, _EXCEPT = marks("ngoài"), marks("tính"), marks("trừ")
_LEFT_OUT_WORDS = 8
_OUTSIDE = (["nuoc"], ["o"], ["nam"], ["ben"])
# "lãnh đạo vừa gọi hỏi ...", "anh Giám đốc hỏi ...": someone else's question, reported.
_REPORTED_BY = frozenset({"goi", "vua", "moi", "dao", "sep", "doc", "truong"})
# Thanks said in a sentence of its own: "Thanks in advance.", "Em cảm ơn anh chị nhiều ạ".
_THANKS = frozenset({"on", "thanks", "thank"})
_THANKS_WORDS = _THANKS | {"cam", "you", "in", "advance", "a", "nhieu", "em", "e", "anh", "chi"}
_THANKS_WORDS |= {"minh", "toi", "nhe", "nha", "lot", "so", "much", "very", "many", "truoc", "bot"}
_NEEDS_AN_ANSWER = frozenset({CueKind.ASK, CueKind.STATUS, CueKind.ACTION, CueKind.FIELD})
# "gia hạn nhiệm vụ này", "nhắc hai đơn vị này": what the context named, referred back to.
_THIS = {"nay": (marks("này"), False), "tren": (marks("trên"), False), "do": (_THAT, True)}
_REFERRED = frozenset({"vu", "viec", "nv", "vi", "dv", "vuc", "phan", "muc", "ben"})
# "hai đơn vị này", "lĩnh vực này", "bên đó": the names the context said stay.
_NAME_HEADS = frozenset({"vi", "dv", "vuc", "phan", "muc", "ben"})
# ... and the kinds of body a later clause points back to ("vụ đó", "sở này"), or "họ".
_BACK_TO_A_BODY = _NAME_HEADS | {"vu", "so", "phong", "cuc", "xa", "huyen", "phuong"}
_THEY = marks("họ")
# The whole plan said as such: "cả kế hoạch", "cả chỉ thị", "toàn bộ kế hoạch".
_WHOLE_PLAN_SAID = (
    ["ca", "ke", "hoach"],
    ["ca", "chi", "thi"],
    ["toan", "bo", "ke", "hoach"],
    ["toan", "bo", "chi", "thi"],
)
_WHOLE_PLAN_WORDS = frozenset(w for run in _WHOLE_PLAN_SAID for w in run)
# "bên đó", "bên ấy", "bên họ": the body said before, asked about.
_THAT_SIDE = frozenset({("ben", "do"), ("ben", "ay"), ("ben", "ho"), ("cua", "ho")})
# "đến nay", "hiện nay", "năm nay": now, no "này".
_NOW = frozenset({"den", "hien", "tu", "toi", "hom", "sang", "chieu", "trua", "nam", "thang"})
# "bên mình", "sở mình", "việc của em": the asker's own, as the question's subject.
_WHOSE = frozenset({"ben", "so", "phong", "cua", "vi", "nganh"})
_FILTERS = frozenset({CueKind.STATUS, CueKind.ROLE})
_WHAT_TO_DO = frozenset({CueKind.ASK, CueKind.ACTION, CueKind.FIELD})
_LISTS = frozenset({Ask.LIST.value, Ask.COUNT.value, Ask.EXPORT.value})
_EXPORT_A_REPORT = ("xuat", "bao", "cao")
# Greetings a question may open with, and the words that open a reason or a purpose.
_GREETINGS = frozenset({"kinh", "gui", "bot", "da", "chao", "em", "chi", "anh", "oi", "ad"})
_REASONS = {
    ("vi",): marks("vì"),
    ("do",): None,
    ("boi",): marks("bởi"),
    ("de",): marks("để"),
    ("nham",): marks("nhằm"),
    ("theo",): None,
    ("phuc", "vu"): marks("phục"),
}
_ASKS_FOR_AN_ANSWER = frozenset({"ask", "status", "report", "field"})
# "tính đến hôm nay": as of today.
_AS_OF = (("tinh", "den"), ("den",), ("toi",))
# Period words by the marks they are written with, where the same letters with other marks
# are common words: "nắm" (to grasp) is no "năm".
# "mãi" (for ever) is no "mai", "bộ máy quý này" no "mấy quý"
_OTHER_MARKS = {"nam": marks("năm"), "mai": "", "may": marks("mấy")}
# "ban hành hồi tháng 3": back then, said of what was done ("hồi tháng 3 có việc nào quá
# hạn" asks of March).
_BACK_THEN = marks("hồi")
_DONE_THEN = frozenset({("hanh",), ("xong",), ("ky",), ("gui",), ("nop",), ("trinh",), ("thanh",)})
# "tình", "tính": typed so, "tinh" is no province ("tình hình"; "Tịnh" of a place is).
_NOT_PROVINCE = frozenset({marks("tình"), marks("tính")})
# Cues that ask something of the plan: the clause that asks holds them.
_ASKING_KINDS = (CueKind.ASK, CueKind.FIELD)
# What parts the clauses of a question: "..., cuối năm phải báo cáo rồi".
_CLAUSE_BREAK = re.compile(r"[,;?!\n]|\.(?!\S)|\s[-–—]\s")
# A year said as a bare number ("kế hoạch cchc 2026").
# Words that say "as a whole" ("kế hoạch cchc nói chung", "tổng thể").
_SECTION_WORDS = frozenset({"muc", "phan", "mang"})
# How a request is made: "đính kèm vào nhiệm vụ kiểu gì", "cách báo xong nv".
_HOW_A_REQUEST = frozenset(
    {("the", "nao"), ("nhu", "nao"), ("kieu", "gi"), ("ra", "sao"), ("lam", "sao")}
    | {("cach", w) for w in ("bao", "gui", "xin", "nop", "cap", "danh", "dinh")}
)
# Words that link others, no part of a term a title writes ("báo cáo trong tháng 5").
_LINKING = frozenset({"trong", "cua", "va", "voi", "cho", "ve", "tai", "o", "de", "cac", "thi"})
# Words that urge a request on, no title's: "nhắc việc số hóa đẩy nhanh", "khẩn trương".
_URGING = frozenset({"day", "nhanh", "khan", "truong", "gap", "som"})
# "vụ", "the matter of", heading a task said in everyday words, and the words it may follow.
_MATTER = marks("vụ")
_MATTER_BEFORE = frozenset({"cai", "may", "cho", "ve", "hop", "tri"})  # "phối hợp vụ ..."
# Words before a task's head that make it many tasks ("mấy việc", "những việc", "1 nhiệm vụ").
_MANY_BEFORE_A_HEAD = frozenset({"may", "nhung", "cac", "bao", "nhieu", "moi", "1", "mot"})
# How many words of their own must follow the head, and be the title's, for a task said in
# everyday words to be found by how far ahead its title is.
_FAR_AHEAD_WORDS = 3
# The words of a name said that make it long enough to look for in full in titles.
_LONG_NAME = 4
# Words between "phần" and the words of a section's title: "phần nhiệm vụ của cấp xã".
_OF_TASKS = frozenset({"nhiem", "vu", "nv", "viec", "cua", "cac"})
# A task named by its words inside context: how many words its title may take, and how many
# of the likeliest tasks are scored for them.
_TITLE_WORDS_AT_MOST = 20
_LIKELIEST_REFERRED = 8
_OVERALL = frozenset({"chung", "noi", "tong", "the", "toan", "bo"})
# Words of doing alone, of how far the plan has got: no task's title.
_DOING = frozenset({"thuc", "hien", "trien", "khai"})
_AS_A_WHOLE = frozenset({("noi", "chung"), ("tong", "the"), ("toan", "bo"), ("lieu", "chung")})
# Words a question may end with after its "chưa" ("xong chưa ạ", "trình chưa nhỉ").
_POLITE_ENDS = frozenset(
    {"a", "nhi", "nhe", "vay", "v", "e", "the", "em", "anh", "chi", "ha", "ta", "bot"}
)
# What one must do: due within a window said, else all of it.
_MUST = frozenset({("phai", "lam"), ("can", "lam")})
# What is to be handed in: "..., chiều nay phải nộp rồi" is the asker's own deadline.
_HANDED_IN = frozenset(
    {("phai", "nop"), ("can", "nop"), ("phai", "bao", "cao"), ("sap", "phai", "nop")}
)
# ... and what must be made, when a report is what is made ("sắp phải làm báo cáo quý").
_MADE = frozenset({("phai", "lam"), ("sap", "phai", "lam"), ("can", "lam")})
_REPORT_WORDS = (["bao", "cao"], ["bc"])
# The words of a report's window a task's title may hold ("báo cáo quý", "báo cáo năm").
_ROUND_UNITS = frozenset({"quy", "thang", "nam"})
# How many words after it say what is handed in ("phải nộp tự chấm điểm").
_HANDED_WORDS = 3
# Cues of a question about many tasks at once: a status, a role, a count, a request.
_OF_MANY = frozenset({CueKind.STATUS, CueKind.ROLE, CueKind.ACTION, CueKind.OWN})
# The kinds a body's name opens with, which say a body ("Sở Tư pháp"; not "cấp xã", nor
# "trung tâm phục vụ hành chính công", which titles say as a place).
_BODY_KINDS = frozenset({"so", "cuc", "vu", "phong"})
# What is done to one task an agency is given ("stc xin gia hạn thêm 1 tháng", "bên Văn hóa
# gửi kế hoạch rồi, đánh dấu hoàn thành giúp e").
_DONE_TO_ONE_TASK = frozenset({Action.EXTEND.value, Action.COMPLETE.value})
# The words that ask to confirm ("có phải ... không").
_CONFIRMING = frozenset({"co", "phai"})
# "Đề nghị" opening a letter, and the words that may follow it.
_PLEASE = ["de", "nghi"]
_AFTER_PLEASE = (["cho"], ["xem"], ["gui"], ["cung"], ["cap"], ["bao"])
# "thông tin" that asks for a task's card, unless a title says it ("an toàn thông tin").
_INFO = ("thong", "tin")
# The words that ask who ("ai chủ trì", "đơn vị nào phối hợp").
_WHO = frozenset({"ai", "nao"})
# What they are, asked after "mấy việc" ("mấy việc sắp đến hạn là gì").
_WHAT_THEY_ARE = frozenset(
    {("la", "gi"), ("la", "nhung", "gi"), ("la", "cai", "gi"), ("gom", "gi")}
)
# The heads "mấy" says a few tasks by ("mấy việc", "mấy nhiệm vụ", "mấy nv").
_TASK_HEADS_AFTER_FEW = frozenset({("viec",), ("nhiem", "vu"), ("nv",)})
# Cues of how things stand, of an agency or of one task alike ("thế nào rồi", "tiến độ").
_HOW_IT_STANDS = frozenset({Ask.PROGRESS.value, TaskField.PROGRESS.value})
# Done yet: of one task how it stands, of many the done ones ("có việc nào xong chưa").
_DONE_YET = frozenset(
    {("xong", "chua"), ("hoan", "thanh", "chua"), ("da", "xong", "chua")}
    | {("da", "hoan", "thanh", "chua"), ("lam", "xong", "chua")}
)


@dataclass
class _Found:
    """What the steps found in one question."""

    words: list[str]
    raw: list[str]
    marks: list[str | None]
    taken: list[bool]
    # Whether each word was typed joined to the next by a dot or a dash ("1.a").
    joined: list[bool] = field(default_factory=list)
    # Which clause of the question each word is in, clauses parted by ",", ";", "?", "!"
    # or a full stop.
    clauses: list[int] = field(default_factory=list)
    # The clauses that end with a question mark.
    questioned: frozenset[int] = frozenset()
    # The words typed right after a colon ("nv 5: đã kiểm tra ...").
    after_colon: frozenset[int] = frozenset()
    # Where a sentence starts after a full stop, a question or an exclamation mark (of a
    # question typed in Vietnamese: English points back with "they", which it drops).
    sentence_starts: frozenset[int] = frozenset()
    # Whether the question is handed over where a sentence starts, with no request said.
    context_sentence: bool = False
    # The words that take back a slip ("à nhầm", "ý em là"), if the question has them.
    correction: tuple[int, int] | None = None
    # Which step took each word: "task", "period", "name", a cue kind, ...
    takers: list[str] = field(default_factory=list)
    tasks: list[TaskMention] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    # The words [start, end) each period was read from.
    period_spans: list[tuple[int, int]] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)
    duration_starts: list[int] = field(default_factory=list)
    # The words of a year that names the plan ("kế hoạch cchc năm nay"), no window.
    plan_years: list[tuple[int, int]] = field(default_factory=list)
    names: list[Mention] = field(default_factory=list)
    cues: list[tuple[Phrase, Cue]] = field(default_factory=list)
    kind_choices: tuple[str, ...] = ()
    titled: list[tuple[TaskRef, float]] = field(default_factory=list)
    # Tasks whose titles hold a weak name said alone: offered beside the agency; or the
    # section whose title holds it ("II. NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG").
    rival_titles: list[TaskRef] = field(default_factory=list)
    rival_section: str | None = None
    # A window read beside another its words may as well mean ("đầu năm sau").
    rival_periods: dict[Period, Period] = field(default_factory=dict)
    # The words that cite a document, its kind, number and date ("QĐ 1257/QĐ-UBND ngày
    # 20/7"): a title's words where a title holds them, else only the document's.
    documents: set[int] = field(default_factory=set)
    # The one task whose title words pasted in quotes are, word for word.
    quoted_title: TaskRef | None = None
    # Words a task's field was asked of that no task holds ("số hóa kết quả ai chủ trì" of a
    # plan with no such task): not understood, rather than every task's field.
    unmatched: bool = False
    # The clauses that say what the asker will do with the answer ("em tổng hợp báo chủ
    # tịch"), beside the clause that asks.
    beside: set[int] = field(default_factory=set)
    why: list[str] = field(default_factory=list)

    def take(self, start: int, end: int, why: str, taker: str) -> None:
        for k in range(start, end):
            self.taken[k] = True
            self.takers[k] = taker
        self.why.append(why)

    def release(self, start: int, end: int, why: str) -> None:
        """Gives words a step took back to the steps after it (a title's, after all)."""
        for k in range(start, end):
            self.taken[k] = False
            self.takers[k] = ""
        self.why.append(why)

    def free(self) -> list[str]:
        """The words no step has taken, blanked where taken so that phrases cannot span."""
        return [w if not t else "" for w, t in zip(self.words, self.taken, strict=True)]


class QuestionReader:
    """Reads questions about one plan; build it once per plan vocabulary."""

    def __init__(
        self,
        vocabulary: PlanVocabulary,
        directory: AgencyDirectory,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.lexicon = lexicon or Lexicon.load()
        plain = Speller(self.lexicon.replacements, (), written=self.lexicon.written)
        self.vocabulary = vocabulary
        # "kh 77" of a plan numbered 77/KH-UBND: the plan, by its number.
        number = re.match(r"\d+", vocabulary.number)
        self._plan_number = (
            re.compile(_PLAN_BY_NUMBER % number.group(), re.IGNORECASE) if number else None
        )
        self.names = Names(vocabulary, directory, plain.spell, self.lexicon)
        self.tasks = Tasks(vocabulary, plain.spell_marked, self.lexicon)
        # Everyday words for a task's work, but those the plan itself writes ("chấm điểm").
        self._title_words = {
            said: plan
            for said, plan in self.lexicon.title_words.items()
            if not (
                said[0] in self.tasks.syllables
                if len(said) == 1
                else all(self.tasks.pair_in_title(a, b) for a, b in pairwise(said))
            )
        }
        syllables = (
            self.lexicon.syllables()
            | self.names.syllables
            | self.tasks.syllables
            | PERIOD_WORDS
            | NUMBER_WORDS
        )
        # Questions typed in English are spelled into Vietnamese first (english.py).
        self.speller = Bilingual(
            self.lexicon.replacements,
            syllables,
            self.names.acronyms,
            written=self.lexicon.written,
            pairs=self.lexicon.pairs() | self.names.pairs | self.tasks.pairs,
            dialect=self.lexicon.dialect,
            dialect_bare=self.lexicon.dialect_bare,
        )
        self._cues: dict[str, list[tuple[Phrase, tuple[Cue, ...]]]] = {}
        for said, cues in sorted(self.lexicon.cues.items(), key=lambda e: -len(e[0])):
            self._cues.setdefault(said[0], []).append((said, cues))
        # Each of the plan's agencies by the names it goes by, spelled.
        self._agency_words = {
            a.key: tuple(plain.spell(n) for n in (a.name, *a.names)) for a in vocabulary.agencies
        }
        # Each section's title, spelled, to tell by a name which section a task is of.
        self._section_titles = {s.code: plain.spell(s.title) for s in vocabulary.sections}
        # ... and the bodies a title names ("Nhiệm vụ của UBND các xã, phường, đặc khu"),
        # so that the body said any way ("ubnd xã") is known as that section's too.
        self._section_bodies = {
            code: {
                t.values
                for m in self.names.find(title, [False] * len(title), [False] * len(title))
                for t, strength in m.options[:1]
                if t.kind == "agency" and strength >= FULL
            }
            for code, title in self._section_titles.items()
        }
        # The tasks numbered alone ("2") in a section that has no parts, by number: "mục 2"
        # may be one of them as well as part II.2.
        self._in_whole_sections: dict[str, list[TaskRef]] = {}
        for t in vocabulary.tasks:
            if t.section and "." not in t.section and "." not in t.number:
                self._in_whole_sections.setdefault(t.number, []).append(
                    TaskRef(t.section, t.number)
                )
        # The words of the plan's own title, by which a question may name the whole plan.
        title = plain.spell(vocabulary.title)
        self._plan_title = frozenset(title)
        self._plan_title_run = tuple(title)
        # ... and its initials ("kstthc" of "Kiểm soát thủ tục hành chính tỉnh Khánh Hòa"):
        # every run of three or more of its words from its start.
        self._plan_initials = frozenset(
            "".join(w[0] for w in title[:n]) for n in range(3, len(title) + 1)
        )
        # The kind of body whose plan it is, as its title names it ("phường" of "Cải cách
        # hành chính phường Hòa Khánh"): "phường mình" is then the whole plan.
        self._plan_body = frozenset(
            fold(m[1]) for m in _BODY_NAMED.finditer(vocabulary.title) if m[2].isupper()
        )
        # ... and its place ("hoa khanh"): that commune asked by its place is the plan's own.
        self._plan_places = frozenset(
            _place_at(vocabulary.title, m.start(2))[0]
            for m in _BODY_NAMED.finditer(vocabulary.title)
            if m[2].isupper()
        )
        self._agency_names = tuple(fold(a.name) for a in vocabulary.agencies)
        # The level most of the plan's own agencies are at (a province's Sở, a city's Phòng).
        self._levels = {a.key: a.level for a in directory.agencies()}
        self._levels.update({a.key: a.level for a in vocabulary.agencies})
        levels = Counter(a.level for a in vocabulary.agencies if not a.is_group)
        self._level = levels.most_common(1)[0][0] if levels else None
        # Words that say the plan as a whole, or a kind of agency: no task's.
        self._general = frozenset(
            {
                *_PLAN_SUBJECT,
                *self.lexicon.agency_kinds,
                *(w for p in self.lexicon.plan_words for w in p),
            }
        )
        # ... and with the verbs every title has and whom a report goes to: "các sở thực hiện
        # chỉ thị tới đâu rồi", "làm báo cáo cchc gửi sở nội vụ" name no task.
        self._whole_plan = self._general | _GENERIC_VERBS | _SENT_TO | _OVERALL
        # The agencies "sở" (a city's "phòng") alone may mean, and "ubnd" alone: plans name
        # single Sở but UBND by level ("UBND cấp huyện"), so for UBND the choices are groups.
        self._kinds: dict[str, tuple[str, ...]] = {}
        for kind in self.lexicon.agency_kinds:
            self._kinds[kind] = tuple(
                a.key
                for a in vocabulary.agencies
                if plain.spell(a.name)[:1] == (kind,) and (kind == "ubnd" or not a.is_group)
            )

    def at_plan_level(self, options: list[tuple[Target, float]]) -> list[tuple[Target, float]]:
        """Of agencies a name fits equally ("tư pháp": Sở Tư pháp and Phòng Tư pháp, both
        in a province's plan), the one at the level the plan's own agencies are at: a
        province's coordinator means the Sở, a city's the Phòng."""
        if len(options) < 2 or any(t.kind != "agency" or len(t.values) != 1 for t, _ in options):
            return options
        level = [o for o in options if self._levels.get(o[0].values[0]) == self._level]
        return level if len(level) == 1 else options

    # ------------------------------------------------------------------------ reading

    def _communes_by_place(self, typed: str) -> str:
        """ "phường Lê Chân", "UBND xã Tân Lập" as "UBND phường", "UBND xã": one of the plan's
        communes, its place no words of a task. The plan's own place, and a commune a body of
        the plan is named by, are left as said."""
        said: list[str] = []
        last = 0
        for m in _COMMUNE_BY_PLACE.finditer(typed):
            place, end = _place_at(typed, m.end())
            if (
                not place
                or place == "hoi"  # "Văn hóa - Xã Hội"
                or any(own.startswith(place) for own in self._plan_places)
                or any(place in name for name in self._agency_names)
                or _COUNTED_BEFORE.search(typed, 0, m.start())
                or _CALLER_AFTER.match(typed, end)
            ):
                continue
            said += [typed[last : m.start()], "UBND ", m[1]]
            last = end
        return "".join(said) + typed[last:]

    def read(self, text: str, today: date) -> Reading:
        """The reading of one question asked on ``today``."""
        typed = without_chat_headers(unicodedata.normalize("NFC", text or ""))
        typed = without_letter_furniture(typed)
        typed = LINK.sub(" ", typed)  # a link's words are none of the asker's
        # "việc đ)", "item a)": a point's item as the plan writes it.
        typed = _ITEM_IN_PARENS.sub(r"điểm \1", typed)
        typed = _POINT_IN_PARENS.sub(r"\1.\2", typed)  # "2(a)": point 2's item a
        typed = _POINT_SPACED.sub(r"\1 \2\3", typed)
        english = self.speller.reads_english(typed)
        typed = self.speller.from_english(typed) if english else typed
        if not english:
            typed = self._communes_by_place(typed)
        typed = _OUT_OF.sub("tỷ lệ", typed)  # "hoàn thành bao nhiêu/bao nhiêu việc": a rate
        typed = _UP_TO_AN_OCCASION.sub(r"\1 ", typed)  # "tới dịp 20/11", "trước lễ 30/4": to then
        typed = _HOLIDAY_DATE.sub(r"\1", typed)  # "nghỉ lễ 2/9 xong": the holiday, no window
        typed = _WEEK_BACK_AFTER_TET.sub(r"\1\2 sau Tết", typed)
        typed = _DATE_OF_A_HOLIDAY.sub(r"\1", typed)
        typed = _REMIND_THE_FEW.sub(r"\1\2các", typed)
        typed = _SMALL_LS.sub(lambda m: "I" * len(m[1]), typed)  # "ll.2": II.2
        typed = _NUMBER_WITH_COMMAS.sub(_commas_as_points, typed)
        typed = _ROMAN_GLUED.sub(_roman_unglued, typed)  # "ii5a2": II.5.a.2
        typed = _TASK_SPACED.sub(r"\1.\2", typed)
        typed = _MARKED_DONE_AROUND.sub(r"\1 \3 \2", typed)
        typed = _ROLE_ASKED_AROUND.sub(r"\2 \1 hay \3", typed)
        spelled: list[Word] = _in_plan_words(spoken_numbers(self.speller(typed)), self._title_words)
        joined = [
            a.end + 1 == b.start and typed[a.end] in "./-"
            for a, b in zip(spelled, spelled[1:], strict=False)
        ] + [False]
        raw = [typed[w.start : w.end] for w in spelled]
        # "hai chấm năm chấm a chấm hai", said as "2.5.a.2": its parts, as if typed so.
        for k in range(len(spelled) - 1, -1, -1):
            parts = spelled[k].text.split(".")
            if len(parts) > 1 and " " in raw[k] and not all(p.isdigit() for p in parts):
                word = spelled[k]
                spelled[k : k + 1] = [Word(p, word.start, word.end) for p in parts]
                raw[k : k + 1] = parts
                joined[k : k + 1] = [True] * (len(parts) - 1) + [joined[k]]
        clauses = _clauses(typed, spelled)
        found = _Found(
            words=[w.text for w in spelled],
            raw=raw,
            marks=[w.marks for w in spelled],
            taken=[False] * len(spelled),
            takers=[""] * len(spelled),
            joined=joined,
            clauses=clauses,
            questioned=_questioned(typed, spelled, clauses),
            after_colon=frozenset(
                k
                for k in range(1, len(spelled))
                if ":" in typed[spelled[k - 1].end : spelled[k].start]
            ),
            sentence_starts=frozenset(
                k
                for k in range(1, len(spelled))
                if _SENTENCE_END.search(typed, spelled[k - 1].end, spelled[k].start)
            ),
        )
        if not found.words:
            return Reading(Intent(Ask.UNKNOWN))
        _take_pasted_title(found, typed, spelled)
        _take_quotations(found, typed, spelled)
        self._take_quoted_titles(found, typed, spelled)
        _take_document_numbers(found, typed, spelled)
        if self._plan_number is not None:
            for m in self._plan_number.finditer(typed):
                said = _words_within(spelled, m.start(), m.end())
                if said and not any(found.taken[k] for k in said):
                    found.take(said[0], said[-1] + 1, "the plan's number", "plan")
        _take_clock_times(found)
        _take_letter_formula(found)
        _find_correction(found, early=True)
        self._find_tasks(found)
        # Small talk first: "hôm nay thứ mấy" is no period of the plan.
        self._find_cues(found, _SMALL_TALK, min_words=2)
        self._find_periods(found, today)
        self._find_names(found)
        # Others of a kind name no body: "bên mình phối hợp với sở ngành khác".
        found.names = [m for m in found.names if found.words[m.end : m.end + 1] != ["khac"]]
        self._names_listed_after_a_kind(found)
        _short_names_said_in_full(found)
        _join_clauses_of_names(found)
        _take_divisions(found)
        _take_those_bodies(found)
        _take_besides(found)
        _take_rounds(found)
        self._find_cues(found)
        _drop_columns_of_an_export(found)
        _drop_count_of_those_spoken_of(found)
        _drop_done_just_now(found)
        self._done_said_of_many(found)
        _take_own_said_as_elder(found)
        self._items_of_a_point_asked_of_one(found)
        self._point_asked_of_many(found)
        _count_to_confirm(found)
        _many_to_be_shown(found)
        _bodies_compared(found)
        _late_or_on_time(found)
        self._deadline_to_confirm(found)
        _denial_of_no_body(found)
        _recorded_request(found)
        _take_back_slips(found)
        self._report_asked_first(found)
        self._take_plan_title(found)
        _take_note(found, typed, spelled)
        self._drop_purpose(found)
        _drop_windows_of_a_report_named_first(found)
        _drop_requests_done(found)
        _bodies_asked_to_report(found)
        _drop_the_bots_messages(found)
        _drop_what_is_denied(found)
        _drop_done_left_out(found)
        _drop_done_of_the_askers_doing(found)
        _drop_doing_of_the_plan(found)
        _drop_nothing_done_yet(found)
        _drop_askers_reporting(found)
        _drop_events_to_come(found)
        _drop_own_writing_a_report(found)
        _drop_letters_named_by_an_action(found)
        _drop_roles_beside_a_partner(found)
        _drop_reminders_of_ones_own(found)
        _drop_relayed_requests(found)
        _drop_what_a_document_asks(found)
        _drop_what_the_asker_saw(found)
        _drop_statuses_of_a_remark(found)
        _drop_a_state_judged_beside_asking_how(found)
        _drop_turn_to_a_topic(found)
        _drop_what_was_done_before_the_turn(found)
        _drop_count_of_a_topic(found)
        _drop_remarks_after_the_question(found)
        _drop_what_the_asker_is_doing(found)
        _drop_what_to_learn_to_ask(found)
        _drop_examples_of_help(found)
        _drop_whom_help_is_for(found)
        self._drop_askers_deadline(found)
        _drop_askers_draft(found)
        self._drop_context(found)
        self._drop_own_of_a_remark(found)
        _drop_the_askers_own_name(found)
        self._drop_own_of_the_plans_body(found)
        _drop_attach_of_export(found)
        _drop_dates_of_where_it_goes(found)
        self._section_by_name(found)
        self._drop_names_of_a_section(found)
        self._section_said_by_its_words(found)
        self._drop_recipients(found)
        _drop_reports_beside_the_question(found)
        _drop_directive_before_the_question(found)
        self._drop_plan_year(found)
        self._year_of_a_title(found)
        self._find_loose_names(found)
        self._find_kind_words(found)
        self._drop_fields_of_titles(found)
        self._drop_note_names(found)
        # Where the asker has just come to ("em mới về văn phòng, ..."): who asks, no subject.
        found.names = [m for m in found.names if not _newly_at(found, m)]
        # Who asked the asker ("Anh bên Vụ Pháp chế vừa gọi hỏi lại, ...") is the subject
        # only when the question has no other.
        # Whose question is forwarded is who asked too ("chị bên Sở Tư pháp hỏi sở đang được
        # giao việc nào": hers); never a body the plan does not hold ("Thành viên BCĐ hỏi:").
        forwarded = [m for m in found.names if _forwarded_from(found, m)]
        found.names = [
            m
            for m in found.names
            if not _place(found, m.start)
            and not (
                m in forwarded
                and all(outside_plan(t) for t, _ in m.options)
                # "sở tư pháp hỏi bên đó có được giao việc gì": the body asked about after all
                and not _pointed_back_to(found, m)
                # ... as is the unit of who passed it on ("Anh Tuấn Vụ trưởng Vụ TCCB hỏi
                # bên anh ấy ...")
                and not _relayed_and_pointed_back_to(found, m)
            )
        ]
        askers = [m for m in found.names if _asked_by(found.words, m) or m in forwarded]
        # "Chị Lan phòng KSTTHC nhờ hỏi ...": who passed the question on, her unit said to
        # say who she is; asked about only where the question points back to it ("bên chị
        # còn mấy việc", "của họ").
        if relay := _passed_on(found):
            relayed = [m for m in found.names if m.end <= relay]
            if not _points_back_after(found, relayed, relay):
                found.names = [m for m in found.names if m not in relayed]
                askers = [m for m in askers if m not in relayed]
            for k in range(relay):
                if not found.taken[k]:
                    found.taken[k], found.takers[k] = True, "asker"
            found.why.append("who passed it on")
        _take_who_forwards(found, forwarded)
        # ... and a subject after all where the question points back to it ("Sở Công Thương
        # vừa gọi hỏi, bên họ với Sở Tư pháp có chung việc nào").
        askers = [m for m in askers if not _pointed_back_to(found, m)]
        found.names = [m for m in found.names if m not in askers]
        # ... never when said after the question ("còn mấy việc quá hạn, sở nv đang hỏi"),
        # or after the report asked for ("lập báo cáo quý III giúp mình, bên nội vụ đang giục").
        asking = self._asking_clause(found)
        if asking is None and found.clauses:
            reports = {
                clause
                for said, c in found.cues
                if c.kind is CueKind.ASK and c.value in _REPORTS
                for clause in _clauses_saying(found, said, {"report"})
            }
            asking = reports.pop() if len(reports) == 1 else None
        if asking is not None:
            askers = [m for m in askers if found.clauses[m.start] <= asking]
        _take_sent_to_the_asker(found)
        _take_shares_stated(found)
        self._numbered_and_titled(found)
        self._drop_names_in_a_numbered_text(found)
        self._row_said_after_its_task(found)
        _take_a_worry(found)
        _progress_told_after_a_colon(found)
        self._take_time_of_year(found)
        _take_counts(found)
        _few_whose_lead_is_asked(found)
        _few_asked_what(found)
        self._find_titles(found)
        self._find_asked_titles(found)
        self._find_titles_said_with_their_deadline(found)
        self._titles_narrowed_by_their_deadline(found)
        self._find_titles_of_a_deadline_to_confirm(found)
        self._find_titles_of_a_role_to_confirm(found)
        _extension_said_by_its_length(found, self._title_words_of_the_task(found))
        _update_given_after_a_colon(found)
        _update_of_a_share_stated(found)
        _update_told_by_its_doer(found)
        _update_to_done(found)
        _part_claimed_of_one_task(found, self.tasks)
        actions = {c.value for _, c in found.cues if c.kind is CueKind.ACTION}
        if (
            not (found.tasks or found.titled)
            and actions & _DONE_TO_A_TASK
            and Action.REMIND.value not in actions
        ):
            # "Nâng cấp cổng DVC chưa kịp vì đang chờ vốn, gia hạn thêm 1 tháng": what is to
            # be done is done to a task, named by its title's words somewhere in the question.
            self._title_referred_back(found, len(found.words), False)
        if askers and not (found.tasks or found.titled or found.names):
            found.names = askers
        elif askers:
            found.why.append("who asked")
        self._drop_title_actions(found)
        _drop_who_said_so(found)
        self._tasks_said_by_a_sections_word(found)
        self._find_name_in_titles(found)
        self._number_told_by_its_agency(found)
        self._rival_task_of_a_part(found)
        self._rival_part_of_a_task(found)
        self._task_numbered_as_a_window(found)
        self._task_making_the_report(found)
        self._report_of_the_reminded(found)
        self._tasks_named_by_their_body(found)
        _drop_denied(found)
        _drop_what_is_left_out(found)
        _drop_days_of_events(found)
        _done_ones_too(found)
        self._drop_periods_of_context(found)
        _window_to_come(found, today)
        return _Decision(found, self, today).reading()

    # ------------------------------------------------------------------------- steps

    def _find_tasks(self, found: _Found) -> None:
        typed = [r.lower() if not t else "" for r, t in zip(found.raw, found.taken, strict=True)]
        for hit in self.tasks.find_numbered(found.free(), typed, found.joined):
            hit = self._row_said_before(found, hit)
            found.tasks.append(hit)
            found.take(hit.start, hit.end, "task " + "/".join(r.label for r in hit.refs), "task")

    def _row_said_before(self, found: _Found, hit: TaskMention) -> TaskMention:
        """ "dòng 2 của nv III.1", "dòng thứ 2 của việc số 4": that row of the task named
        after it."""
        words, k = found.words, hit.start
        k -= 1 if k > 0 and words[k - 1] == "cua" else 0
        if k < 2 or not words[k - 1].isdigit() or len(hit.refs) != 1:
            return hit
        said = 3 if words[k - 2] == "thu" and k >= 3 else 2  # "dòng thứ 2"
        if words[k - said] not in _ROW_WORDS:
            return hit
        row = self.tasks.row_of(hit.refs[0], int(words[k - 1]))
        if row is None:
            return hit
        return replace(hit, start=k - said, refs=(row,))

    def _find_periods(self, found: _Found, today: date) -> None:
        # A word typed with marks that make it another word opens no period ("nắm trước":
        # to know beforehand, not "năm trước").
        words = [
            "" if w in _OTHER_MARKS and not agree(m, _OTHER_MARKS[w]) else w
            for w, m in zip(found.free(), found.marks, strict=True)
        ]
        # "mục 2.7" of a plan with a section II.7: the section, no day; "chị Mai": a
        # person, no "mai" (tomorrow).
        words = [
            "" if self.names.section_after(words, k) or _person_at(found, k) else w
            for k, w in enumerate(words)
        ]
        hits = find_periods(words, today, self.vocabulary.years)
        if cut := _periods_across_clauses(hits, words, found.clauses):
            # "báo cáo năm, trước 15/12 ...": no "năm trước" across the comma.
            words = ["" if k in cut else w for k, w in enumerate(words)]
            hits = find_periods(words, today, self.vocabulary.years)
        for hit in hits:
            context = _context_day(found.words, found.marks, hit.start, hit.value, today)
            if tuple(found.words[max(0, hit.start - 2) : hit.start]) in _CARRIED_TO:
                # "việc chưa xong phải chuyển sang năm sau": where it is carried, no window.
                found.take(hit.start, hit.end, "carried over", "period")
            elif tuple(found.words[hit.end : hit.end + 2]) in _IS_THE_END and not _counted_down(
                hit.value, found.words, hit.end, today
            ):
                # "tuần sau là hết quý 2, việc nào đến hạn trong quý 2": when, said of another
                # time, is no window.
                found.take(hit.start, hit.end + 2, "context", "period")
            elif context:
                # "chiều nay họp giao ban", "sáng mai trình lãnh đạo": when the asker needs
                # it; "tính đến hôm nay": as of today. No window of the plan either way.
                found.take(hit.start - context, hit.end, "context", "period")
            elif _taken_over_then(found.words, hit.start, hit.value, today):
                # "em mới nhận bàn giao tuần trước": when the asker took the work over.
                found.take(hit.start, hit.end, "context", "period")
            elif _asked_then(found, hit.end, hit.value, today):
                # "Hôm qua bên Sở Y tế có hỏi chị ...": when someone asked, no window.
                found.take(hit.start, hit.end, "context", "period")
            elif _meeting_day(found.words, found.clauses, hit.end, hit.value, today) or _met_on(
                found.words, hit.start, hit.value, today
            ):
                # "mai họp BCĐ rồi, ...", "họp vụ tccb sáng mai": the asker's meeting.
                found.take(hit.start, hit.end, "context", "period")
            elif _meeting_cadence(found.words, hit.start, hit.end):
                # "mai họp BCĐ quý rồi": the quarterly meeting; "rồi" ends the sentence.
                found.take(hit.start, hit.end, "context", "period")
            elif (
                isinstance(hit.value, Period)
                and hit.end < len(found.words)
                and found.words[hit.end] in _VISITS
                and found.clauses
                and found.clauses[hit.start] == found.clauses[hit.end]
                and found.clauses[hit.start] != found.clauses[-1]
            ):
                # "Tuần sau đoàn kiểm tra của TP xuống sở rồi, bên mình có nv nào trễ hạn":
                # when the visit comes, said before the question.
                found.take(hit.start, hit.end, "context", "period")
            elif away := _away_from(found.words, hit.end, hit.value, today):
                # "Mai chị ra Phú Quốc công tác mấy bữa, ...": when the asker is away, and
                # for how long.
                found.take(hit.start, hit.end, "context", "period")
                found.take(away - 2, away + _for_days(found.words, away), "away", "context")
            elif isinstance(hit.value, Period):
                found.periods.append(hit.value)
                found.period_spans.append((hit.start, hit.end))
                if hit.rival is not None:
                    found.rival_periods[hit.value] = hit.rival
                found.take(hit.start, hit.end, f"period {hit.value.label}", "period")
            elif _review_years(found.words, hit.start):
                pass  # "bc tổng kết 5 năm": the words of a review's title, no length of time
            elif found.words[hit.start - 1 : hit.start] == ["thu"]:
                # "thứ 6 ngày 13": a weekday, no six days.
                found.take(hit.start, hit.end, "a weekday", "period")
            elif once := _once(found.words, hit.end):
                # "6 tháng 1 lần": how often, a title's words, no length of time asked for.
                found.take(hit.start, hit.end + once, f"every {hit.value}", "period")
            else:
                found.durations.append(hit.value)
                found.duration_starts.append(hit.start)
                found.take(hit.start, hit.end, f"duration {hit.value}", "period")

        _join_periods(found)

    def _deadline_to_confirm(self, found: _Found) -> None:
        """ "nv I.2 con dot 15/11 nua phai ko e": one task, a day that is one of its deadlines
        and a clause asked to be confirmed, nothing else asked of it: its deadline."""
        if len(found.tasks) != 1 or len(found.tasks[0].refs) != 1:
            return
        spans = found.period_spans
        if (
            len(spans) >= 2
            and _or_between(found.words[spans[0][1] : spans[1][0]])
            and tuple(found.words[max(0, spans[0][0] - 2) : spans[0][0]]) == _DUE
        ):
            # "4.2 đến hạn 01/01/2027 hay cuối tháng 12?": which of two days it is due.
            found.cues = [
                (said, c) for said, c in found.cues if (c.kind, said) != (CueKind.STATUS, _DUE)
            ]
            found.cues.append((("han",), Cue(CueKind.FIELD, TaskField.DUE.value, CLEAR)))
            found.why.append("which deadline")
            return
        if any(
            c.kind in (CueKind.FIELD, CueKind.STATUS, CueKind.ACTION) and c.weight >= 2
            for _, c in found.cues
        ):
            return  # "nv I.2 xong 15/11 phải ko": whether it was done then
        ref = found.tasks[0].refs[0]
        for period, (start, _) in zip(found.periods, found.period_spans, strict=True):
            if (
                period.kind is PeriodKind.DAY
                and self.tasks.due_on(ref, period.start)
                and _confirms(found, found.clauses[start] if found.clauses else 0)
            ):
                found.cues.append((("han",), Cue(CueKind.FIELD, TaskField.DUE.value, CLEAR)))
                found.why.append("a deadline to confirm")
                return

    def _drop_plan_year(self, found: _Found) -> None:
        """ "tình hình thực hiện kế hoạch cchc năm nay": a year of the plan said right after
        the plan's own words names the plan, no window; the year of a report asked for before
        it stays its period (not of one the asker writes after it: "tình hình thực hiện kế
        hoạch cchc năm nay thế nào, e đang viết báo cáo năm")."""
        years = self.vocabulary.years
        if not years:
            return
        reports = [
            (c.value, _said_at(found, said, ("ask", "report")))
            for said, c in found.cues
            if c.kind is CueKind.ASK and c.value in _REPORTS
        ]
        kept = []
        for period, (start, end) in zip(found.periods, found.period_spans, strict=True):
            before = found.words[max(0, start - 2) : start]
            place = next((p for p in _PLAN_PLACES if tuple(before[-len(p) :]) == p), ())
            subject = found.words[start - len(place) - 1] if start > len(place) else ""
            # "cchc năm 2026", "nhiệm vụ cchc phường năm 2026": the plan by its subject
            titled = subject in _PLAN_SUBJECT
            # ... "bảng tổng hợp toàn bộ nhiệm vụ CCHC năm nay": its tasks, whatever of them
            head = start - len(place) - 1
            while head > 0 and found.words[head - 1] in _PLAN_SUBJECT:
                head -= 1
            tasked = titled and found.words[max(0, head - 1)] in _NUMBER_HEADS
            reported = {v for v, at in reports if any(k < start for k in at)}
            if (
                period.kind is PeriodKind.YEAR
                and self._of_the_plan(period.start.year)
                and before
                and (
                    self._titled_document_before(found.words, start)
                    # an export of the plan's tasks is of the plan ("xuất excel ds nhiệm vụ
                    # cchc năm 2026"); a report's year is its window
                    or (not reported or tasked or titled and reported == {Ask.EXPORT.value})
                    and (
                        # "Kế hoạch cải thiện chỉ số PAR INDEX năm nay": the plan by its title
                        found.takers[start - 1] == "plan"
                        or titled
                        or tuple(before) in self.lexicon.plan_words
                        or _named_document_before(found, start)
                    )
                )
            ):
                found.plan_years.append((start, end))
                found.why.append("the plan's year")
            else:
                kept.append((period, (start, end)))
        found.periods = [p for p, _ in kept]
        found.period_spans = [span for _, span in kept]

    def _drop_fields_of_titles(self, found: _Found) -> None:
        """ "bc kết quả rà soát tthc lĩnh vực xây dựng tới đâu r": a name said after "lĩnh
        vực" that a title holds so is the field the title is about, no body asked of."""
        kept = []
        for mention in found.names:
            said = found.words[max(0, mention.start - 2) : mention.end]
            if said[:2] == _FIELD_OF_WORK and self.tasks.titles_with(said, 1):
                found.release(mention.start, mention.end, "a field of a title")
            else:
                kept.append(mention)
        found.names = kept

    def _reported_task(self, found: _Found) -> bool:
        """Whether the words no step took, after a report asked for, name a few tasks by
        their titles ("bc kết quả rà soát tthc lĩnh vực xây dựng tới đâu r"): that task's
        report, not the plan's."""
        free = [
            (w, m)
            for w, m, t in zip(found.words, found.marks, found.taken, strict=True)
            if not t and not self.lexicon.filler(w, m)
        ]
        if len({w for w, _ in free if w not in self._general}) < _REPORTED_WORDS:
            return False
        return 0 < len(self.tasks.holding(free, MAX_CHOICES + 1)) <= MAX_CHOICES

    def _report_by_its_kind(self, found: _Found) -> bool:
        """Whether the message opens with a report by its kind that a few tasks make, and
        asks nothing else of it ("báo cáo tổng kết làm tới đâu rồi")."""
        if found.takers[:1] != ["report"]:
            return False
        said = [
            (w, m)
            for w, m, t, k in zip(found.words, found.marks, found.taken, found.takers, strict=True)
            if k == "report" or not t and not self.lexicon.filler(w, m)
        ]
        if len({w for w, _ in said}) < _REPORTED_WORDS:
            return False
        return 0 < len(self.tasks.holding(said, MAX_CHOICES + 1)) <= MAX_CHOICES

    def _year_of_a_title(self, found: _Found) -> None:
        """ "dự toán kinh phí cchc năm 2027 trình tỉnh thì bên nào chủ trì": a year said right
        after words a title holds with it ("... cải cách hành chính năm 2027"), where a task's
        field is asked, is the title's, no window."""
        if not any(c.kind is CueKind.FIELD and c.weight >= CLEAR for _, c in found.cues):
            return
        kept = []
        for period, (start, end) in zip(found.periods, found.period_spans, strict=True):
            said = found.words[max(0, start - 2) : end]
            if (
                period.kind is PeriodKind.YEAR
                and start >= 2
                and not any(found.taken[start - 2 : start])
                and self.tasks.titles_with(said, 1)
            ):
                found.release(start, end, "a title's year")
            else:
                kept.append((period, (start, end)))
        found.periods = [p for p, _ in kept]
        found.period_spans = [span for _, span in kept]

    def _titled_document_before(self, words: Sequence[str], start: int) -> bool:
        """Whether the plan is named by its own title's words before word ``start``, a
        document's head first: "(báo cáo tổng hợp của) bảng phân công nhiệm vụ CCHC năm
        2026" is the plan's year, whatever is asked of it."""
        k = start
        while k > 0 and words[k - 1] in self._plan_title:
            k -= 1
        return any(
            tuple(words[j : j + len(d)]) == d and j + len(d) < start
            for j in range(k, start)
            for d in _DOCUMENTS
        )

    def _find_names(self, found: _Found) -> None:
        upper = [r.isupper() for r in found.raw]
        candidates = self.names.find(found.words, found.taken, upper)
        chosen: list[Mention] = []
        yet = _yet_predicate(found.words, found.clauses)
        on_air: list[tuple[int, int]] = []
        for mention in sorted(candidates, key=lambda m: (-m.weight, m.start)):
            if any(found.taken[mention.start : mention.end]):
                continue
            if _only_sections(mention) and yet.issuperset(range(mention.start, mention.end)):
                continue  # "hội nghị ... tổ chức chưa": what is asked done, no section
            if _number_of_tasks(found, mention, candidates):
                continue  # "cho a số nv đã hoàn thành": how many tasks, no Sở
            if (
                mention.end - mention.start > 1
                and found.words[mention.end - 1] == "tinh"
                and found.marks[mention.end - 1] in _NOT_PROVINCE
            ):
                continue  # "báo cáo Chánh VP tình hình": "tình", no "VP tỉnh"
            if found.raw[mention.start] in ("ca", "Ca") and all(
                outside_plan(t) for t, _ in mention.options
            ):
                continue  # "den nay ca tinh ...": "cả tỉnh" typed bare, not a "CA tỉnh" it lacks
            if found.raw[mention.start].lower() == "cả":
                continue  # "cả tỉnh hoàn thành bao nhiêu": the whole province, no "CA tỉnh"
            if tuple(found.words[max(0, mention.start - 2) : mention.start]) in _VISITED and any(
                c.kind is CueKind.OFF_TOPIC for _, c in found.cues
            ):
                continue  # "trời có mưa ko, tính chạy qua sở Xây dựng": where the asker goes
            before = found.words[mention.start - 1] if mention.start else ""
            if mention.strength <= BARE and before in _OTHER_BODIES:
                continue  # "bộ nội vụ" is the ministry, not the plan's Sở Nội vụ
            said_before = found.words[max(0, mention.start - 3) : mention.start]
            if any(_holds(said_before, m) for m in _MERGED_INTO) and any(
                c.end <= mention.start - 2 for c in candidates
            ):
                continue  # "Sở KH&ĐT sắp sáp nhập vào Sở Tài chính, ...": where it goes
            if (
                found.clauses
                and found.clauses[mention.start] != found.clauses[mention.end - 1]
                and found.words[mention.end - 1] == "nv"
            ):
                continue  # "trong kh của bộ, nv nào ...": a task's head after a comma
            if (
                mention.strength <= BARE
                and all(t.kind == "agency" for t, _ in mention.options)
                and before not in _SIDES
                and self._inside_a_title(found, mention)
            ):
                # "kiem tra lien nganh cchc", "khảo sát hài lòng dịch vụ giáo dục công": a
                # title's words, no "Tổ kiểm tra", no "Sở Giáo dục"
                continue
            if _only_sections(mention) and before in _DIRECTED:
                continue  # "cần lãnh đạo chỉ đạo": leaders to direct, no section
            if any(a <= mention.start and mention.end <= b for a, b in on_air) or (
                before == "song"
                and agree(found.marks[mention.start - 1], _ON_AIR_MARKS)
                and self.tasks.pair_in_title("song", found.words[mention.start])
            ):
                # "tuyên truyền CCHC trên sóng Đài PTTH tỉnh": where it airs, a title's
                # words, not the body asked about (nor any name within it)
                on_air.append((mention.start, mention.end))
                continue
            after = found.raw[mention.end].lower() if mention.end < len(found.raw) else ""
            if tuple(
                found.words[max(0, mention.start - 2) : mention.start]
            ) in _LEADERS and not _points_back_after(found, [mention], mention.end):
                # "Chiều nay báo cáo Chủ tịch huyện": a person, not the body; but "anh Giám
                # đốc Sở Tư pháp hỏi bên ảnh ...": the body, asked about.
                continue
            if after in _MINE_TYPED and (
                mention.strength <= BARE
                or mention.end - mention.start == 1
                # "Sở Tư pháp mình", "VP Bộ mình", "ubnd xa minh": any body's whole name too
                or after in ("mình", "minh")
            ):
                # "văn phòng mình", "huyện mình": the asker's own; "của SNV mình" too
                body = any(t.kind == "agency" for t, _ in mention.options)
                if body and after in ("mình", "minh"):
                    said = tuple(found.words[mention.start : mention.end + 1])
                    found.cues.append((said, Cue(CueKind.OWN, "", CLEAR)))
                    found.take(mention.start, mention.end + 1, "the asker's own", "own")
                continue
            if mention.start and found.raw[mention.start - 1].lower() in _COMPOUNDS.get(
                found.words[mention.start], ()
            ):
                continue  # "nhiệm vụ tổ chức" holds no "Vụ Tổ chức cán bộ"
            rivals = [
                c
                for c in candidates
                if c is not mention
                and c.start < mention.end
                and mention.start < c.end
                and not any(found.taken[c.start : c.end])
                and c.weight >= CLOSE * mention.weight
                and _targets(c) - _targets(mention)
                and not _inside(c, mention)
            ]
            if rivals:
                # "tài chính": the agency's bare name and a section's words alike.
                options = list(mention.options)
                for rival in rivals:
                    options.extend(o for o in rival.options if o[0] not in _targets(mention))
                mention = Mention(
                    min(mention.start, *(r.start for r in rivals)),
                    max(mention.end, *(r.end for r in rivals)),
                    tuple(options),
                )
            if before == "ben" and any(t.kind == "agency" for t, _ in mention.options):
                # "các việc bên tài chính phối hợp": a body, not section VI's subject.
                mention = replace(
                    mention, options=tuple(o for o in mention.options if o[0].kind == "agency")
                )
            if self._introduces(found, mention):
                found.take(mention.start, mention.end, "asker's agency", "name")
                continue
            chosen.append(mention)
            found.take(
                mention.start, mention.end, "name " + " ".join(_said(found, mention)), "name"
            )
        found.names = sorted(chosen, key=lambda m: m.start)
        self._drop_the_plans_place(found)
        for mention in found.names:
            # "the e-government section" (chính quyền điện tử mục): the section's own word
            # after its name, not a task's head.
            k = mention.end
            if (
                _only_sections(mention)
                and k < len(found.words)
                and found.words[k] in _SECTION_WORDS
                and not _next_is_number(found.words, k)
            ):
                found.take(k, k + 1, "section word", "name")

    def _drop_the_plans_place(self, found: _Found) -> None:
        """ "kế hoạch CCHC Đồng Tháp tới đâu rồi": the plan's own place said alone is the
        plan's, not a body whose name ends with it ("Báo và Phát thanh, Truyền hình Đồng
        Tháp"), but where it follows or precedes another name of that body ("Báo và PTTH Đồng
        Tháp")."""
        place = self.names.place
        for mention in list(found.names):
            if not place or tuple(found.words[mention.start : mention.end]) != place:
                continue
            if any(
                other is not mention
                and _targets(other) & _targets(mention)
                and mention.start - 1 <= other.end
                and other.start <= mention.end + 1
                for other in found.names
            ):
                continue
            found.names.remove(mention)
            found.take(mention.start, mention.end, "the plan's own place", "plan")

    def _names_listed_after_a_kind(self, found: _Found) -> None:
        """ "các sở Tư pháp, Tài chính", "cả 3 sở NV, TP, KHCN", "sở nv với tp", "2 vụ pháp
        luật (hình sự - hành chính với dân sự - kinh tế)": the names listed after a body
        named with its kind's word are bodies of that kind, each read as if the words they
        share with the first were said again ("tài chính" is Sở Tài chính, no section; "TP"
        Sở Tư pháp, no city)."""
        words = found.words
        for first in list(found.names):
            said = tuple(words[first.start : first.end])
            if said[0] not in _LISTED_KINDS or not self.names.agencies_of(said):
                continue
            heads = [said[:h] for h in range(len(said) - 1, 0, -1)]
            k = first.end
            while k < len(words):
                j = k + 1 if words[k] in _LISTING else k
                if j == k and found.clauses[k] == found.clauses[k - 1]:
                    break  # a name listed follows a comma, "và" or "với"
                item = self._listed_item(found, heads, j)
                if item is None or (j > k and self._named_alike_a_section(found, j)):
                    break  # "sở tư pháp và tài chính": Sở Tài chính or section VI, to ask
                found.names = sorted(
                    [m for m in found.names if not (m.start < item.end and item.start < m.end)]
                    + [item],
                    key=lambda m: m.start,
                )
                found.take(
                    item.start, item.end, "name listed " + " ".join(_said(found, item)), "name"
                )
                if j > k:
                    found.take(k, j, "listing", "name")
                k = item.end

    @staticmethod
    def _named_alike_a_section(found: _Found, j: int) -> bool:
        """Whether the name found at word ``j`` may be a section's too ("tài chính")."""
        return any(
            m.start == j and any(t.kind == "section" for t, _ in m.options) for m in found.names
        )

    def _listed_item(self, found: _Found, heads: Sequence[Phrase], j: int) -> Mention | None:
        """The body named by one of ``heads`` and the words from ``j`` on: untaken, or one
        name already found there."""
        words = found.words
        held = next((m for m in found.names if m.start == j), None)
        for n in range(min(_LONGEST_LISTED, len(words) - j), 0, -1):
            if held is not None and j + n != held.end:
                continue
            if held is None and any(found.taken[j : j + n]):
                continue
            for head in heads:
                options = self.names.agencies_of((*head, *words[j : j + n]))
                if options:
                    return Mention(j, j + n, options)
        return None

    def _inside_a_title(self, found: _Found, mention: Mention) -> bool:
        """Whether a name's words and the free words around it (two after, or one on each
        side) run on in a task's title."""
        start, end, taken = mention.start, mention.end, found.taken
        for first, last in ((start, end + 2), (start - 1, end + 1)):
            if first < 0 or last > len(found.words):
                continue
            if any(taken[first:start]) or any(taken[end:last]):
                continue
            if self.tasks.titles_with(found.words[first:last], 1):
                return True
        return False

    @staticmethod
    def _introduces(found: _Found, mention: Mention) -> bool:
        """ "chị là Hoa bên Sở Nội vụ, chị hỏi ...": the asker's own agency, said to
        introduce herself, is no subject."""
        words, k = found.words, mention.start
        if k < 3:
            return False
        if words[k - 1] in ("ben", "o", "thuoc"):
            return any(
                words[j] == "la"
                and words[j - 1] in _MINE | _SELF
                and found.takers[j] != "correction"
                for j in range(max(1, k - 5), k - 1)
            )  # "ý em là bên khcn" takes back a slip
        # "mình là chuyên viên Sở Y tế", "chị là chuyên viên phòng KHTC sở Y tế": the body
        # after the asker's post (and its division).
        return any(
            words[j] == "la"
            and words[j - 1] in _SELF
            and found.takers[j] != "correction"
            and tuple(words[j + 1 : j + 3]) in _POSTS
            and (not found.clauses or found.clauses[j] == found.clauses[k])
            for j in range(max(1, k - 6), k - 2)
        )

    def _section_by_name(self, found: _Found) -> None:
        """ "việc số 3 cấp xã": of the tasks a number names in several sections, those of the
        section whose title holds a name said with it ("II. NHIỆM VỤ CỦA CẤP XÃ", or the
        plan's name of the agency, "UBND các xã, phường"); the name only told them apart,
        unless something is to be done by the agency it names. A level said alone ("nv 3
        cấp tỉnh") tells them apart the same way ("I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH")."""
        if not found.tasks or len(found.tasks[0].refs) < 2:
            return
        hit = found.tasks[0]
        free = found.free()
        for k in range(len(free) - 1):
            if free[k] != "cap" or not free[k + 1]:
                continue
            level = ("cap", free[k + 1])
            kept = [
                (r, s)
                for r, s in zip(hit.refs, hit.scores, strict=True)
                if _holds(self._section_titles.get(r.section or "", ()), level)
            ]
            if len(kept) == 1:
                found.tasks[0] = replace(hit, refs=(kept[0][0],), scores=(kept[0][1],))
                found.take(k, k + 2, f"section {kept[0][0].section} by its level", "name")
                return
        # "cập nhật tiến độ nv 3: ... đang hướng dẫn các xã": a name in the update after a
        # colon is what the update says, not which task.
        colon = min((k for k in found.after_colon if k > hit.start), default=len(found.words))
        for mention in found.names:
            if mention.start >= colon:
                continue
            said = tuple(found.words[mention.start : mention.end])
            target = mention.options[0][0]
            forms = [said]
            forms += [w for k in target.values for w in self._agency_words.get(k, ())]
            # ... or the section itself, by its number: "mục I điểm 2.4".
            kept = [
                (r, s)
                for r, s in zip(hit.refs, hit.scores, strict=True)
                if (target.kind == "section" and r.section == target.values[0])
                or (
                    r.section in self._section_titles
                    and any(_holds(self._section_titles[r.section], f) for f in forms)
                )
            ]
            if len(kept) == 1:
                found.tasks[0] = replace(hit, refs=(kept[0][0],), scores=(kept[0][1],))
                if not any(c.kind is CueKind.ACTION for _, c in found.cues):
                    # "nhắc UBND các xã làm nv 3": whom to remind, as well.
                    found.names = [m for m in found.names if m is not mention]
                found.why.append(f"section {kept[0][0].section} by its title")
                return

    def _items_of_a_point_asked_of_one(self, found: _Found) -> None:
        """ "mục 3 của chỉ thị hạn khi nào": what is asked of one task, of a directive's
        point with items (3.a, 3.b), is asked of one of them, asking which; its progress,
        count or list are the point's as a whole ("mục 3 tới đâu rồi")."""
        if found.tasks or not any(
            c.kind is CueKind.FIELD and c.value in _OF_ONE_TASK and c.weight >= CLEAR
            for _, c in found.cues
        ):
            return
        for m in found.names:
            code = m.options[0][0].values[0] if _only_sections(m) else ""
            refs = self.tasks.items_of_part(code)
            if refs:
                found.names = [n for n in found.names if n is not m]
                found.tasks.append(TaskMention(m.start, m.end, refs, tuple(1.0 for _ in refs)))
                found.take(m.start, m.end, "the items of point " + code, "task")
                return

    def _point_asked_of_many(self, found: _Found) -> None:
        """ "điểm 2 còn việc nào chưa hoàn thành": a directive's point whose items (2.a, 2.b)
        its number names, asked for a list or a count, is the point as a whole."""
        listed = [
            c.weight
            for _, c in found.cues
            if c.kind is CueKind.ASK and c.value in (Ask.LIST.value, Ask.COUNT.value)
        ]
        # ... a weak "nào" with a status said ("còn việc nào chưa hoàn thành").
        statuses = any(c.kind is CueKind.STATUS and c.weight >= CLEAR for _, c in found.cues)
        if not listed or (max(listed) < CLEAR and not statuses):
            return
        for mention in found.tasks:
            code = mention.refs[0].number.rpartition(".")[0]
            if len(mention.refs) > 1 and self.tasks.items_of_part(code) == mention.refs:
                found.tasks.remove(mention)
                target = ((Target("section", (code,)), FULL),)
                found.names.append(Mention(mention.start, mention.end, target))
                found.why.append(f"point {code} as a whole")
                return

    def _drop_names_of_a_section(self, found: _Found) -> None:
        """ "phần II nhiệm vụ của xã phường có mấy việc": a name said right after a section's
        number, or in a clause after it that says nothing else, whose words the section's
        title holds ("NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG"), is that title's, no agency asked
        about."""
        sections = [m for m in found.names if _only_sections(m)]
        titles = self._section_titles

        def of_a_section(name: Mention) -> bool:
            # "mục II nhiệm vụ cấp xã": the title's words, its "của" left out or not, and
            # the body's kind too ("mục II ubnd cấp xã" of "NHIỆM VỤ CỦA CẤP XÃ").
            said = [w for w in found.words[name.start : name.end] if w != "cua"]
            if said[1:] and said[0] in self.lexicon.agency_kinds:
                said = said[1:]
            return any(
                (
                    0 <= name.start - s.end <= 3
                    and (not found.clauses or found.clauses[s.end - 1] == found.clauses[name.start])
                    or restated(name, s)
                )
                and _holds([w for w in titles[s.options[0][0].values[0]] if w != "cua"], said)
                for s in sections
            )

        def restated(name: Mention, section: Mention) -> bool:
            # "mục II thế nào rồi? các việc cấp xã": a clause after the section's that says
            # nothing but the title's words, of its tasks.
            if not found.clauses or found.clauses[name.start] <= found.clauses[section.end - 1]:
                return False
            clause = found.clauses[name.start]
            return all(
                name.start <= k < name.end
                or w in _OF_TASKS
                or self.lexicon.filler(w, found.marks[k])
                for k, w in enumerate(found.words)
                if found.clauses[k] == clause
            )

        if sections:
            found.names = [m for m in found.names if m in sections or not of_a_section(m)]

    def _sections_named(self, said: Sequence[str], mention: Mention) -> list[str]:
        """The sections whose titles hold the words said, or name the body said."""
        body = mention.options[0][0].values
        return [
            c
            for c, title in self._section_titles.items()
            if _holds(title, said) or body in self._section_bodies[c]
        ]

    def _section_said_by_its_words(self, found: _Found) -> None:
        """ "phần nhiệm vụ cấp xã còn mấy việc": a name said after "phần nhiệm vụ (của)",
        whose words one section's title holds ("II. NHIỆM VỤ CỦA CẤP XÃ"), names that
        section, not the agency."""
        for n, mention in enumerate(found.names):
            if _only_sections(mention) or mention.strength <= BARE:
                continue  # "phần tài chính": the section or the department, as it was
            k = mention.start
            while k > 0 and found.words[k - 1] in _OF_TASKS:
                k -= 1
            said = found.words[mention.start : mention.end]
            sections = self._sections_named(said, mention)
            if (
                k == 0
                or k == mention.start  # "tiến độ phần các xã phường": the part, or the communes
                or found.words[k - 1] not in _SECTION_WORDS
                or len(sections) != 1
            ):
                continue
            target = ((Target("section", (sections[0],)), FULL),)
            found.names[n] = Mention(k - 1, mention.end, target)
            found.take(k - 1, mention.start, f"section {sections[0]} by its words", "name")

    def _drop_recipients(self, found: _Found) -> None:
        """ "tổng hợp tuần này gửi ban chỉ đạo", "báo cáo 6 tháng trình bcđ": whom a report
        goes to is no subject of it; nor, of a task named, whom its result went to ("nv
        II.4.a đã trình UBND tỉnh rồi, đánh dấu hoàn thành"); nor a body outside the plan
        whose rules a deadline follows ("chỉ ghi theo quy định của Chính phủ")."""
        sent = any(c.kind is CueKind.ASK and c.value in _REPORTS for _, c in found.cues) or (
            bool(found.tasks)
            and any(
                c.kind is CueKind.ACTION and c.value != Action.REMIND.value for _, c in found.cues
            )
        )
        words = found.words
        kept = [
            m
            for m in found.names
            if not (sent and m.start and words[m.start - 1] in _HANDED_TO)
            # "Mai nộp báo cáo cho BCĐ rồi", "báo cáo ... gửi về Sở Nội vụ", "nộp bc quý I
            # cho UBND tỉnh": whom it is handed to, after "cho" or "về".
            and not (
                sent
                and m.start >= 2
                and words[m.start - 1] in ("cho", "ve")
                and _handed_before(found, m.start - 1)
            )
            # "các cơ quan cấp tỉnh còn việc nào chưa làm cho các xã": for whom, beside who.
            and not (len(found.names) > 1 and words[max(0, m.start - 2) : m.start] == _DONE_FOR)
            # "snv sắp xin bc 9 tháng rồi, bot lập giúp e báo cáo ...": who asks for it
            and not (sent and _asks_for_a_report(words, m.end))
            # "..., gửi lãnh đạo văn phòng": its leaders, whatever is asked
            and not _sent_to_leaders(words, m.start)
            and not (
                all(outside_plan(t) for t, _ in m.options)
                and "theo" in found.words[max(0, m.start - 8) : m.start]
            )
            # ... but a body met that the question points back to is asked about ("chiều nay
            # họp với Sở VHTTDL, bên mình với họ có việc nào chung")
            and not (
                _met_or_asking(found.words, m)
                and not _they_said_after(found, m)
                and not _relayed_and_pointed_back_to(found, m)
            )
            and not _sent_by_the_asker(found, m)
            and not _reported_to_later(found, m)
            # "CV 2150/UBND-THKH ngày 03/9 của UBND tỉnh": who issued the document
            and not (words[m.start - 1 : m.start] == ["cua"] and m.start - 2 in found.documents)
        ]
        if len(kept) < len(found.names):
            found.names = kept
            found.why.append("recipient or rule-maker")

    def _drop_note_names(self, found: _Found) -> None:
        """Of a task named by its number: the sections, and the names its title holds, named
        after it are its title's words ("nhiệm vụ III.7 về nâng cao hiệu quả ... Trung tâm",
        "nhắc công an xã nv II.2, an ninh tại trung tâm phục vụ"); and what is to be done to it
        (extended, marked done, reported on) is done to the task, whoever the question
        names as asking for it or in the report's words ("Sở Tài chính có văn bản xin lùi
        thời hạn nhiệm vụ VI.1", "bc tiến độ nv I.2.1 đã tổ chức xong lớp tập huấn")."""
        if len(found.tasks) != 1 or len(found.tasks[0].refs) != 1:
            return
        end = found.tasks[0].end
        actions = {c.value for _, c in found.cues if c.kind is CueKind.ACTION}
        # "nhắc phòng tư pháp báo cáo tiến độ nv II.1.e": whom to remind stays.
        to_the_task = bool(actions & _DONE_TO_A_TASK) and Action.REMIND.value not in actions
        ref = found.tasks[0].refs[0]
        kept = [
            m
            for m in found.names
            if not to_the_task
            and not (
                m.start >= end
                and (_only_sections(m) or self.tasks.holds(ref, found.words[m.start : m.end]))
                # "II.3 ..., nhắc sở tài chính giúp e": whom to remind, said right after the
                # request, whatever the title holds
                and found.takers[m.start - 1 : m.start] != [CueKind.ACTION.value]
            )
        ]
        if len(kept) < len(found.names) or (to_the_task and found.kind_choices):
            found.names = kept
            found.kind_choices = ()
            found.why.append("the task's own words")

    def _named_asking_clause(self, found: _Found) -> int | None:
        """The clause that asks, where it names the body asked about."""
        asking = self._asking_clause(found)
        if asking is not None and any(found.clauses[m.start] == asking for m in found.names):
            return asking
        return None

    def _report_asked_first(self, found: _Found) -> None:
        """ "làm báo cáo quý 3 giúp mình ...", "lập giúp chị báo cáo ...": a report a clause
        opens by asking to make ("sắp phải nộp bc rồi, làm giúp mình báo cáo tổng hợp ...")
        is asked for in so many words, whatever follows; not one asked about ("làm báo cáo
        quý 3 xong chưa")."""
        words, typed = found.words, found.marks
        first = next(
            (k for k, w in enumerate(words) if w in _MAKE and agree(typed[k], _MAKE[w])), None
        )
        opened = first is not None and (not found.clauses or found.clauses[first] == 0)
        if first is None or any(
            not self.lexicon.filler(w, m)
            and found.takers[k] != CueKind.OFF_TOPIC.value
            and (opened or found.clauses[k] == found.clauses[first])
            for k, (w, m) in enumerate(zip(words[:first], typed[:first], strict=True))
        ):
            return
        clause = found.clauses[first] if found.clauses else 0
        if any(
            c.kind in (CueKind.STATUS, CueKind.FIELD) and clause in _cue_clauses(found, c.kind)
            for _, c in found.cues
        ):
            return
        start = next(
            (
                k
                for k in range(first + 1, len(words))
                if not self.lexicon.filler(words[k], typed[k])
            ),
            len(words),
        )
        for n, (said, cue) in enumerate(found.cues):
            at = set(_said_at(found, said, {"ask", "report"}))
            if cue.kind is CueKind.ASK and cue.value == Ask.REPORT.value and {first, start} & at:
                found.cues[n] = (said, replace(cue, weight=max(cue.weight, ASKED_FOR)))

    def _drop_own_of_a_remark(self, found: _Found) -> None:
        """ "bên tài chính còn những việc nào chưa xong, bên em đang chờ họ để phối hợp": the
        asker's own unit, said in a remark after a clause that asks of another body, is no
        subject of the question."""
        if not found.clauses[-1] or not any(c.kind is CueKind.OWN for _, c in found.cues):
            return
        # "phòng em chủ trì", "mình phối hợp": the asker's own said with a role (or what she
        # does on a task), its words taken as the role's.
        owned = {said for said, c in found.cues if c.kind is CueKind.OWN}
        own = {c for said in owned for c in _clauses_saying(found, said, _CUE_TAKERS)}
        kinds = (CueKind.ASK, CueKind.FIELD, CueKind.STATUS, CueKind.ACTION)
        asked = {
            clause
            for said, c in found.cues
            if c.kind in kinds and said not in owned
            for clause in _clauses_saying(found, said, (c.kind.value,))
        }
        if len(asked) != 1:
            return
        (asking,) = asked
        # ... nor beside a clause that asks of the whole plan: "xã em đang làm báo cáo 9
        # tháng ạ. Cho em xin tóm tắt tiến độ chung của cả chỉ thị".
        whole = any(
            found.clauses[k] == asking for w in _WHOLE_PLAN_SAID for k in _runs_of(found.words, w)
        )
        # ... unless said to narrow it after words that take back ("..., à thôi chỉ các việc
        # của sở mình thôi").
        narrowed = found.correction is not None and any(
            k >= found.correction[1] for said in owned for k in _said_at(found, said, _CUE_TAKERS)
        )
        if whole and own and asking not in own and not narrowed:
            found.cues = [(p, c) for p, c in found.cues if c.kind is not CueKind.OWN]
            found.why.append("the asker's own unit beside the whole plan")
            return
        # ... or after a request to act: "xin chuyển nhiệm vụ sang năm sau, phường em làm ko
        # kịp" (why it is asked).
        acting = asking in _cue_clauses(found, CueKind.ACTION)
        # "nv 2.3 hạn năm nào, bên mình phối hợp mà quên mất": a task named is asked of too.
        starts = [m.start for m in found.names] + [m.start for m in found.tasks]
        if not acting and not any(found.clauses[k] == asking for k in starts):
            return
        if own and min(own) > asking:
            found.cues = [(p, c) for p, c in found.cues if p not in owned]
            found.why.append("the asker's own unit in a remark")

    def _of_the_plan(self, year: int) -> bool:
        """Whether ``year`` is one the plan runs over (or the plan says none)."""
        years = self.vocabulary.years
        return years is None or years[0] <= year <= years[1]

    def _drop_own_of_the_plans_body(self, found: _Found) -> None:
        """ "phường mình có bn việc quá hạn", of a ward's plan asked by one of the ward's
        offices: the body whose plan it is, said as the asker's own, is the whole plan."""
        body = [
            (p, c)
            for p, c in found.cues
            if c.kind is CueKind.OWN
            and p[-1] in _MINE
            and _BODIES_SHORT.get(body := " ".join(p[:-1]), body) in self._plan_body
        ]
        if body:
            found.cues = [e for e in found.cues if e not in body]
            found.why.append("the plan's own body")

    def _take_plan_title(self, found: _Found) -> None:
        """ "tình hình thực hiện kế hoạch kiểm soát TTHC": the plan named by words of its own
        title after the kind of document it is ("kế hoạch", "chỉ thị", "bảng phân công",
        "danh mục") is the whole plan, not a task whose title holds them too; unless a task's
        title says them so ("Xây dựng Kế hoạch CCHC năm 2027")."""
        if not self._plan_title:
            return
        words = found.words
        for k in range(len(words)):
            if words[k] not in _DOCUMENT_STARTS:
                continue
            head = next((d for d in _DOCUMENTS if tuple(words[k : k + len(d)]) == d), None)
            if head is None:
                continue
            end = k + len(head)
            if (
                head == ("chi", "thi")
                and end < len(words)
                and words[end].isdigit()
                and not YEAR.fullmatch(words[end])
                and not self.tasks.titles_with(words[k : end + 1], 1)
            ):
                # "tiến độ chung chỉ thị 12": the directive by its number; "chỉ thị 05 về kỷ
                # luật, kỷ cương CCHC": and what it is about, in its title's words.
                stop = end + 1
                if words[stop : stop + 1] == ["ve"]:
                    j = stop + 1
                    while j < len(words) and not found.taken[j] and words[j] in self._plan_title:
                        j += 1
                    stop = j if j > stop + 1 else stop
                found.take(k, stop, "the plan's own number", "plan")
                # ... "chỉ thị 12 của UBND tỉnh": and the body that issued it, given none of
                # its tasks ("... của sở nội vụ": that body's part).
                owner = next((m for m in found.names if m.start == stop + 1), None)
                if (
                    words[stop : stop + 1] == ["cua"]
                    and owner is not None
                    and not self._given_to_named(owner)
                ):
                    found.names.remove(owner)
                    found.take(stop, owner.end, "the plan's issuer", "plan")
                continue
            if words[end : end + 1] == ["nay"] and not found.taken[end]:
                # "trong chỉ thị này", "kế hoạch này": the plan asked about, no title's words.
                found.take(k, end + 1, "the plan itself", "plan")
                continue
            if end < len(words) and words[end] in self._plan_initials:
                # "kh kstthc": the plan by its title's initials, no agency of that name.
                found.names = [m for m in found.names if not m.start <= end < m.end]
                found.take(k, end + 1, "the plan's own title", "plan")
                continue
            # "tiến độ chung của kế hoạch nâng chỉ số cchc": what follows names the whole plan.
            overall = words[max(0, k - 2) : k] == ["chung", "cua"] or words[k - 1 : k] == ["chung"]
            while (
                end < len(words)
                and not found.taken[end]
                and (words[end] in self._plan_title or overall)
                and (not found.clauses or found.clauses[end] == found.clauses[k])
            ):
                end += 1
            owner = next((m for m in found.names if m.start == end + 1), None)
            if (
                words[end : end + 1] == ["cua"]
                and end + 1 < len(words)
                and words[end + 1] in self._plan_body
                and not found.taken[end + 1]
                and words[end + 2 : end + 3] not in (["minh"], ["em"])
            ):
                end += 2  # "kế hoạch cchc của phường": the body whose plan it is, by its kind
            elif words[end : end + 1] == ["cua"] and owner and self._plan_owner(words, owner):
                # "kế hoạch cchc của tp Quảng Ngãi": the plan's own body, who issued it
                found.names.remove(owner)
                end = owner.end
            run = words[k + len(head) : end]
            # "việc ban hành kế hoạch cchc 2026": a task's title says the words before too.
            made = k > 0 and bool(self.tasks.titles_with(words[k - 1 : k + len(head) + 1], 1))
            # ... or after ("KH CCHC 2026 của Bộ ban hành từ tháng 1 rồi"): a task made it.
            made = made or bool(self.tasks.titles_with([*words[end : end + 2], *head], 1))
            if made and not overall:
                continue
            if len(run) >= 2 and (overall or not self.tasks.titles_with(words[k:end], 1)):
                found.take(k, end, "the plan's own title", "plan")

    def _plan_owner(self, words: Sequence[str], mention: Mention) -> bool:
        """Whether a name is the body the plan's title is of ("tp Quảng Ngãi" of "Cải cách
        hành chính thành phố Quảng Ngãi năm 2024")."""
        typed = words[mention.start : mention.end]
        said = [p for w in typed for p in _BODIES_SHORT.get(w, w).split()]
        return len(said) >= 2 and set(said) <= self._plan_title

    @staticmethod
    def _drop_purpose(found: _Found) -> None:
        """ "liệt kê các nhiệm vụ sắp đến hạn để chị nhắc các đơn vị": what the asker will do
        with the answer ("để ...", "em muốn chuẩn bị ...", "..., em cần số liệu để báo cáo",
        "..., chiều nay mình gọi đôn đốc"), or heard ("nghe nói ..."), is no request to the
        bot. A request said before it stays the question ("nhắc stp để
        họ nộp báo cáo"), unless something is asked after it ("việc nâng cấp chức năng nhắc
        hạn ... thực hiện đến đâu, để em đưa vào báo cáo": the request's word is a title's)."""
        words, takers = found.words, found.takers
        typed = [fold(r) for r in found.raw]
        markers = [
            k
            for k, (w, m) in enumerate(zip(words, found.marks, strict=True))
            if (
                w == "de"
                and agree(m, _PURPOSE_MARKS)
                # "để mở" (left open), "dùng để làm gì": a cue's word, no purpose
                and takers[k] not in _CUE_TAKERS
                and not (
                    k
                    and words[k - 1] in _NOT_LETTING
                    and _LET_HAPPEN.intersection(words[k + 1 : k + 2])
                )
                and not (m is None and words[k + 1 : k + 2] and words[k + 1] in _DOCUMENT_AFTER_DE)
                # "nv nào để hạn là theo hướng dẫn": how its deadline is left ("để hạn chế"
                # is a purpose)
                and not (words[k + 1 : k + 2] == ["han"] and words[k + 2 : k + 3] != ["che"])
                and not any(tuple(words[k + 1 : k + 1 + len(e)]) == e for e in _AS_EVIDENCE)
            )
            or tuple(typed[k : k + 2]) in _ASIDES
            # "..., chiều nay mình gọi đôn đốc", "..., a định (tính) gọi điện nhắc": what the asker
            # will do, not a request ("e đính kèm" typed bare is no intent).
            or (
                tuple(words[k + 1 : k + 2]) in _ASKER_WILL
                and _self_at(words, k)
                # "ds việc của sở mình đi": "đi" closing a request, no going; "mình đi phối
                # hợp": a cue's word
                and not (words[k + 1] == "di" and set(words[k + 2 :]) <= _CLOSING_PARTICLES)
                and not found.taken[k + 1]
            )
            or (words[k + 1 : k + 3] in (["dinh", "goi"], ["tinh", "goi"]) and _self_at(words, k))
            # "..., e liệt kê vào bc 9 tháng": what the asker lists the answer into.
            or (words[k + 1 : k + 4] == ["liet", "ke", "vao"] and _self_at(words, k))
            # "..., chị muốn đôn đốc một lượt": what the asker wants to do, after a question;
            # "... em? Anh nhắc mấy đơn vị trước": what one who calls the bot "em" will do.
            or (
                words[k + 1 : k + 2] == ["muon"]
                and _self_at(words, k)
                and takers[k + 2 : k + 3] == [CueKind.ACTION.value]
                # "chị muốn đính kèm ..., gửi file vào đây là được hả, hay phải làm sao?":
                # how to do what the asker wants is the question
                and not any(_holds(words[k + 3 :], how) for how in _HOW_TO)
            )
            or (
                words[k] in ("anh", "chi")
                # "anh nhắc", "anh gom lại nhắc một lượt"
                and CueKind.ACTION.value in takers[k + 1 : k + 4]
                and not {"giup", "bot", "em"} & set(words[k + 1 : k + 4])
                and _called_em_before(found, k)
            )
            # "..., chủ tịch muốn nhắc trực tiếp": what a leader wants to do.
            or _leader_wants(words, k)
            # "..., làm lịch nhắc cho sếp": a schedule the asker makes, in a later clause.
            or (
                w == "lich"
                and tuple(words[k + 1 : k + 2]) in _REMINDING
                and bool(found.clauses)
                and found.clauses[k] > 0
            )
            or (w == "phai" and _reports_to_superiors(words, k + 1))
            # "..., các xã báo xong rồi mà chưa thấy cập nhật": what others said and the
            # asker has not seen, in a clause of its own after the question.
            or _unseen_clause_at(words, found.clauses, k)
            # "..., chiều báo cáo lãnh đạo sở": whom the asker reports to, in a clause after
            # one that asks ("Chào bot. Em đang làm báo cáo tuần gửi lãnh đạo Vụ. Bot gửi em
            # ...": before the question, it is the context).
            or (
                _reports_to_superiors(words, k)
                and bool(found.clauses)
                and any(
                    t in _ASKS_FOR_AN_ANSWER and c < found.clauses[k]
                    for t, c in zip(takers, found.clauses, strict=True)
                )
            )
            # "xuất excel ds nhiệm vụ giúp e, phòng KSTTHC cần gửi kèm công văn": who needs
            # the answer, in a later clause.
            or (
                bool(found.clauses)
                and found.clauses[k] > 0
                and any(m.start == k and words[m.end : m.end + 1] == ["can"] for m in found.names)
            )
            or (
                # "tình hình chung đến nay thế nào ạ, em cần số liệu để báo cáo giám đốc",
                # "..., sếp cần số liệu đưa vào bc sơ kết"
                words[k + 1 : k + 2] == ["can"]
                and (_self_at(words, k) or words[k] == "sep")
                and found.takers[k] != CueKind.ASK.value  # "chỉ cần con số thôi": no "chị"
                # "... đơn vị mình? cần ...": the asker's own, a clause before
                and found.takers[k] != CueKind.OWN.value
                and any(
                    x in _ASKING and agree(m, _ASKING[x])
                    for x, m in zip(words[:k], found.marks[:k], strict=False)
                )
            )
        ]
        # A topic said before "thì" is what is asked about, none of the asker's doing
        # ("việc ... tổng hợp tình hình, báo cáo chủ tịch hằng quý thì sản phẩm là gì").
        topic = _topic_end(found)
        markers = [k for k in markers if topic is None or k > topic]
        for marker in markers:
            before = takers[:marker]
            # What the asker has not seen, in a clause after a request, is a remark too
            # ("Nhắc Sở NN&MT việc ... giúp chị, từ lúc nhận kế hoạch chưa thấy họ cập nhật gì").
            if (
                "action" in before
                and words[marker] in _UNSEEN_OPENS
                and _unseen_clause_at(words, found.clauses, marker)
            ):
                break
            if CueKind.OFF_TOPIC.value in before and tuple(typed[marker : marker + 2]) in _SPARED:
                break  # "Cảm ơn nhé, đỡ phải mở file Excel": thanks, and what it spares
            if not set(before) & _ASKS_FOR_AN_ANSWER:
                continue
            if "action" in before:
                last = max(k for k, taker in enumerate(before) if taker == "action")
                if not {"ask", "field"} & set(before[last:]):
                    return
            break
        else:
            return
        # It runs to the end, but for a question asked after it ("Em đang chuẩn bị nội dung
        # để trình lãnh đạo. Nhiệm vụ ... thời hạn là khi nào?"), or a clause that asks the
        # bot for a list ("a đang lên ds ... để trình gđ, e lọc giúp a các nv ...").
        clause = found.clauses[marker] if found.clauses else 0
        listing = {
            found.clauses[k]
            for said, c in found.cues
            if c.kind is CueKind.ASK and c.weight > CLEAR  # "lọc giúp", "liệt kê"
            for k in _said_at(found, said, (CueKind.ASK.value,))
        } | {  # "..., để báo cáo Lãnh đạo Bộ, cho mình xin danh sách ...": a request
            found.clauses[k]
            for k in range(len(words) - 2)
            if words[k] == "cho" and _self_at(words, k + 1) and words[k + 2] in _GRANTED
        }
        end = next(
            (
                k
                for k in range(marker, len(words))
                if found.clauses[k] > clause
                and (
                    max(found.questioned, default=-1) >= found.clauses[k]
                    or found.clauses[k] in listing
                )
            ),
            len(words),
        )
        # Its cues, names and words say nothing of the question ("... để em trình Vụ
        # trưởng": no Vụ asked about).
        found.cues = [
            (said, c)
            for said, c in found.cues
            if _holds(words[:marker], said)
            or _holds(words[end:], said)
            # ... but the office's own occasion is still what the message is about ("mai chị
            # em phòng mình đi ăn sáng phở bò ko")
            or (c.kind is CueKind.OFF_TOPIC and c.weight >= OCCASION)
        ]
        found.names = [m for m in found.names if m.end <= marker or m.start >= end]
        # ... nor its dates ("..., để làm báo cáo 9 tháng": the report's), in a clause of
        # its own from the clause's start ("..., mai e gọi nhắc": when to call).
        own_clause = clause and _self_at(words, marker)
        _drop_dates_after(found, found.clauses.index(clause) if own_clause else marker, end)
        for k in range(marker, end):
            found.taken[k] = True
            found.takers[k] = "purpose"
        found.why.append("what the asker will do")

    @staticmethod
    def _drop_askers_deadline(found: _Found) -> None:
        """ "Sở mình phối hợp những nhiệm vụ nào, liệt kê giúp mình nhé. Chiều nay phải nộp
        rồi.", "Cuối tuần phải báo cáo lãnh đạo Vụ. Việc của vụ mình còn cái nào chưa xong?":
        what the asker must hand in, said in a clause of its own beside the one that asks, is
        no status asked for; nor are that clause's dates."""
        if not found.clauses or not found.clauses[-1]:
            return
        kinds = {CueKind.ASK.value, CueKind.FIELD.value, CueKind.STATUS.value, "report"}
        handed_in = _handed_in(found)
        # ... and what is handed in ("sắp phải nộp báo cáo năm"): no question of its own.
        # ... and what it is ("20/11 phải nộp tự chấm điểm"): the few words after it.
        after = {
            j
            for h in handed_in
            for k in _runs_of(found.words, list(h))
            for j in range(k + len(h), min(k + len(h) + _HANDED_WORDS, len(found.words)))
            if found.clauses[j] == found.clauses[k]
        }
        asking = {
            found.clauses[k]
            for said, c in found.cues
            if said not in handed_in and c.kind.value in kinds
            for k in _said_at(found, said, kinds)
            if k not in after
        }
        handed = {
            said: _clauses_saying(found, said, {CueKind.STATUS.value})
            for said, c in found.cues
            if said in handed_in and c.kind is CueKind.STATUS
        }
        own = {said: clauses for said, clauses in handed.items() if not clauses & asking}
        if not asking or not own:
            return
        mine = set().union(*own.values())
        # ... with what it is ("20/11 phải nộp tự chấm điểm": no "chậm" asked of).
        found.cues = [
            (s, c)
            for s, c in found.cues
            if s not in own
            and not (
                c.kind is CueKind.STATUS
                and all(found.clauses[k] in mine for k in _said_at(found, s, _CUE_TAKERS))
            )
        ]
        found.why.append("what the asker must hand in")
        _keep_periods(found, lambda span: found.clauses[span[0]] not in mine)

    def _drop_context(self, found: _Found) -> None:
        """ "Kính gửi, để chuẩn bị công văn đôn đốc UBND các huyện, đề nghị cho biết những
        nhiệm vụ do UBND cấp huyện chủ trì còn chưa hoàn thành": a clause of context said
        before the question is handed over ("nhờ bot", "đề nghị", "cho em hỏi", "vì ... nên")
        asks nothing. What it names, and its dates, stay only when the question names nothing
        of its own ("bên tư pháp chậm quá, nhờ bot liệt kê các việc quá hạn"; "nhiệm vụ tham
        mưu ban hành quy chế ... đã xong, nhờ bot đánh dấu hoàn thành") or refers back to it
        ("nhờ bot nhắc hai đơn vị này", "gia hạn nhiệm vụ này"); a clause opened by a reason
        or a purpose ("vì ...", "để ...", "phục vụ ...") is context through and through."""
        marker = self._request_at(found)
        if marker is None:
            return
        words, after = found.words, found.words[marker:]
        asked = [(said, c) for said, c in found.cues if _holds(after, said)]
        # "Em đang làm báo cáo 9 tháng, anh cho em xin tình hình thực hiện chung của kế
        # hoạch": how things stand, handed over for the report being written, is that report.
        if (
            words[marker] == "cho"
            and words[marker + 2 : marker + 3] == ["xin"]
            and asked
            and all(
                c.kind in (CueKind.ASK, CueKind.FIELD) and c.value == Ask.PROGRESS.value
                for _, c in asked
            )
            and any(
                c.kind is CueKind.ASK and c.value == Ask.REPORT.value and (said, c) not in asked
                for said, c in found.cues
            )
        ):
            return
        subject = (
            _plan_said(found, marker)
            or any(m.start >= marker for m in found.names)
            or any(t.start >= marker for t in found.tasks)
            or any(c.kind is CueKind.OWN for _, c in asked)
            or any(
                words[k] in _MINE and words[k - 1] in _WHOSE for k in range(marker + 1, len(words))
            )
        )
        referred = [
            k
            for k in range(marker + 1, len(words))
            if words[k] in _THIS
            and agree(found.marks[k], *_THIS[words[k]])
            and words[k - 1] not in _NOW
            and _REFERRED.intersection(words[max(marker, k - 3) : k])
        ]
        back = bool(referred)
        # "nhắc hai đơn vị này", "lĩnh vực này": the names the context said stay.
        named_back = any(_NAME_HEADS.intersection(words[k - 3 : k]) for k in referred)
        # "Đoàn kiểm tra đi được nửa số đơn vị rồi, ...": a share of things heads no task.
        usable = [
            k < marker and not t and not (words[k] == "so" and words[k - 1 : k] in _SHARE_OF)
            for k, t in enumerate(found.taken)
        ]
        headed = self._has_task_head(found, usable)
        if back and not found.tasks and (headed or not named_back):
            # "Nhiệm vụ tuyên truyền CCHC ... chưa gửi số liệu. Nhờ bot nhắc hai đơn vị này".
            self._title_referred_back(found, marker, named_back)
        dated = any(start >= marker for start, _ in found.period_spans) or any(
            k >= marker for k in found.duration_starts
        )
        opened = _opened_by_a_reason(found)
        filtered = subject or dated or any(c.kind in _FILTERS for _, c in asked)
        # "Sếp nhờ em in danh sách các việc quá hạn. Bot xuất giúp em ra file Excel": a bare
        # request takes the tasks the context lists, as it lists them.
        listed = not (opened or filtered) and any(
            c.kind is CueKind.ASK and c.value in _LISTS and (said, c) not in asked
            for said, c in found.cues
        )
        dropped = _WHAT_TO_DO if listed else frozenset(CueKind)
        # "Sếp hỏi tình hình thực hiện các nv của sở mình, bot tóm tắt giúp e với": a bare
        # summary asked for is of how the context says things stand, whose they are.
        summed = (
            not (opened or filtered)
            and bool(asked)
            and all(c.kind is CueKind.ASK and c.value == Ask.REPORT.value for _, c in asked)
            and any(
                c.kind is CueKind.ASK and c.value == Ask.PROGRESS.value and (said, c) not in asked
                for said, c in found.cues
            )
        )
        if summed:
            dropped = frozenset(CueKind) - {CueKind.ASK, CueKind.FIELD, CueKind.OWN}
            asked = []
        found.cues = [
            (said, c) for said, c in found.cues if (said, c) in asked or c.kind not in dropped
        ]
        for k in range(marker):
            if found.takers[k] in {*dropped, "report"}:
                found.takers[k] = "context"
        if filtered or opened or back:
            # "Tuần sau bắt đầu đợt kiểm tra ... Em cần nắm nhiệm vụ II.7.b đến đâu".
            _drop_dates_before(found, marker)
        # The context's names stay where the question refers back to them, or to a task
        # beside a subject of its own, or where it names nothing of its own (but for a
        # sentence of its own before the one that asks: "Vụ đang tổng hợp số liệu gửi Bộ
        # Nội vụ. 9 tháng đầu năm có bao nhiêu nhiệm vụ ...?").
        # ... and refers back to none of them ("What are they supposed to do?": "họ").
        they = any(
            words[k] == "ho" and agree(found.marks[k], _THEY) and words[k + 1 : k + 2] != ["so"]
            for k in range(marker, len(words))
        )
        # ... or the request's own ("Hôm qua Sở Nội vụ gọi điện nhắc gửi báo cáo quý. Chị cho
        # em hỏi quý vừa rồi những việc nào ...").
        # ... but for a request to act on what the context named ("... nhắc trước Thanh tra
        # Bộ gửi số liệu. Bot nhắc giúp em được không ạ?").
        apart = any(0 < k <= marker for k in found.sentence_starts) and not any(
            c.kind is CueKind.ACTION for _, c in asked
        )
        alone = (found.context_sentence or apart) and not they
        kept_names = named_back or they or (back and subject) or not (subject or opened or alone)
        # ... but not a body said as whose meeting it is ("Chiều nay phòng CCHC giao ban").
        in_context = [
            m
            for m in found.names
            if m.start < marker
            and (
                not kept_names
                or (
                    not named_back
                    and (
                        _meets_at(words, m.end)
                        or words[m.end : m.end + 2] == _BRIEFING
                        or _urges_others(found, m)
                    )
                )
            )
        ]
        for m in in_context:
            found.takers[m.start : m.end] = ["context"] * (m.end - m.start)
        found.names = [m for m in found.names if m not in in_context]
        if (filtered or opened) and not back and (subject or opened or not headed):
            # "Kính gửi, Sở đang tổng hợp báo cáo ..., đề nghị bot lập báo cáo 6 tháng": no
            # "sở" to ask which of, and no task's title.
            for k in range(marker):
                if not found.taken[k]:
                    found.taken[k] = True
                    found.takers[k] = "context"
        found.why.append("context before the question")

    def _title_referred_back(self, found: _Found, marker: int, named: bool) -> None:
        """ "Sở Tư pháp xin lùi thời hạn biên soạn Sổ tay nghiệp vụ ... vì chưa kịp lấy ý
        kiến, nhờ bot gia hạn nhiệm vụ này": the task the context names by its title's
        words. Of each run of words no cue took (a task's head starts one), the start that
        fits a title best."""
        # "báo cáo quý bốn gửi sở nội vụ xin lùi ...": the window a report is of names it.
        rounds = {
            k
            for a, b in found.period_spans
            if any(found.words[max(0, a - len(r)) : a] == r for r in _REPORT_WORDS)
            for k in range(a, b)
        }
        usable = [
            k < marker and (not t or k_ in ("name", "report") or k in rounds)
            for k, (t, k_) in enumerate(zip(found.taken, found.takers, strict=True))
        ]
        heads = {
            k + len(head)
            for head in self.lexicon.task_heads
            for k in range(marker)
            if tuple(found.words[k : k + len(head)]) == head
        }
        runs: list[tuple[int, int]] = []
        for k, ok in enumerate(usable):
            if ok and (not runs or runs[-1][1] != k or k in heads):
                runs.append((k, k + 1))
            elif ok:
                runs[-1] = (runs[-1][0], k + 1)
        best: tuple[float, int, TaskRef] | None = None
        used = range(0)
        for start, end in runs:
            # A title as people remember it is short: the first words of a run, the likeliest
            # tasks for them found once.
            end = min(end, start + _TITLE_WORDS_AT_MOST)
            within = self.tasks.likeliest(
                found.words[start:end], found.marks[start:end], _LIKELIEST_REFERRED
            )
            # A title's words end at the run's end or before a small word ("... vì chưa kịp").
            stops = [
                k
                for k in range(end, start + 2, -1)
                if k == end or self.lexicon.filler(found.words[k], found.marks[k])
            ]
            for stop in stops:
                said = [
                    w
                    for w, m in zip(found.words[start:stop], found.marks[start:stop], strict=True)
                    if not self.lexicon.filler(w, m) and not w.isdigit()
                ]
                if len(said) < 2:
                    break  # "cho 1 nv": no title's words
                # ... the report's window by its word alone ("quý", not its number).
                kept = [
                    k
                    for k in range(start, stop)
                    if k not in rounds or found.words[k] in _ROUND_UNITS
                ]
                titled = self.tasks.find_titled(
                    [found.words[k] for k in kept], [found.marks[k] for k in kept], within=within
                )
                if titled and titled[0][1] >= TITLE_COVER:
                    if len(titled) > 1 and titled[1][1] >= TITLE_CLOSE * titled[0][1]:
                        break  # words several titles share
                    if best is None or (titled[0][1], stop - start) > best[:2]:
                        best = (titled[0][1], stop - start, titled[0][0])
                        used = range(start, stop)
                    break
        if best is not None:
            # ... and the window said with it is the report's, no window of the question.
            windows = [
                (p, span)
                for p, span in zip(found.periods, found.period_spans, strict=True)
                if not (span[0] in rounds and span[0] in used)
            ]
            found.periods = [p for p, _ in windows]
            found.period_spans = [span for _, span in windows]
            # ... the row of it the words name, where one is named.
            row = self.tasks.row_named(best[2], found.words[:marker], found.marks[:marker])
            found.titled = [(row, best[0])]
            if not named:
                found.names = [m for m in found.names if m.start >= marker]
            found.why.append(f"title referred back {best[2].label}:{best[0]}")

    @staticmethod
    def _asks_on_its_own(found: _Found, start: int) -> bool:
        """Whether the sentence from ``start`` says what it asks of (a name, a window, a
        status, a task, the asker's own) and the ones before it are no small talk."""
        words = found.words
        before = [c for said, c in found.cues if _holds(words[:start], said)]
        if any(c.kind is CueKind.OFF_TOPIC and c.weight > CLEAR for c in before) and not any(
            m.start >= start for m in found.names
        ):
            return False  # "happy trung thu in advance! is the office doing anything ..."
        # ... but a greeting, and who the asker is ("Dạ em chào bot, em mới được giao theo dõi
        # mảng CCHC ở Sở Tư pháp."), is context.
        after = [c for said, c in found.cues if _holds(words[start:], said)]
        if any(c.kind is CueKind.ACTION for c in after):
            return False  # a request, which the sentences before may name the task of
        return _says_what_it_asks(found, start) and not _BACK_TO_A_TIME.intersection(words[start:])

    def _request_at(self, found: _Found) -> int | None:
        """Where the question is handed to the bot after a clause of context: the last such
        place with a request after it and nothing asked before it."""
        words, typed = found.words, found.marks
        places = []
        for k in range(3, len(words)):
            for said, written in _REQUESTS_BY_FIRST.get(words[k], ()):
                n = len(said)
                if (
                    tuple(words[k : k + n]) == said
                    and all(agree(t, w) for t, w in zip(typed[k : k + n], written, strict=False))
                    # "theo đề nghị của sở": as someone asked, no request to the bot
                    and not (words[k - 1] == "theo" or words[k + n : k + n + 1] == ["cua"])
                ):
                    places.append(k)
            if (
                words[k] == "bot"
                and k + 1 < len(words)
                and (
                    not self.lexicon.filler(words[k + 1], typed[k + 1])
                    or words[k + 1] in _SHOWN  # "..., bot xem giúp những việc nào ..."
                )
            ):
                places.append(k)  # "..., bot liệt kê giúp em"
            if (
                words[k] == "nen"
                and agree(typed[k], _THEREFORE)
                and any(w in _BECAUSE for w in words[:4])
            ):
                places.append(k)
        last = _last_sentence(found)
        if (
            not places
            and last >= 3
            and found.clauses[last] <= min(found.questioned, default=-1)
            and self._asks_on_its_own(found, last)
        ):
            # "Sở Nội vụ vừa có công văn đôn đốc số liệu quý I. Quý vừa rồi những việc nào đã
            # hoàn thành?": a sentence of context, then the one that asks, and only it.
            places.append(last)
            found.context_sentence = True
        reported = _reported_questions(found)
        for k in sorted(places, reverse=True):
            # A question someone else asked asks nothing of the bot where the request says
            # what it asks of (not "..., bot liệt kê giúp em để em gửi lại chị ấy").
            skipped = reported if _says_what_it_asks(found, k) else set()
            before = [
                (w, m)
                for j, (w, m) in enumerate(zip(words[:k], typed[:k], strict=True))
                if j not in skipped
            ]
            if any(w in _ASKING and agree(m, _ASKING[w]) for w, m in before):
                continue
            if _holds([w for w, _ in before], ("bao", "nhieu")):
                continue  # "6 tháng đầu năm có bn việc ..., em cần số liệu ..."
            if any(c < found.clauses[k] for c in found.questioned):
                continue  # "... bao nhiêu việc quá hạn? em cần số liệu đưa vào báo cáo"
            if words[k] in ("em", "e") and any(
                c.kind is CueKind.STATUS and _holds(words[:k], said) for said, c in found.cues
            ):
                continue  # "Việc ... mà vẫn chưa xong, em liệt kê giúp chị": what is listed
            if any(
                c.kind in _NEEDS_AN_ANSWER and _holds(words[k:], said) for said, c in found.cues
            ) or any(t.start >= k for t in found.tasks):
                if any(t.start < k for t in found.tasks) and not any(
                    t.start >= k for t in found.tasks
                ):
                    continue  # "nhiệm vụ số 2 cần gia hạn 1 tháng, bot cập nhật giúp em"
                return k
        return None

    def _find_cues(
        self, found: _Found, kinds: frozenset[CueKind] | None = None, min_words: int = 1
    ) -> None:
        """The lexicon's phrases (of ``kinds``), longest first, typed with agreeing marks."""
        words = found.free()
        # What each run of words says; None: a condition ("làm xong thì").
        hits: list[tuple[int, int, Phrase, list[Cue] | None]] = []
        for i, word in enumerate(words):
            for said, cues in self._cues.get(word, ()):
                n = len(said)
                if n < min_words or tuple(words[i : i + n]) != said:
                    continue
                if n == 1 and self._in_plan_word(words, i):
                    continue  # "chỉ thị": no "chi" (gì)
                if said == ("xuat",) and words[i - 1 : i] and words[i - 1] in _XUAT_OF:
                    continue  # "kiểm tra đột xuất", "đề xuất": no export
                if said == ("thuc",) and words[i + 1 : i + 2] and words[i + 1] in _THUC_OF:
                    continue  # "thuc hien" typed bare: "thực hiện", no "thúc" (urge)
                if said == ("thuc",) and words[i - 1 : i] == ["ket"]:
                    continue  # "Quý I sắp kết thúc": ends, no "thúc" (urge)
                if (
                    said[0] == "han"
                    and n > 1
                    and words[i - 1 : i] == ["gia"]
                    and words[i - 2 : i - 1] != ["quoc"]
                ):
                    continue  # "gia hạn báo cáo quý 4": more time, no "hạn báo cáo" asked
                    # (but "CSDL quốc gia hạn khi nào" asks when)
                if (
                    said == _INFO
                    and i >= 2
                    and all(words[i - 2 : i])
                    and self.tasks.titles_with(words[i - 2 : i + n], 1)
                ):
                    continue  # "báo cáo an toàn thông tin": a title's words, no card asked
                if said == ("danh", "sach") and words[i - 1 : i] == ["trong"]:
                    continue  # "trong ds có mấy nv ...": in the list, no list asked for
                if _HOLIDAYS.intersection(said) and _ends_a_window(words, i):
                    # "trước kỳ nghỉ Tết dương lịch", "trước lễ 30/4", "trước Giáng sinh": a
                    # window's end, no small talk
                    continue
                if (
                    said[0] == "hop"
                    and found.marks[i] is None
                    and words[i - 1 : i]
                    and words[i - 1] in _JOINED_BEFORE_HOP
                ):
                    continue  # "tong hop so ket" typed bare: "tổng hợp", no meeting
                if said == ("chi",) and found.marks[i] is None and _opens_clause(found, i):
                    continue  # "..., chi moi nhan ...": "chị" opening a clause, no "gì"
                if found.clauses and found.clauses[i] != found.clauses[i + n - 1]:
                    continue  # "..., với chủ tịch phường, em tóm tắt ...": no "phường em"
                then = _then_after(words, i + n)
                if "muon" in words[max(0, i - 5) : i]:
                    then = 0  # "muốn báo một nhiệm vụ đã xong thì làm sao": what is wanted
                if then and all(c.value == Status.DONE for c in cues) and kinds is None:
                    hits.append((i, i + n + then, said, None))
                    continue  # "tập huấn xong thì phải nộp gì": a condition, no task done
                if _person_at(found, i - 1) and any(c.kind in _OF_A_ROLE for c in cues):
                    _take_what_a_person_does(found, i)
                    continue  # "Anh Hùng phụ trách CCHC ...": who the person is
                # "xay dung sao r": "xây dựng" of a title, no "dùng sao" (help).
                glued = (
                    n > 1
                    and i > 0
                    and found.marks[i] is None
                    and any(c.kind in _SMALL_TALK for c in cues)
                    and self.tasks.pair_in_title(words[i - 1], words[i])
                )
                typed = found.marks[i : i + n]
                meant = [
                    c
                    for c in cues
                    if (kinds is None or c.kind in kinds)
                    and not (glued and c.kind in _SMALL_TALK)
                    and all(
                        agree(t, w, c.strict, shapeless=n > 1)
                        # "phối hợp tổng kết": no "họp tổng kết" of small talk
                        and not (c.kind in _SMALL_TALK and adds_shape(t, w))
                        for t, w in zip(typed, c.marks, strict=False)
                    )
                    # "việc hướng dẫn, ai chủ trì?": a task's words after its head, no help
                    and not (c.kind is CueKind.HELP and i and words[i - 1] in _NUMBER_HEADS)
                    # "mấy xã phường còn những việc nào": "the communes", no count
                    and not (said == ("may",) and found.takers[i + 1 : i + 2] == ["name"])
                    # ... nor "Mấy xã gọi lên hỏi, ...": some communes, who called
                    and not (
                        said == ("may",)
                        and found.words[i + 1 : i + 2] in _FEW_OF
                        and found.words[i + 2 : i + 3] in _CALLED
                    )
                    # ... nor "lấy giúp e mấy công văn": papers, no tasks
                    and not (said == ("may",) and words[i + 1 : i + 3] in _PAPERS)
                    # "hạn ngày mấy em": the day asked for, no "mấy em" of small talk
                    and not (
                        c.kind is CueKind.OFF_TOPIC
                        and said[0] == "may"
                        and words[i - 1 : i] in (["ngay"], ["thang"], ["gio"])
                    )
                    # "... xếp loại co quan toi dau r": "tới đâu", no "cơ quan tôi"
                    and not (
                        n > 1
                        and said[-1] == "toi"
                        and typed[-1] is None
                        and words[i + n : i + n + 1] == ["dau"]
                    )
                ]
                # "nhắc ... trình kế hoạch trước khi nghỉ Tết": a time, no small talk.
                if (
                    meant
                    and tuple(words[i - 2 : i]) == _BEFORE_IT
                    and all(c.kind is CueKind.OFF_TOPIC for c in meant)
                ):
                    meant = []
                    hits.append((i - 2, i + n, said, meant))
                if meant:
                    hits.append((i, i + n, said, meant))
        for start, end, said, means in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if any(found.taken[start:end]):
                continue
            if means is None:
                found.take(start, end, "a condition", "context")
                continue
            if not means:
                found.take(start, end, "a time: " + " ".join(words[start:end]), "when")
                continue
            taker = means[0].kind.value
            if any(c.kind is CueKind.ASK and c.value in (Ask.REPORT, Ask.DIGEST) for c in means):
                taker = "report"  # "tổng kết", "báo cáo", "bản tin": also words of task titles
            found.take(start, end, "cue " + " ".join(said), taker)
            found.cues.extend((said, cue) for cue in means)

    def _in_plan_word(self, words: Sequence[str], i: int) -> bool:
        """Whether word ``i`` is half of a two-word name of the plan ("chỉ thị")."""
        pairs = (tuple(words[a : a + 2]) for a in (i - 1, i) if a >= 0)
        return any(len(p) == 2 and p in self.lexicon.plan_words for p in pairs)

    def _find_loose_names(self, found: _Found) -> None:
        """Names typed with typos, in runs of words no step has explained."""
        i = 0
        words = found.words
        while i < len(words):
            if found.taken[i] or words[i] not in self.names.fuzzy_starts:
                i += 1
                continue
            j = i
            while j < min(len(words), i + LOOSE_WORDS) and not found.taken[j]:
                j += 1
            for end in range(j, i + 1, -1):
                mention = self.names.find_loosely(words, i, end)
                if mention is not None:
                    found.names.append(mention)
                    found.names.sort(key=lambda m: m.start)
                    found.take(i, end, "name~ " + " ".join(words[i:end]), "name")
                    i = end
                    break
            else:
                i += 1

    def _find_kind_words(self, found: _Found) -> None:
        """ "sở" alone asks which one; so do "phòng" (of a city's plan) and "ubnd"; not in
        a question of what the bot can do ("em mới nhận đầu mối của sở, bot hỏi được gì"),
        nor in a message about the office's own occasion ("quà 8/3 công đoàn sở tặng")."""
        if found.names or any(
            (c.kind is CueKind.HELP and c.weight >= CLEAR)
            or (c.kind is CueKind.OFF_TOPIC and c.weight >= OCCASION)
            for _, c in found.cues
        ):
            return
        for i, word in enumerate(found.words):
            if found.taken[i] or word not in self._kinds or not self._kinds[word]:
                continue
            if found.clauses and found.clauses[i] in found.beside:
                continue  # "..., c điền số vào bc tổng kết": the report's, typed bare
            raw = found.raw[i].lower()
            if raw not in self.lexicon.agency_kinds[word] or _next_is_number(found.words, i):
                continue  # "số", "sổ": not "sở"
            if i > 0 and (found.words[i - 1] == "tram" or found.words[i - 1].isdigit()):
                continue  # "tối thiểu 40% số xã": the share of communes
            if i > 0 and found.raw[i - 1].lower() in _COMPOUNDS.get(word, ()):
                continue  # "nhiệm vụ còn mấy": not "vụ"
            after = found.words[i + 1 : i + 2]
            if raw == fold(raw) and after and after[0] in _COMPOUNDS_AFTER.get(word, ()):
                continue  # "can so lieu cho bc so ket": "số liệu", "sơ kết"
            if raw == fold(raw) and self._title_pair(found, i):
                continue  # "so hoa", "ho so" typed bare: "số hóa", "hồ sơ" of a title
            if raw == fold(raw) and _fear_typed_bare(found.words, i):
                continue  # "so cuoi nam ko kip": "sợ", what the asker fears
            if found.words[i + 1 : i + 2] == ["ai"]:
                continue  # "phòng ai còn quạt dư": someone's room
            if (
                word == "vu"
                and i + 2 < len(found.words)
                and not any(found.taken[i + 1 : i + 3])
                and self.tasks.pair_in_title(found.words[i + 1], found.words[i + 2])
            ):
                continue  # "Vụ rà soát sửa luật quá hạn mấy hôm rồi": the matter, a title's
            if found.words[i + 1 : i + 2] == ["khac"]:
                continue  # "nv nào của sở khác": others', none in particular
            if (i + 1 < len(found.words) and found.words[i + 1] in _WHICH) or (
                i > 0 and found.words[i - 1] in _EACH
            ):
                continue  # "sở nào quá hạn nhiều nhất", "từng sở": all of them, ranked
            if any(
                w == word and found.words[j + 1 : j + 2] and found.words[j + 1] in _MINE
                for j, w in enumerate(found.words)
            ):
                # "sở mình chủ trì": the asker's own, whichever "mình" cue took; so is the
                # kind said bare beside it ("theo dõi CCHC của Cục ..., Cục mình phải làm gì").
                continue
            if (
                _said_of_ones_own(found, i + 1)
                or found.words[max(0, i - 2) : i] == _BRIEFING
                or found.words[i - 1 : i] == ["hop"]
            ):
                continue  # "Vụ giao ban", "giao ban sở", "mai họp vụ": the asker's own
            if i > 0 and (found.words[i - 1] in _HEAD_OF or _led(found.words, i) is not None):
                continue  # "Trưởng phòng muốn biết", "gửi lãnh đạo vụ": a person
            if _handed_to(found.words, i, self._kinds):
                continue  # "..., chiều nộp UBND", "gửi các Vụ, Cục": whom it goes to
            if (i > 0 and found.words[i - 1] in _GOES_TO) or tuple(
                found.words[max(0, i - 2) : i]
            ) in _VISITED:
                continue  # "mưa to quá, ngại ra sở", "chạy qua sở": where the asker goes
            if _place(found, i):
                continue  # "sân gần ubnd": a place near it
            if i > 0 and found.words[i - 1] == "ca" and agree(found.marks[i - 1], marks("cả")):
                continue  # "cả phòng đặt cơm": the asker's colleagues, all of them
            if _holds(found.words[max(0, i - 3) : i], ("moi", "nguoi")):
                continue  # "chúc mừng năm mới mọi người ở sở": so are they
            if _writing_a_report(found.words, i + 1):
                continue  # "Vụ đang dựng dự thảo báo cáo năm": the asker's own, writing it
            if found.words[max(0, i - 2) : i] == ["van", "phong"]:
                continue  # "chiều c trình chánh văn phòng sở": the department's own office
            if found.words[i - 1 : i] == ["cho"] and any(
                c.kind in (CueKind.OWN, CueKind.OFF_TOPIC) for _, c in found.cues
            ):
                # "bên mình ..., c đang lên kế hoạch quý 2 cho sở", "ai đặt cơm cho phòng":
                # the asker's own
                continue
            found.kind_choices = self._kinds[word][:MAX_CHOICES]
            found.take(i, i + 1, f"kind {word}", "kind")
            return

    def _only_asks(self, found: _Found, clause: int) -> bool:
        """Whether ``clause`` says nothing but what it asks: every word a cue's or a filler."""
        return all(
            t or self.lexicon.filler(w, m)
            for w, m, t, c in zip(found.words, found.marks, found.taken, found.clauses, strict=True)
            if c == clause
        )

    def _named_after(self, found: _Found, clause: int) -> bool:
        """Whether ``clause`` says nothing but what it asks, before a last clause that opens
        with a task's head and takes no cue ("cái đó tiến độ tới đâu rồi, việc kết nối VNeID
        á")."""
        if clause + 1 != max(found.clauses) or not self._only_asks(found, clause):
            return False
        first = found.clauses.index(clause + 1)
        return found.words[first] in _TASK_WORDS and not any(found.taken[first:])

    def _named_first(self, found: _Found, clause: int) -> bool:
        """Whether ``clause`` says nothing but what it asks, after a clause that opens with a
        task's head ("việc số hóa, ai chủ trì?")."""
        if not self._only_asks(found, clause):
            return False
        if _this_task_in(found, clause):
            return True  # "QĐ 1257 có giao rà soát đất đai, việc này ai phối hợp"
        first = found.clauses.index(clause - 1)
        if _worry_at(found, first):
            # "lo cái kết nối dữ liệu ... không kịp, giờ tới đâu rồi": the task worried about
            return found.words[first + 1 : first + 2] in _ONE_TASK_HEADS
        if found.words[first] in _TASK_WORDS and found.words[first] != "cai":
            return True
        # "kiểm tra, tiến độ thế nào?": a bare phrase opening the question, no one's name.
        named = [t for t, c in zip(found.taken, found.clauses, strict=True) if c == clause - 1]
        return (
            first == 0
            and clause == max(found.clauses)
            and 0 < len(named) <= _NAMED_FIRST_WORDS
            and not any(named)
        )

    def _find_asked_titles(self, found: _Found) -> None:
        """ "rà soát ai chủ trì", "giám sát hạn khi nào": who leads, supports or when, of
        words that name no agency, section or task by number, asks about the tasks whose
        text holds those words; several are offered to choose from."""
        # "Hội nghị đối thoại với DN năm nay do ai chủ trì": the plan's own year, said of
        # the task, is no window of who leads it.
        plans_year = bool(found.periods) and all(
            p.kind is PeriodKind.YEAR and self._of_the_plan(p.start.year) for p in found.periods
        )
        if found.tasks or found.titled or found.kind_choices or (found.periods and not plans_year):
            return
        if any(c.kind is CueKind.HELP and c.weight >= OCCASION for _, c in found.cues):
            return  # "muốn xem tiến độ của 1 sở thì gõ thế nào": how to ask, of no task
        fields = {c.value for _, c in found.cues if c.kind is CueKind.FIELD and c.weight >= CLEAR}
        if plans_year and not fields & {TaskField.LEAD.value, TaskField.SUPPORT.value}:
            return
        # "xong chưa" says a status for many tasks, none for the one a title names.
        of_one = {said for said, c in found.cues if c.kind is CueKind.FIELD}
        kinds = {
            c.kind for said, c in found.cues if c.kind is not CueKind.STATUS or said not in of_one
        }
        # "kiện toàn tới đâu rồi": how the tasks those words are of stand, when few are.
        progress = fields == {TaskField.PROGRESS.value} and not kinds & _OF_MANY
        # "nhắc việc số hóa đẩy nhanh", "gia hạn vụ số hóa thêm 1 tháng": a request of the
        # tasks a task's head names by words their titles hold.
        acting = not fields and any(
            c.kind is CueKind.ACTION and c.weight >= CLEAR for _, c in found.cues
        )
        # "việc báo cáo của snv tới đâu rồi": a task's head before the words says they are
        # a title's.
        head = self._has_task_head(found, [not t for t in found.taken])
        # ... and "việc số hóa sản phẩm là gì" asks what that one task makes (of a body
        # named, "việc cấp xã sản phẩm là gì", the tasks it is given).
        made = head and fields == {TaskField.PRODUCT.value} and not found.names
        if not (fields & _ASKED_OF_A_TASK or progress or acting or made):
            return
        # "bên em chủ trì tới đâu rồi": the asker's tasks; but "vốn đầu tư công bên em chủ trì
        # hạn khi nào" asks when of the one task those words name.
        own = CueKind.OWN in kinds
        if own and (
            not fields & _ASKED_OF_A_TASK or any(_of_many_tasks(p, c) for p, c in found.cues)
        ):
            return
        if acting and (not head or found.names):
            return
        # "báo cáo tổng kết làm tới đâu rồi": the report's words are a few tasks' title.
        by_its_kind = progress and not head and self._report_by_its_kind(found)
        if (
            progress
            and not head
            and any(
                c.kind is CueKind.ASK and c.value in _REPORTS and c.weight >= CLEAR
                for _, c in found.cues
            )
            and not any(_review_years(found.words, k) for k in range(len(found.words)))
            and not self._reported_task(found)
            and not by_its_kind
        ):
            return  # "bản tổng hợp tuần về tình hình thực hiện kế hoạch": the digest's words
        # "hướng dẫn ai chủ trì": words of help or small talk are a title's when a task's
        # field is asked of them.
        talk = {CueKind.HELP.value, CueKind.OFF_TOPIC.value}
        if head or fields & _ASKED_OF_A_TASK:
            # "việc báo cáo hạn khi nào", "cái báo cáo đó hạn khi nào": the title's words.
            talk.add("report")
        if progress and not head:
            talk = set()  # "lãnh đạo sở vừa hỏi ... tình hình thực hiện": context, no title
            if by_its_kind:
                talk.add("report")
            # ... but "hướng dẫn ban hành chưa": the guidance is what is issued, no help.
            if any(
                found.words[k : k + 2] == _GUIDANCE and found.takers[k + 2 : k + 3] == ["field"]
                for k in range(len(found.words))
            ):
                talk = {CueKind.HELP.value}
        # "Tình hình thực hiện kế hoạch tới giờ ra sao, lãnh đạo đang hỏi": the words of the
        # clause that asks, where another says who asked or why; "việc số hóa, ai chủ trì?":
        # of the task named first, where the clause that asks says nothing but what.
        clause = self._asking_clause(found)
        if clause and self._named_first(found, clause):
            clause -= 1
        elif clause is not None and self._named_after(found, clause):
            clause += 1
        # "Chiều nay giao ban, chánh VP hỏi kế hoạch ... tới đâu rồi, tỷ lệ đúng hạn bao nhiêu
        # %, e tóm giúp a": how things stand asked in two clauses, the words of those two.
        clauses: set[int | None] = {clause}
        if clause is None and progress:
            clauses = set(self._asking_clauses(found)) or clauses
        end = _polite_end(found)
        # "kế hoạch cchc năm nay của phường": the body whose plan it is, after its year.
        owner = {
            k
            for _, b in found.plan_years
            if found.words[b : b + 1] == ["cua"]
            and found.words[b + 1 : b + 2]
            and found.words[b + 1] in self._plan_body
            for k in (b, b + 1)
        }
        asked = [
            (w, m)
            for n, (w, m, t, k, c, who) in enumerate(
                zip(
                    found.words,
                    found.marks,
                    found.taken,
                    found.takers,
                    found.clauses,
                    _who_asked(found),
                    strict=True,
                )
            )
            if n < end
            and n not in owner
            and (not t or (k in talk and not who) or k == "quoted")
            and not self.lexicon.filler(w, m)
            and (None in clauses or c in clauses or k == "quoted")
            and not _asker_typed_short(w)  # "... giúp c"
        ]
        if own and len({w for w, _ in asked if w not in self._general}) < 2:
            return  # "các nv sở mình chủ trì hạn khi nào"
        if acting:
            # ... whose titles hold every word said of them, a few; how to ask for one
            # ("muốn gia hạn nhiệm vụ thì làm thế nào") names none.
            pairs = set(zip(found.words, found.words[1:], strict=False))
            if any(c.kind is CueKind.HELP for _, c in found.cues) or pairs & _HOW_A_REQUEST:
                return
            urged = [(w, m) for w, m in asked if w not in _URGING]  # "đẩy nhanh", "gấp"
            held = self._titles_holding(found, urged) if urged else []
            if 0 < len(held) <= MAX_CHOICES:
                found.titled = [(r, 1.0) for r in held]
                found.why.append("held " + ", ".join(r.label for r in held))
            return
        pairs = set(zip(found.words, found.words[1:], strict=False))
        if progress and pairs & _AS_A_WHOLE:
            return  # "tình hình thực hiện kế hoạch kiểm soát TTHC nói chung": the whole plan
        # Every word said counts for naming a row ("Kế hoạch hành động năm 2025 về PCI"), a
        # name's too ("hoạt động khảo sát tại các xã, phường").
        row_words = asked + [
            (w, m)
            for n in found.names
            for w, m in zip(found.words[n.start : n.end], found.marks[n.start : n.end], strict=True)
        ]
        if progress:
            # "kế hoạch công tác pháp chế các sở nộp đủ chưa": of the words, the task's; a
            # year the plan is of is its own ("kế hoạch cchc 2026"), not another ("kế
            # hoạch cchc 2027": next year's, a task's).
            asked = [
                (w, m)
                for w, m in asked
                if w not in self._general
                and w not in _OVERALL
                and not (YEAR.fullmatch(w) and self._of_the_plan(int(w)))
            ]
            said = {w for w, _ in asked}
            whole_plan = any(_runs_of(found.words, w) for w in _WHOLE_PLAN_SAID)
            if (
                not asked
                or ("plan" in found.takers and said <= _DOING)
                or (whole_plan and said <= _DOING | _WHOLE_PLAN_WORDS)
            ):
                # "cải cách hành chính tới đâu rồi", "chỉ thị": the whole plan; "chỉ thị 12
                # thực hiện được bao nhiêu phần trăm", "cả chỉ thị thực hiện đc bao nhiêu %":
                # the plan named, the doing of it.
                return
        named = not asked and not progress and bool(found.names)
        if named and (all(map(_only_sections, found.names)) or head):
            # "việc thủ tục hành chính ai chủ trì", "nv cấp xã hạn bao giờ": a section's or
            # an agency's words, of a task.
            asked = [
                (w, m)
                for n in found.names
                for w, m in zip(
                    found.words[n.start : n.end], found.marks[n.start : n.end], strict=True
                )
                if not self.lexicon.filler(w, m)
            ]
        elif (
            found.names
            and (progress or not asked)
            and not (asked and (self._outside(found) or (head and not self._plural_head(found))))
        ):
            # "sở tư pháp kiện toàn xong chưa": the agency's tasks; but a body the plan gives
            # no task is a title's words ("ban chỉ đạo cchc tỉnh kiện toàn xong chưa").
            return
        # "tuyên truyền cchc trên đài ptth hạn thế nào": a name said with the words is one
        # the titles hold too.
        refs = self._titles_holding(found, asked)
        undone = [(w, m) for w, m in asked if w not in _DOING]
        if (
            not refs
            and progress
            and len(undone) < len(asked)
            and len({w for w, _ in undone if w not in self._general}) >= 2
        ):
            # "Đo lường hài lòng đã triển khai tới đâu": the doing asked of, no title's words.
            refs = self._titles_holding(found, undone)
        if not refs and found.documents:
            # "QĐ 1257/QĐ-UBND ngày 20/7 có giao rà soát đất đai, việc này ai phối hợp": the
            # words of the task, where no title holds the document's.
            cited = {found.words[k] for k in found.documents}
            asked = [(w, m) for w, m in asked if w not in cited]
            refs = self._titles_holding(found, asked)
        if not refs and "report" in talk:
            # "cái báo cáo kết quả rà soát tthc hạn nộp khi nào": the report of the tasks whose
            # titles hold the words after it.
            reported = {w for w, k in zip(found.words, found.takers, strict=True) if k == "report"}
            unreported = [(w, m) for w, m in asked if w not in reported]
            if len({w for w, _ in unreported if w not in self._general}) >= _REPORTED_WORDS:
                refs = self.tasks.holding(unreported, MAX_CHOICES + 1)[:MAX_CHOICES]
        if progress and len(refs) > MAX_CHOICES:
            return
        content = {w for w, _ in asked if w not in self._general}
        words, marks = [w for w, _ in asked], [m for _, m in asked]
        if not refs and not progress and len(asked) >= 2:
            # "tâp huấn nghiệp vụ ks tthc cho cc cấp xã hạn khi nào": no title holds every
            # word, but who or when is asked of one task; the titles the words (and the
            # names among them) fit best.
            spans = [k for m in found.names for k in range(m.start, m.end)]
            titled = self.tasks.find_titled(
                words + [found.words[k] for k in spans],
                marks + [found.marks[k] for k in spans],
                cover=TITLE_ASKED,
            )
            refs = [
                r
                for r, score in titled
                if score >= TITLE_CLOSE * titled[0][1]
                and all(self._in_title(r, found.words, m) for m in found.names)
            ]
        # "ban chỉ đạo cchc tỉnh kiện toàn xong chưa": of titles that hold the words, the one
        # that says nothing else ("Kiện toàn Ban chỉ đạo CCHC tỉnh", not "Kiện toàn Tổ Tư
        # vấn của Ban Chỉ đạo").
        whole = [r for r in refs if self.tasks.title_within(r, set(found.words))]
        refs = whole if len(whole) == 1 else refs
        refs = self._said_as_typed(found, refs)
        # "dự toán ngân sách 2025 xong chưa": of those, the ones whose text says the year.
        years = [w for w in found.words if YEAR.fullmatch(w)]
        dated = [r for r in refs if years and self.tasks.holds(r, years)]
        refs = dated or refs
        refs = self._of_kind_said(found, refs)
        # Of a task with several rows, the row the words name, where one is named.
        refs = [
            self.tasks.row_named(r, [w for w, _ in row_words], [m for _, m in row_words])
            for r in refs[:MAX_CHOICES]
        ]
        # "ai chủ trì việc tập huấn" of a plan with no such task: one task was asked about.
        if not refs and not found.names and len(content) >= (1 if head else 3):
            found.unmatched = True
            found.why.append("no task holds " + " ".join(sorted(content)))
        if refs:
            found.names = []
            found.titled = [(r, 1.0) for r in refs]
            found.why.append("held " + ", ".join(r.label for r in refs))
            if plans_year:
                _keep_periods(found, lambda _: False)

    def _plural_head(self, found: _Found) -> bool:
        """Whether tasks are named many ("các nv được giao", "những việc"): an agency's,
        no title's."""
        return bool(self._plural_head_ends(found))

    def _plural_head_ends(self, found: _Found) -> set[int]:
        """Where each naming of tasks as many ("các nv", "những việc") ends."""
        words = found.words
        return {
            k + 1 + len(h)
            for k in range(len(words))
            if words[k] in ("cac", "nhung")
            for h in self.lexicon.task_heads
            if tuple(words[k + 1 : k + 1 + len(h)]) == h
        }

    def _said_as_typed(self, found: _Found, refs: list[TaskRef]) -> list[TaskRef]:
        """Of tasks that all hold the words, the one whose text names the document the
        question names by its words ("kế hoạch chuyển đổi số ai chủ trì": "Kế hoạch Chuyển
        đổi số" of VII.1, where VII.2 and VII.3 say "chuyển đổi số" and a plan apart)."""
        words = found.words
        starts = sorted({k for d in _DOCUMENTS for k in _runs_of(words, d)})
        if len(refs) < 2 or not starts:
            return refs
        runs = sorted(
            (
                (max(self.tasks.leading_run(r, words[k:]) for k in starts), n)
                for n, r in enumerate(refs)
            ),
            reverse=True,
        )
        (best, n), (second, _) = runs[0], runs[1]
        return [refs[n]] if best >= TYPED_RUN and best > second else refs

    def _titles_narrowed_by_their_deadline(self, found: _Found) -> None:
        """ "Việc báo cáo PBGDPL hạn 7/11 xin gia hạn thêm 15 ngày": of the tasks the words
        name, those due on the day said after "hạn", where some are."""
        if len(found.titled) < 2 or not any(_deadlines_said(found.words, found.period_spans)):
            return
        due = self._due_as_said(found.words, found.periods, found.period_spans)
        found.titled = _of_those_due(found, found.titled, due)

    def _find_titles_said_with_their_deadline(self, found: _Found) -> None:
        """ "nv rà soát hạn 30/9 tới đâu rồi": a task named by its words and the deadline
        the asker remembers; the deadline is no window, the words name the tasks. Of an
        agency named ("việc của vp ubnd tỉnh hạn 31/12 tới mô rồi"), those it is given."""
        body = self._one_agency(found)
        if found.tasks or found.titled or not found.periods or (found.names and body is None):
            return
        spans, words = found.period_spans, found.words
        # ... or that the asker recalls ("dự toán ngân sách hạn khi nào, nhớ là quý 3").
        recalled = all(words[max(0, a - 2) : a] == _RECALLED for a, _ in spans)
        if not recalled and not all(_deadlines_said(words, spans)):
            return
        if not recalled and not self._has_task_head(found, [not t for t in found.taken]):
            return
        periods = found.periods
        found.periods, found.period_spans = [], []
        # ... however often it recurs ("hạn 15/6 với 15/12 hằng năm").
        last = spans[-1][1]
        if tuple(words[last : last + 2]) in _EVERY_YEAR and not any(found.taken[last : last + 2]):
            found.take(last, last + 2, "each year", "period")
        # The words that say the deadline ("có hạn" of "việc có hạn tháng 2 thì sản phẩm là
        # gì"), which ask nothing of the task.
        deadline = {tuple(words[max(0, a - n) : a]) for a, _ in spans for n in (1, 2, 3, 4)}
        # ... nor does the plan's cell they are read from ("việc ghi hạn 'Quý II năm 2026'").
        for a, _ in spans:
            head = next((a - n for n in (1, 2, 4) if _is_deadline_head(words[a - n : a])), a)
            if head > 0 and words[head - 1] == "ghi" and not found.taken[head - 1]:
                found.take(head - 1, head, "the deadline as written", "context")
        self._find_asked_titles(found)
        if len(found.titled) > 1:
            # "báo cáo hạn 30/9 xong chưa": of the tasks the words name, those due then.
            due = self._due_as_said(found.words, periods, spans)
            found.titled = _of_those_due(found, found.titled, due)
        elif (
            not found.titled
            and not recalled
            # ... in the deadline's clause ("việc hạn 31/3 đến đâu r e, chiều a phải báo cáo")
            and self._nothing_but_heads(
                found, {found.clauses[a] for a, _ in spans} if found.clauses else None
            )
            and (_one_tasks_field_asked(found, deadline) or _acts_on_a_task(found))
            # ... but "việc hạn quý 3 là việc gì" asks which they are, of a window, no card
            and not (
                _only_the_card_asked(found) and any(p.kind is not PeriodKind.DAY for p in periods)
            )
        ):
            # "việc hạn 30/9 ai chủ trì", "việc hạn cuối tháng 9 xin gia hạn thêm 10 ngày": the
            # tasks due then, named by their deadline alone.
            windows = [
                _deadline_window(words, p, a)
                for p, (a, _), said in zip(
                    periods, spans, _deadlines_said(found.words, spans), strict=True
                )
                if said
            ]
            given = self._given_to(body) if body else None
            due = [
                row
                for r in self._due_as_said(found.words, periods, spans)
                if given is None or r in given
                for row in self.tasks.rows_due(r, windows)
            ]
            found.titled = [(r, 1.0) for r in due]
            if due:
                found.why.append("due then " + ", ".join(r.label for r in due))
                found.cues = [
                    (said, c)
                    for said, c in found.cues
                    if c.kind not in (CueKind.FIELD, CueKind.STATUS) or said not in deadline
                ]
        if not found.titled:
            found.periods, found.period_spans = periods, spans

    def _one_agency(self, found: _Found) -> str | None:
        """The one agency the question names, beyond doubt, if it names just one."""
        if len(found.names) != 1:
            return None
        options = found.names[0].options
        close = [t for t, score in options if score >= CLOSE * options[0][1]]
        if len(close) != 1 or close[0].kind != "agency" or len(close[0].values) != 1:
            return None
        return close[0].values[0]

    def _given_to_named(self, mention: Mention) -> set[TaskRef]:
        """The tasks led or supported by the agencies a name is read as."""
        return {r for key in mention.options[0][0].values for r in self._given_to(key)}

    def _given_to(self, key: str) -> set[TaskRef]:
        """The tasks an agency leads or supports."""
        return {*self.tasks.assigned_to(key), *self.tasks.assigned_to(key, supports=True)}

    def _due_as_said(
        self, words: Sequence[str], periods: Sequence[Period], spans: Sequence[tuple[int, int]]
    ) -> list[TaskRef]:
        """The tasks due in the windows said after "hạn" (not "gia hạn"), in the plan's
        order; of windows said one after another ("hạn 15/6 với 15/12"), those due in each."""
        said = _deadlines_said(words, spans)
        chains: list[list[int]] = []
        for n, (a, _) in enumerate(spans):
            if not said[n] or words[a - 2 : a - 1] == ["gia"]:
                continue
            if chains and chains[-1][-1] == n - 1 and words[a - 1] != "han":
                chains[-1].append(n)
            else:
                chains.append([n])
        due: dict[TaskRef, None] = {}
        for chain in chains:
            each = [
                self.tasks.due_between(*_deadline_window(words, periods[n], spans[n][0]))
                for n in chain
            ]
            common = set(each[0]).intersection(*each[1:])
            due.update((r, None) for r in each[0] if r in common)
        return list(due)

    def _nothing_but_heads(self, found: _Found, clauses: Collection[int] | None = None) -> bool:
        """Whether the words no step took (in ``clauses``, if given) are a task's head and
        filler only ("một việc" too)."""
        heads = {w for head in self.lexicon.task_heads for w in head}
        within = [clauses is None or c in clauses for c in found.clauses or [0] * len(found.words)]
        end = _polite_end(found)
        return all(
            t
            or not inside
            or n >= end
            or w in heads
            or (w == "mot" and found.words[n + 1 : n + 2] in ([h] for h in heads))
            or self.lexicon.filler(w, m)
            or _asker_typed_short(w)
            for n, (w, m, t, inside) in enumerate(
                zip(found.words, found.marks, found.taken, within, strict=True)
            )
        )

    def _find_titles_of_a_deadline_to_confirm(self, found: _Found) -> None:
        """ "báo cáo PBGDPL 6 tháng hạn trước ngày 07/6 đúng không em", "khảo sát hài lòng có
        phải quý 3 mới đến hạn không": a deadline the asker believes, asked to be confirmed,
        of a task named by its words: the task's deadline is asked; the period is no window.
        A number of tasks to confirm ("hạn 31/12 là 10 việc đúng không") asks the count."""
        if found.tasks or found.titled or not found.periods:
            return
        if "a count to confirm" in found.why:
            return
        # ... or believes one of two ("hạn 15/6 phải ko, hay cuối tháng 6").
        words, (start, end) = found.words, found.period_spans[0]
        # "hạn chót là ngày 31/12": the deadline's own words before the day
        k = start
        while k > 1 and words[k - 1] in ("la", "chot", "cuoi") and words[k - 2] != "viec":
            k -= 1
        before = words[max(0, k - 2) : k]
        dated = (
            before[-1:] == ["han"]
            or (len(before) == 2 and before[0] == "han" and before[1] in _UP_TO)
            or words[end : end + 2] == ["den", "han"]
            or words[end : end + 3] == ["moi", "den", "han"]
        )
        if not dated or not _confirms(found, found.clauses[start] if found.clauses else 0):
            return
        kept = found.periods, found.period_spans, found.cues
        found.periods, found.period_spans = [], []
        # The deadline is what is asked, no tasks falling due.
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (c.kind is CueKind.STATUS and c.value == Status.DUE.value)
            and not (c.kind is CueKind.ASK and c.value in _REPORTS)
        ] + [(("han",), Cue(CueKind.FIELD, TaskField.DUE.value, CLEAR))]
        self._find_asked_titles(found)
        if found.titled:
            found.why.append("a deadline to confirm")
        else:
            found.periods, found.period_spans, found.cues = kept

    def _find_titles_of_a_role_to_confirm(self, found: _Found) -> None:
        """ "rà soát tthc đất đai có phải sở NN&MT chủ trì ko", "ISO 9001 có phải UBND cấp
        huyện phối hợp k": who leads or supports a task named by its words first, the body
        the asker believes it is asked to be confirmed; no body's list of tasks."""
        if found.tasks or found.titled or len(found.names) != 1 or found.periods:
            return
        mention = found.names[0]
        roles = [(said, c) for said, c in found.cues if c.kind is CueKind.ROLE]
        if not roles or len(found.cues) != len(roles) or not mention.start:
            return
        if not found.clauses or not _confirms(found, found.clauses[mention.start]):
            return
        said = [
            (w, m)
            for w, m, t in zip(
                found.words[: mention.start],
                found.marks[: mention.start],
                found.taken[: mention.start],
                strict=True,
            )
            if not t and w not in _CONFIRMING
        ]
        titled = self.tasks.find_titled([w for w, _ in said], [m for _, m in said])
        if not titled or (len(titled) > 1 and titled[1][1] >= TITLE_CLOSE * titled[0][1]):
            return
        found.titled = titled[:1]
        found.names = []
        found.cues = [(said, Cue(CueKind.FIELD, c.value, CLEAR)) for said, c in roles]
        found.why.append("a role to confirm")

    def _take_time_of_year(self, found: _Found) -> None:
        """ "nv tài sản công cuối năm phải nộp sản phẩm gì": the year's end, start or middle,
        no window of its own, said among a task's words is when, not words of its title
        (unless a title holds them: "báo cáo cuối năm")."""
        words = found.words
        for k in range(len(words) - 1):
            if words[k] not in _TIMES_OF_YEAR or words[k + 1] != "nam":
                continue
            if found.taken[k] or found.taken[k + 1]:
                continue
            if self.tasks.pair_in_title(words[k], "nam"):
                continue
            found.take(k, k + 2, "when: " + " ".join(words[k : k + 2]), "context")

    def _of_kind_said(self, found: _Found, refs: list[TaskRef]) -> list[TaskRef]:
        """ "báo cáo tổng kết 5 năm kế hoạch CCHC": of tasks alike, the ones whose text says
        the kind of document said (the plan's review, not the resolution's)."""
        kinds = [d for d in _DOCUMENT_KINDS if _holds_not_within(found.words, d)]
        of_kind = [r for r in refs if kinds and all(self.tasks.holds_run(r, d) for d in kinds)]
        return of_kind if 0 < len(of_kind) < len(refs) else refs

    def _only_help(self, found: _Found) -> bool:
        """Whether every word but fillers asks for help."""
        return CueKind.HELP.value in found.takers and all(
            k == CueKind.HELP.value or self.lexicon.filler(w, m)
            for w, m, k in zip(found.words, found.marks, found.takers, strict=True)
        )

    @staticmethod
    def _outside(found: _Found) -> bool:
        """Whether every name the question says is of a body outside the plan."""
        return all(all(outside_plan(t) for t, _ in m.options) for m in found.names)

    def _tasks_said_by_a_sections_word(self, found: _Found) -> None:
        """ "việc chuyển đổi số tới đâu r": after a task's head, words that name a section
        only as what its title stands for ("chính quyền số") but that tasks' titles hold as
        said name those tasks."""
        if found.tasks or found.titled or found.periods or len(found.names) != 1:
            return
        mention = found.names[0]
        start, words = mention.start, found.words
        if not _only_sections(mention) or words[max(0, start - 1) : start] not in (
            ["viec"],
            ["nv"],
        ):
            return
        said = words[start : mention.end]
        if any(
            _holds(self._section_titles.get(k, ()), said)
            for t, _ in mention.options
            for k in t.values
        ):
            return
        refs = self.tasks.titles_with(said, MAX_CHOICES + 1)
        if 0 < len(refs) <= MAX_CHOICES:
            found.names = []
            found.titled = [(r, 1.0) for r in refs]
            found.why.append("titles hold the words: " + ", ".join(r.label for r in refs))

    def _find_name_in_titles(self, found: _Found) -> None:
        """ "giáo dục thế nào rồi", "trung tâm phục vụ hành chính công tiến độ sao": an
        agency's name, said alone with nothing but how things stand, may as well be the words
        of a task's title ("dịch vụ giáo dục công", "chất lượng phục vụ của Trung tâm Phục
        vụ hành chính công"); those tasks are offered beside the agency."""
        if found.tasks or found.titled or found.periods or len(found.names) != 1:
            return
        mention = found.names[0]
        # ... and so may a section's name said short ("bộ máy thế nào rồi": section III, or
        # the task "Kiện toàn tổ chức bộ máy ...").
        short_section = (
            _only_sections(mention)
            and mention.strength < FULL
            and not _SECTION_WORDS & set(found.words[max(0, mention.start - 1) : mention.end])
            and not self._opens_a_title(mention, tuple(_said(found, mention)))
        )
        if not short_section and not all(t.kind == "agency" for t, _ in mention.options):
            return
        if mention.start and found.words[mention.start - 1] == "ben":
            return  # "bên tư pháp tới đâu rồi": "bên" says the body, not a title's words
        if _pointed_back_to(found, mention, other_clauses=True):
            return  # "phòng KT-HT-ĐT thấy chậm quá, tình hình bên đó sao rồi": the body
        before = found.words[max(0, mention.start - 4) : mention.start]
        if before[-1:] == ["cua"] and {"cac", "nhung"} & set(before):
            return  # "tình hình các nhiệm vụ của Văn phòng UBND tỉnh": the body's tasks
        if any(
            (c.kind not in (CueKind.ASK, CueKind.FIELD) or c.value not in _HOW_IT_STANDS)
            and not (c.kind is CueKind.ASK and c.value == Ask.LIST and c.weight < 2)
            for _, c in found.cues
        ):
            return  # "giáo dục còn mấy việc quá hạn": the agency's tasks; "các nhiệm vụ" of
            # "tiến độ các nhiệm vụ cấp xã" only names them
        # ("các xã thế nào chung": "chung" says the whole of either)
        if any(
            not t and not self.lexicon.filler(w, m) and not (w == "chung" and before != "minh")
            for w, m, t, before in zip(
                found.words, found.marks, found.taken, ["", *found.words], strict=False
            )
        ):
            return
        said = _said(found, mention)
        sections = [] if short_section else self._sections_named(said, mention)
        if len(sections) == 1:
            found.rival_section = sections[0]
            found.why.append(f"section {sections[0]} holds the name")
            return
        refs = self.tasks.titles_with(said, MAX_CHOICES - 1)
        if short_section and len(refs) != 1:
            return  # "thủ tục hành chính tiến độ thế nào": the words of many titles
        # ... or, of a long name said short, the agency's own ("trung tâm hcc tỉnh" of
        # "Trung tâm Phục vụ hành chính công tỉnh" in a title).
        named = (
            form
            for key in mention.options[0][0].values
            for form in self._agency_words.get(key, ())
            if len(said) >= _LONG_NAME and set(said) <= set(form)
        )
        while not refs and (form := next(named, None)) is not None:
            refs = self.tasks.titles_with(list(form), MAX_CHOICES - 1)
        if refs and self._outside(found):
            # "trung tâm phục vụ hcc tới đâu rồi" of a plan that gives no such centre a task:
            # the tasks whose titles hold the name.
            found.names = []
            found.titled = [(r, 1.0) for r in refs]
            found.why.append("titles hold the name: " + ", ".join(r.label for r in refs))
        elif (
            refs
            and mention.strength >= FULL
            and said[0] in _BODY_KINDS
            and any(self.tasks.assigned_to(key) for key in mention.options[0][0].values)
        ):
            # "Sở Tư pháp làm tới đâu rồi": a body named in full that leads tasks of the
            # plan is asked of, though a title names it ("Theo đề nghị của Sở Tư pháp, ...").
            found.why.append("the body named in full")
        elif refs and mention.strength >= FULL and set(refs) <= self._given_to_named(mention):
            # "Phòng Văn hóa - Xã hội dạo này sao rồi" of "Phòng Văn hóa - Xã hội chủ trì
            # tuyên truyền ...": the body's standing holds the tasks its name heads.
            found.why.append("the body's own tasks name it")
        elif refs:
            found.rival_titles = refs
            found.why.append("title holds the name: " + ", ".join(r.label for r in refs))

    def _take_quoted_titles(self, found: _Found, typed: str, spelled: Sequence[Word]) -> None:
        """ "'Xây dựng Kế hoạch CCHC hằng năm' năm nay tới đâu rồi", "“Rà soát, sắp xếp các tổ
        chức tư vấn ...” sản phẩm là gì": words pasted in quotes that one task's title holds
        one after another (the last may be cut mid-word) are that title's words alone, no
        window, body or cue of the question's own; the plan's own title, quoted, is the plan."""
        for m in _QUOTED.finditer(typed):
            start, end = m.span(1) if m.group(1) is not None else m.span(2)
            said = _words_within(spelled, start, end)
            if len(said) < _QUOTED_TITLE_WORDS or any(found.taken[k] for k in said):
                continue
            run = [found.words[k] for k in said]
            if _holds(self._plan_title_run, run):
                # "Kế hoạch “Cải cách hành chính năm 2026 của Bộ ...”": the plan, by its title.
                found.take(said[0], said[-1] + 1, "the plan's title quoted", "plan")
                continue
            # ... one title's: words several hold are a subject ("'Cải cách thủ tục hành
            # chính'" of a section's name), read as said.
            refs = self.tasks.titles_with(run, 2) or self.tasks.titles_with(run[:-1], 2)
            if len(refs) == 1:
                found.take(said[0], said[-1] + 1, "a title quoted", "quoted")
                found.quoted_title = refs[0]

    def _titles_holding(
        self, found: _Found, asked: Sequence[tuple[str, str | None]]
    ) -> list[TaskRef]:
        """The tasks whose titles hold the words asked and every name said; of those, the
        ones that say as the question does the words some title writes one after another
        ("số hóa": not "Đơn giản hóa ... sở hữu trí tuệ", which holds both apart)."""
        refs = [
            r
            for r in self.tasks.holding(asked, TITLE_CANDIDATES if found.names else MAX_CHOICES + 1)
            if all(self._in_title(r, found.words, m) for m in found.names)
        ]
        said = {w for w, _ in asked}
        pairs = {
            (a, b)
            for a, b in zip(found.words, found.words[1:], strict=False)
            if (a in said and b not in _LINKING or b in said and a not in _LINKING)
            and self.tasks.pair_in_title(a, b)
        }
        together = [r for r in refs if all(self.tasks.holds_run(r, p) for p in pairs)]
        return together if len(refs) > 1 and together else refs

    def _title_words_of_the_task(self, found: _Found) -> set[Phrase]:
        """The cues' words that the title of the one task named or titled holds."""
        refs = [r for hit in found.tasks for r in hit.refs] + [r for r, _ in found.titled]
        if len(refs) != 1:
            return set()
        return {said for said, _ in found.cues if self.tasks.holds_run(refs[0], said)}

    def _opens_a_title(self, mention: Mention, said: Phrase) -> bool:
        """Whether a section's name is said as its title begins ("cải cách TTHC" of "Cải
        cách thủ tục hành chính (TTHC)"), not by words from within it ("bộ máy")."""
        return any(
            self._section_titles.get(code, ())[: len(said)] == said
            for t, _ in mention.options
            for code in t.values
        )

    def _numbered_and_titled(self, found: _Found) -> None:
        """ "nv 3 thanh toán trực tuyến tới đâu rồi", where a plan has task 3 and II.3: of the
        tasks a number may mean, the one whose text holds clearly more of the words said with
        it."""
        # The words no step took, those of a progress note ("nv 3: đạt 62% hồ sơ thanh
        # toán trực tuyến") and of a report ("nv 1 VP đã ban hành bc đánh giá rồi").
        # Each word once: "kết nối ... kết quả" is no two words of "Báo cáo kết quả"; nor
        # are the words of the request ("báo cáo tiến độ nv 3: ...").
        requested = {
            i + n
            for said, c in found.cues
            if c.kind is CueKind.ACTION
            for i in _said_at(found, said, ("report",))
            for n in range(len(said))
        }
        said = {
            w: None
            for i, (w, m, t, k) in enumerate(
                zip(found.words, found.marks, found.taken, found.takers, strict=True)
            )
            if (not t or k == "note" or (k == "report" and i not in requested))
            and w.isalpha()
            and not self.lexicon.filler(w, m)
            and w not in self._whole_plan
        }
        if len(said) < 2:
            return
        for n, hit in enumerate(found.tasks):
            if len(hit.refs) < 2:
                continue
            held = sorted(
                ((sum(self.tasks.holds(r, [w]) for w in said), k) for k, r in enumerate(hit.refs)),
                reverse=True,
            )
            (best, k), (second, _) = held[0], held[1]
            if best >= 2 and best >= 2 * second:
                found.tasks[n] = replace(hit, refs=(hit.refs[k],), scores=(hit.scores[k],))
                found.why.append(f"{hit.refs[k].label} holds the words said with it")

    def _row_said_after_its_task(self, found: _Found) -> None:
        """ "nv II.2 phần tổ chức khảo sát ở xã phường xong chưa": the row of the task named
        by its number that the words after it, in its clause, name; or before it ("hoạt động
        thẩm định dự thảo văn bản ở mục II.1 thì sản phẩm là gì")."""
        if len(found.tasks) != 1 or len(found.tasks[0].refs) != 1:
            return
        hit = found.tasks[0]
        ref = hit.refs[0]
        if ref.activity is not None:
            return
        clause = found.clauses[hit.start]
        said = [
            k
            for k in (*range(hit.start), *range(hit.end, len(found.words)))
            if found.clauses[k] == clause and (not found.taken[k] or found.takers[k] == "name")
        ]
        words = [found.words[k] for k in said]
        row = self.tasks.row_named(ref, words, [found.marks[k] for k in said])
        if row != ref:
            found.tasks[0] = replace(hit, refs=(row,))
            found.names = [m for m in found.names if m.start not in said]
            found.why.append(f"row {row.label} named after its task")

    def _drop_names_in_a_numbered_text(self, found: _Found) -> None:
        """ "nhắc STP gửi báo cáo kết quả phổ biến, giáo dục pháp luật (nv II.8)": a bare
        name said with the words beside it in the text of the task named by its number
        ("giáo dục pháp luật") is those words, no body; so is any name that goes on the
        title said after the number ("nhắc vp ubnd tỉnh nv 1 nâng cao chất lượng phục vụ tt
        pvhcc": Văn phòng UBND tỉnh alone)."""
        hits = [hit for hit in found.tasks if len(hit.refs) == 1]
        if not hits:
            return
        words = found.words

        def in_text(m: Mention) -> bool:
            runs = (words[max(0, m.start - 1) : m.end], words[m.start : m.end + 1])
            return any(
                m.strength < FULL
                and len(run) > m.end - m.start
                and self.tasks.holds_run(hit.refs[0], run)
                for hit in hits
                for run in runs
            ) or any(
                m.start - hit.end >= _TITLE_BEFORE_A_NAME
                and self.tasks.holds_run(hit.refs[0], words[hit.end : m.start], slips=1)
                and self.tasks.holds(hit.refs[0], words[hit.end : m.end])
                for hit in hits
            )

        kept = [m for m in found.names if not in_text(m)]
        if len(kept) < len(found.names):
            found.names = kept
            found.why.append("a name in the task's words")

    def _rival_task_of_a_part(self, found: _Found) -> None:
        """ "mục 2 tới đâu rồi" of a plan whose section II is in parts (II.1, II.2) and whose
        section III numbers its tasks 1, 2, 3: part II.2, or task III.2; both are offered."""
        if found.tasks or found.titled or len(found.names) != 1:
            return
        mention = found.names[0]
        code = mention.options[0][0].values[0] if _only_sections(mention) else ""
        number = found.words[mention.end - 1]
        if "." not in code or not number.isdigit() or mention.end - mention.start != 2:
            return
        refs = self._in_whole_sections.get(number, [])
        if len(refs) == 1:
            found.rival_titles = refs
            found.why.append(f"task {refs[0].label} is numbered so too")

    def _rival_part_of_a_task(self, found: _Found) -> None:
        """ "việc số 2 tới đâu rồi" of the same plan: task III.2, the one numbered 2 alone,
        or part II.2; both are offered."""
        if len(found.tasks) != 1 or found.titled or found.names:
            return
        hit = found.tasks[0]
        said = found.words[hit.start : hit.end]
        if len(hit.refs) != 1 or _SECTION_WORDS & set(said) or not said[-1].isdigit():
            return
        if self._in_whole_sections.get(said[-1]) != [hit.refs[0]]:
            return
        parts = [
            c for c in self._section_titles if c.count(".") == 1 and c.endswith(f".{said[-1]}")
        ]
        if len(parts) == 1:
            found.rival_section = parts[0]
            found.why.append(f"part {parts[0]} is numbered so too")

    def _task_numbered_as_a_window(self, found: _Found) -> None:
        """ "nv 6 tháng đầu năm đến đâu r", of a plan with a task 6: the tasks of the first
        half-year, or task 6; both are offered."""
        if found.tasks or found.titled or len(found.periods) != 1:
            return
        start = found.period_spans[0][0]
        number = found.words[start]
        if not start or found.words[start - 1] not in _NUMBER_HEADS or not number.isdigit():
            return
        hits = self.tasks.find_numbered(["nv", number])
        if len(hits) == 1 and hits[0].known and len(hits[0].refs) == 1:
            found.rival_titles = list(hits[0].refs)
            found.why.append(f"task {hits[0].refs[0].label} is numbered so too")

    def _task_making_the_report(self, found: _Found) -> None:
        """ "bc 6 tháng sao rồi", "báo cáo quý 1 tới đâu rồi": how a window's report is
        coming on, of a plan with one task to make it ("tổng hợp báo cáo CCHC quý, 6 tháng,
        năm"): that task, or the bot's report of the window; both are offered."""
        if found.tasks or found.titled or found.names or len(found.periods) != 1:
            return
        asked = {c.value for _, c in found.cues if c.kind is CueKind.ASK}
        words = _REPORT_WINDOW_WORDS.get(found.periods[0].kind)
        if words is None or not {Ask.REPORT.value, Ask.PROGRESS.value} <= asked:
            return
        reports = self.tasks.titles_with(("bao", "cao"), TITLE_CANDIDATES)
        refs = [r for r in reports if self.tasks.holds(r, words)]
        if len(refs) == 1:
            found.rival_titles = refs
            found.why.append(f"task {refs[0].label} makes the report")

    def _report_of_the_reminded(self, found: _Found) -> None:
        """ "nhắc UBND các xã gửi báo cáo CCHC 6 tháng": a reminder to send a report, of
        the one body it names, is of the report task that body leads, where it leads one."""
        if found.tasks or found.titled or "report" not in found.takers:
            return
        if not any(
            c.kind is CueKind.ACTION and c.value == Action.REMIND.value for _, c in found.cues
        ):
            return
        reminded = _named_after_a_request(found)
        if len(reminded) != 1 or _only_sections(reminded[0]):
            return
        keys = reminded[0].options[0][0].values
        led = {r for key in keys for r in self.tasks.assigned_to(key)}
        reports = [r for r in led if self.tasks.title_opens(r, ("bao", "cao"))]
        # ... said as that report: a word after "báo cáo" its title holds ("báo cáo CCHC"),
        # where a bare "nộp báo cáo" may be any of the reports the body sends.
        last = max(n for n, k in enumerate(found.takers) if k == "report")
        said = [
            w
            for n, (w, m) in enumerate(zip(found.words, found.marks, strict=True))
            if n > last and not found.taken[n] and not self.lexicon.filler(w, m)
        ]
        if len(reports) == 1 and any(self.tasks.holds(reports[0], [w]) for w in said):
            found.titled = [(reports[0], 1.0)]
            found.why.append(f"report {reports[0].label} of the one reminded")
            # ... "hạn 15/6" said of it is its deadline, no window.
            if reports[0] in self._due_as_said(found.words, found.periods, found.period_spans):
                found.periods, found.period_spans = [], []

    def _done_said_of_many(self, found: _Found) -> None:
        """ "liệt kê giúp chị những nv đã hoàn thành rồi nhé": "done" said right after tasks
        named many is which of them are listed, no task to mark done."""
        heads = self._plural_head_ends(found)
        done = [
            (said, c)
            for said, c in found.cues
            if c.kind is CueKind.ACTION
            and c.value == Action.COMPLETE.value
            and set(_said_at(found, said, _CUE_TAKERS)) & heads
        ]
        if done:
            found.cues = [e for e in found.cues if e not in done] + [
                (said, Cue(CueKind.STATUS, Status.DONE.value, CLEAR)) for said, _ in done
            ]
            found.why.append("done said of many")

    def _number_told_by_its_agency(self, found: _Found) -> None:
        """ "nhắc vp ubnd tỉnh cập nhật nv 1", of a plan numbering a task 1 in two sections:
        the one the agency named is assigned (lead or support), where only one is."""
        if len(found.tasks) != 1 or len(found.tasks[0].refs) < 2 or not found.names:
            return
        hit = found.tasks[0]
        named = {
            key
            for m in found.names
            for t, s in m.options
            if t.kind == "agency" and s >= CLOSE * m.options[0][1]
            for key in t.values
        }
        assigned = {ref for key in named for ref in self._given_to(key)}
        kept = [(r, s) for r, s in zip(hit.refs, hit.scores, strict=True) if r in assigned]
        if len(kept) == 1:
            found.tasks = [replace(hit, refs=(kept[0][0],), scores=(kept[0][1],))]
            found.why.append(f"task {kept[0][0].label} of the agency named")

    def _tasks_named_by_their_body(self, found: _Found) -> None:
        """ "việc snv chủ trì hạn khi nào", "syt xin lùi hạn cái khảo sát thêm 1 tháng": a task
        named by the one agency it is assigned to, where what is asked is of one task (when
        it is due, who supports it, what it makes, how far it is, more time) and a task is
        said as one. The few tasks the agency leads (those it supports, where so said) are
        the choices; an agency of one task names it, said as one or not ("stc xin gia hạn
        thêm 1 tháng"), where "gia hạn cho STP" of its two tasks is the way to extend them."""
        key = self._one_agency(found)
        if found.tasks or found.titled or found.periods or key is None:
            return
        kinds = {c.kind for _, c in found.cues}
        fields = {c.value for _, c in found.cues if c.kind is CueKind.FIELD and c.weight >= CLEAR}
        actions = {c.value for _, c in found.cues if c.kind is CueKind.ACTION}
        one = self._one_task_head(found)
        of_one = (
            bool(fields)
            and fields <= _OF_ONE_TASK | {TaskField.PROGRESS.value}
            and not kinds & {CueKind.STATUS, CueKind.OWN}
            and not any(_of_many_tasks(p, c) for p, c in found.cues)
        )
        asked = actions <= _DONE_TO_ONE_TASK if actions else of_one and one
        if TaskField.LEAD.value in fields:
            return  # "việc sở khcn phối hợp thì bên nào chủ trì": its list says who leads
        roles = {c.value for _, c in found.cues if c.kind is CueKind.ROLE}
        supports = roles == {Role.SUPPORT.value} and TaskField.SUPPORT.value not in fields
        refs = self.tasks.assigned_to(key, supports)
        if not refs and found.rival_titles:
            return  # "việc trung tâm phục vụ hcc tới đâu rồi" of a body given no task: the
            # task whose title names it, or the body, as without "việc"
        if not asked:
            if of_one and not actions and TaskField.PROGRESS.value not in fields:
                self._report_of_a_body(found, refs, key)
            return
        # ... or those whose title names it as said ("việc cấp xã": the one the communes
        # lead, and the training "cho công chức cấp xã").
        mention = found.names[0]
        said = found.words[mention.start : mention.end]
        refs += [r for r in self.tasks.titles_with(said, BODY_TASKS + 1) if r not in refs]
        if len(refs) == 1 or (one and 0 < len(refs) <= BODY_TASKS):
            found.titled = [(ref, 1.0) for ref in refs]
            found.why.append("tasks of " + key)

    def _report_of_a_body(self, found: _Found, refs: Sequence[TaskRef], key: str) -> None:
        """ "bc cchc 6 tháng của các xã hạn nộp ngày nào": a report of an agency, asked when
        it is due, who supports it or what it makes, is the one of the agency's tasks (or its
        row) whose text holds the report's words (not its progress: "chiều nay báo cáo lãnh
        đạo, phòng tckh tiến độ ra sao")."""
        mention = found.names[0]
        said = [
            (w, m)
            for k, (w, m, taker) in enumerate(
                zip(found.words, found.marks, found.takers, strict=True)
            )
            if not mention.start <= k < mention.end
            and taker in ("", "report")
            and not self.lexicon.filler(w, m)
        ]
        # Words none of them holds tell none from another ("hạn nộp").
        said = [(w, m) for w, m in said if any(self.tasks.holds(r, [w]) for r in refs)]
        words = [w for w, _ in said]
        if not {"bao", "cao"} <= set(words):
            return
        held = [r for r in refs if self.tasks.holds(r, words)]
        if len(held) == 1:
            row = self.tasks.row_named(held[0], words, [m for _, m in said])
            found.titled = [(row, 1.0)]
            found.why.append("the report of " + key)

    def _one_task_head(self, found: _Found) -> bool:
        """Whether a task is named as one ("việc", "cái nv", "the task"), not many."""
        usable = [t in ("", CueKind.ROLE.value) for t in found.takers]
        if self._plural_head(found):
            return False
        # "cái" typed as such, before what it names ("cái báo cáo của công an").
        return self._has_task_head(found, usable) or any(
            raw.lower() in ("cái", "cai") and usable[k] for k, raw in enumerate(found.raw[:-1])
        )

    def _drop_title_actions(self, found: _Found) -> None:
        """ "việc đôn đốc thực hiện chỉ thị hạn khi nào", "cập nhật TTHC lên CSDL ai làm":
        a request's word that the title of the task named holds, in a question that asks
        who or when of it, is a word of the title; nothing is to be done. So is one said
        after a task's number, as its title ("thông tin nhiệm vụ số 7 (theo dõi, đôn đốc
        thực hiện Chỉ thị)")."""
        # "nv II.6.a.1 thì kết quả đầu ra là gì": after "thì", the question, no title.
        after = found.tasks[0].end if len(found.tasks) == 1 else len(found.words)
        topic = found.words[after : after + 1] == ["thi"] and agree(found.marks[after], _THEN)
        if len(found.tasks) == 1 and len(found.tasks[0].refs) == 1 and not topic:
            task, end = found.tasks[0].refs[0], found.tasks[0].end

            # "nv V.1 hoàn thiện hệ thống thông tin ... thì sản phẩm cuối cùng là gì": a
            # field's word in the title said after the number gives way to one that is not.
            # ... said with a word left out ("theo kết quả đầu ra" of "kết quả công việc đầu
            # ra").
            def held(said: Phrase) -> bool:
                return self.tasks.holds_run(task, said, slips=1 if len(said) >= 4 else 0)

            # ... and to a state asked of it ("nv 5.a.1 ứng dụng cntt ... vẫn chưa xong hả").
            other_field = any(
                c.kind in (CueKind.FIELD, CueKind.STATUS) and not held(said)
                for said, c in found.cues
            )
            dropped: tuple[CueKind, ...] = (CueKind.ACTION,)
            if other_field:
                dropped += (CueKind.FIELD,)
            # ... said before the number too, where the words after it are the title's with
            # it, and its progress is asked ("tiến độ cập nhật csdl cbccvc (nv 5)").
            start = found.tasks[0].start

            def titled_before(said: Phrase) -> bool:
                return other_field and any(
                    k + len(said) + 2 <= start
                    and self.tasks.holds_run(task, found.words[k : k + len(said) + 2])
                    for k in _said_at(found, said, (CueKind.ACTION.value,))
                )

            kept = [
                (said, c)
                for said, c in found.cues
                if c.kind not in dropped
                or (
                    _holds(found.words[:start], said)
                    and not (c.kind is CueKind.ACTION and titled_before(said))
                )
                or not _holds(found.words[end:], said)
                and not titled_before(said)
                or not held(said)
            ]
            if len(kept) < len(found.cues):
                # "việc 5 đã cập nhật được khoảng 70% dữ liệu" (5: "Cập nhật CSDL ..."): the
                # share said of it is the update, unless the share is the title's too ("nv
                # 7.a.3 kết nối ... tới 100% cấp xã đã làm đc tới đâu r").
                shared = any(
                    said[1:] == _PERCENT for said, c in found.cues if (said, c) not in kept
                )
                found.cues = kept
                found.why.append("the task's title holds the request's words")
                if not shared:
                    _update_of_a_share_stated(found)
            return
        if not found.titled:
            return
        task = found.titled[0][0]
        # "việc cập nhật CSDL cán bộ ... xong rồi, đánh dấu hoàn thành giúp e": a request's
        # word the title holds gives way to a request said outside it.
        actions = [(said, c) for said, c in found.cues if c.kind is CueKind.ACTION]
        titles = [e for e in actions if self.tasks.holds(task, e[0])]
        # "nhắc sở KHCN cập nhật tiến độ nâng cấp chức năng nhắc hạn hồ sơ": a request
        # opening the message, a body named after it, is the asker's, said once more in the
        # title.
        opening = next(
            (
                e
                for e in titles
                if tuple(found.words[: len(e[0])]) == e[0]
                and any(n.start == len(e[0]) for n in found.names)
                and titles.count(e) > 1
            ),
            None,
        )
        if opening is not None:
            titles.remove(opening)
        if titles and len(titles) < len(actions):
            for e in titles:
                found.cues.remove(e)
            found.why.append("title holds one request's words")
        fields = [(said, c) for said, c in found.cues if c.kind is CueKind.FIELD]
        # "điều tra khảo sát tình hình thi hành pháp luật sản phẩm là j": what else is asked
        # in the title's words ("tình hình") gives way to what is asked outside them, even
        # weakly ("hệ thống thông tin giải quyết tthc hạn quý 4 phải ko").
        # ... or who leads or supports it ("việc nâng cấp hệ thống thông tin ... không phải VP
        # UBND tỉnh chủ trì à").
        roles = [(said, c) for said, c in found.cues if c.kind is CueKind.ROLE]
        other = any(not self.tasks.holds(task, said) for said, _ in fields + roles)
        if not other and not any(c.weight >= CLEAR for _, c in fields):
            return
        dropped = (CueKind.ACTION, CueKind.FIELD, CueKind.ASK) if other else (CueKind.ACTION,)
        kept = [
            (said, c)
            for said, c in found.cues
            if c.kind not in dropped or not self.tasks.holds(task, said) or _which_task(said, c)
        ]
        if len(kept) < len(found.cues):
            found.cues = kept
            found.why.append("title holds the request's words")

    def _title_pair(self, found: _Found, i: int) -> bool:
        """Whether word ``i`` and a free neighbour are two neighbours of a task's text ("so
        hoa", "ho so")."""
        words, taken = found.words, found.taken
        return any(
            a >= 0
            and b < len(words)
            and not taken[a]
            and not taken[b]
            and self.tasks.pair_in_title(words[a], words[b])
            for a, b in ((i - 1, i), (i, i + 1))
        )

    def _find_titles(self, found: _Found) -> None:
        """A task named by the words of its title: after "nhiệm vụ" or "việc", or alone when
        the words fit one task clearly better than any other."""
        if found.tasks or found.titled or self.tasks.empty:
            return
        if self._only_help(found):
            return  # "how do I use this bot? what can it do?": no "Hướng dẫn ..." task
        if any(_of_many_tasks(p, c) for p, c in found.cues) or any(
            _holds(found.words, many) for many in _MANY_TASKS
        ):
            # "có mấy việc", "còn việc gì chưa xong", "nhắc ubnd các huyện, nhiều việc trễ mà
            # chưa thấy động tĩnh gì": of many tasks, no one title
            return
        # "phần tổ chức bộ máy tiến độ thế nào": a section said after its head is that section.
        sectioned = {
            k
            for m in found.names
            if _only_sections(m) and m.start and found.words[m.start - 1] in _SECTION_WORDS
            for k in range(m.start, m.end)
        }
        # Where the clause that asks names its subject ("bên thanh tra bộ tiến độ thế nào
        # rồi, tuần sau đi kiểm tra các đơn vị"), the words of a clause after it are no title.
        # ... as where it asks for a list or a count of the tasks in a state, the clause after
        # it the asker's context ("ds tất cả nv quá hạn, cần cho cuộc họp lãnh đạo mai").
        asking = self._named_asking_clause(found)
        if asking is None and (stated := self._asking_clause(found)) is not None:
            listed = {
                c
                for said, cue in found.cues
                if cue.kind is CueKind.ASK and cue.value in (Ask.LIST.value, Ask.COUNT.value)
                for c in _clauses_saying(found, said, (CueKind.ASK.value,))
            }
            aside = {"context", CueKind.OFF_TOPIC.value}
            context = {c for c, k in zip(found.clauses, found.takers, strict=True) if k in aside}
            if (
                stated in listed & _cue_clauses(found, CueKind.STATUS)
                and max(context, default=-1) > stated
            ):
                asking = stated
        if asking is not None:
            sectioned |= {n for n, c in enumerate(found.clauses) if c > asking}
        # Words a title may hold although a step took them: "tổng kết", "hướng dẫn" (cues),
        # "thủ tục hành chính" (a section), "đơn vị sự nghiệp" (an agency).
        usable = self._inside_titles(
            found,
            [
                (not t or k in _TITLE_WORDS) and n not in sectioned
                for n, (t, k) in enumerate(zip(found.taken, found.takers, strict=True))
            ],
        )
        # ... but the asker, typed as one letter ("gửi c"), is no title's word.
        usable = [u and not _asker_typed_short(w) for u, w in zip(usable, found.words, strict=True)]
        # ... nor is the tag that asks to confirm ("..., đúng không", "phải hông").
        tag = _confirm_tag(found.words)
        usable = [u and n not in tag for n, u in enumerate(usable)]
        # A name's own "sở" is no "số" that heads a task.
        heads = self._has_task_head(
            found, [u and k != "name" for u, k in zip(usable, found.takers, strict=True)]
        )
        # An agency the plan does not name is no filter of it: its words may be a title's
        # ("rà soát đơn vị sự nghiệp công lập").
        outside = {
            k
            for m in found.names
            if all(outside_plan(t) for t, _ in m.options)
            for k in range(m.start, m.end)
        }
        free = [
            w
            for n, (w, m, t, k) in enumerate(
                zip(found.words, found.marks, found.taken, found.takers, strict=True)
            )
            if (not t or k in _TITLE_WORDS - {"name"} or n in outside)
            and not self.lexicon.filler(w, m)
            and not _asker_typed_short(w)
        ]
        # After "nhiệm vụ" or "việc", words of the title may also name a section ("việc
        # ban hành kế hoạch chuyển đổi số"): they count when the title holds them all.
        named = [
            w
            for w, m, k in zip(found.words, found.marks, found.takers, strict=True)
            if k == "name" and not self.lexicon.filler(w, m)
        ]
        # "kế hoạch chuyển đổi số": a section's subject after a document's words names that
        # document, a task's product, not the section or the whole plan.
        documented = [
            w
            for m in found.names
            if _only_sections(m)
            and any(tuple(found.words[max(0, m.start - len(d)) : m.start]) == d for d in _DOCUMENTS)
            for w in found.words[m.start : m.end]
        ]
        free += documented
        short = len(free) < (2 if heads else 3)
        if short and not (free and len(free) + len(named) >= 2):
            return
        # "đánh giá bộ máy các cqcm kết quả dự kiến là gì": what is asked of one task, of
        # words beside names that its title holds with them, is asked of that task.
        # So is whether something is done yet: "hội nghị đối thoại tổ chức chưa".
        # So is a share said done ("the satisfaction survey is 60% done", "bc tiến độ nền
        # tảng chia sẻ dữ liệu: đạt 70%").
        of_a_task = (
            _ends_with_yet(found.words, found.clauses)
            or "share" in found.takers
            or any(
                c.kind is CueKind.FIELD
                and c.weight >= CLEAR
                # ... and the asker's part in it ("an toàn thông tin mạng thì mình chủ trì
                # hay phối hợp")
                and (c.value in _OF_ONE_TASK or said[:2] == ("chu", "tri"))
                for said, c in found.cues
            )
        )
        if short and not of_a_task and not heads:
            return  # "chỉ số PCI": the name's own "số" is no task head
        if short and any(
            _only_sections(m) and set(free) <= set(self._section_titles[m.options[0][0].values[0]])
            for m in found.names
        ):
            return  # "chỉ số PCI tiến độ thế nào": a section, with its title's own words
        if not of_a_task and any(
            c.kind is CueKind.ASK and c.value in (Ask.REPORT, Ask.EXPORT) and c.weight >= ASKED_FOR
            for _, c in found.cues
        ):
            # "lap bao cao so ket 6 thang dau nam giup a": a report to write now; "c can bang
            # excel cac nv cchc": the plan's tasks in Excel
            return
        # "cải cách hành chính tới đâu rồi", "làm giúp chị báo cáo cchc quý I": the plan's
        # own subject, alone or with a report's words, is the whole plan, not a task.
        own = {w for w, t in zip(found.words, found.taken, strict=True) if not t}
        # A report's words asked who or when of are a task's title ("tổng kết cchc năm 2026
        # hạn bao giờ"): the report the plan makes, not one to write now.
        report = any(
            c.kind is CueKind.ASK and c.value == Ask.REPORT for _, c in found.cues
        ) and not any(c.kind is CueKind.FIELD and c.weight >= CLEAR for _, c in found.cues)
        said = {w for w in free if (w in own or not report) and not YEAR.fullmatch(w)}
        # "kế hoạch CCHC năm nay": the plan's own year says no task either; nor do the asker's
        # meeting and leaders ("chiều mai họp giao ban với lãnh đạo sở, ... kế hoạch CCHC").
        said -= {found.words[k] for a, b in found.plan_years for k in range(a, b)}
        said -= {w for w, k in zip(found.words, found.takers, strict=True) if k in _SMALL_TALK}
        said |= set(documented)
        # ... unless said with a year outside the plan's: "kế hoạch cchc năm 2027" of a 2026
        # plan is next year's plan, a task's product.
        # ... the year typed bare, too ("kế hoạch cchc 2027").
        other_year = any(
            p.kind is PeriodKind.YEAR and not self._of_the_plan(p.start.year) for p in found.periods
        ) or any(YEAR.fullmatch(w) and not self._of_the_plan(int(w)) for w in free)
        if not heads and said <= self._whole_plan and not other_year and not found.quoted_title:
            return
        # A year said with the words may be the title's: "kế hoạch kiểm tra cchc năm 2026".
        years = {
            k
            for p, (a, b) in zip(found.periods, found.period_spans, strict=True)
            if p.kind is PeriodKind.YEAR
            for k in range(a, b)
        } | {k for a, b in found.plan_years for k in range(a, b)}
        usable = [u or n in years for n, u in enumerate(usable)]
        # Who the asker speaks of may be a title's words ("thi tuyển lãnh đạo"), but a title
        # that fits without them is read first: "lãnh đạo sở vừa hỏi, nhiệm vụ xây dựng kế
        # hoạch hành động ...".
        people = {
            k
            for said, c in found.cues
            if c.kind is CueKind.OFF_TOPIC and c.weight >= PEOPLE
            for i in range(len(found.words) - len(said) + 1)
            if tuple(found.words[i : i + len(said)]) == said
            for k in range(i, i + len(said))
        }
        # So is a greeting or a wish said as a clause of its own ("Xuân an lành ạ. Kh hành
        # động ... tới đâu rồi").
        people |= self._greeting(found)
        # A message about an office party names no task ("tất niên cơ quan năm nay tổ chức
        # ngày nào": no task "tổ chức ..."; "công đoàn đi thiện nguyện, ai đăng ký chưa").
        # ... unless a task's text holds the occasion's words ("phối hợp với Đoàn thanh niên"
        # of a task that works with it).
        if any(
            c.kind is CueKind.OFF_TOPIC
            and c.weight >= OCCASION
            and not self.tasks.holding([(w, None) for w in said], 1)
            for said, c in found.cues
        ):
            usable = [False] * len(usable)
        plain = [u and n not in people for n, u in enumerate(usable)]
        if any(c.kind is CueKind.ASK and c.weight >= CLEAR for _, c in found.cues):
            # "Việc bên mình chủ trì ... còn cái nào chưa xong không, em tổng hợp báo chủ
            # tịch": what the asker will do with the answer names no task.
            usable = [u and found.clauses[n] not in found.beside for n, u in enumerate(usable)]
            plain = [p and u for p, u in zip(plain, usable, strict=True)]
        # "nhắc sxd đẩy nhanh rà soát tthc xây dựng": what a request is about, as with a head.
        requested = any(c.kind is CueKind.ACTION and c.weight >= CLEAR for _, c in found.cues)
        tries = [plain, usable] if plain != usable else [usable]
        # "Việc thẩm định dự thảo văn bản QPPL thì sản phẩm là gì": the topic before "thì".
        topic = _topic_end(found)
        if topic:
            tries.append([u and n < topic for n, u in enumerate(plain)])
        if years:
            # "hội nghị năm nay tổ chức chưa": the year is the asker's, where no title has it.
            tries.append([u and n not in years for n, u in enumerate(plain)])
        predicate = _yet_predicate(found.words, found.clauses)
        if predicate:
            # "Kế hoạch chuyển đổi số ... trình ký chưa": what is done yet, not the title's.
            tries.append([u and n not in predicate for n, u in enumerate(plain)])
        # "nv iso điện tử mình phối hợp giờ được bn %": the asker's part in it says which
        # task, no title's words.
        parts = {n for n, k in enumerate(found.takers) if k in _PART_TAKERS}
        if parts:
            # ... nor the place the asker says it of, nor "thôi" closing it ("Sở mình chỉ
            # phối hợp vụ khảo sát y tế thôi đúng ko").
            opening = min(parts)
            if (
                opening
                and found.words[opening - 1] in _ASKERS_PLACES
                and not found.taken[opening - 1]
            ):
                parts.add(opening - 1)
            parts |= {n for n, w in enumerate(found.words) if w == "thoi" and not found.taken[n]}
            tries.append([u and n not in parts for n, u in enumerate(plain)])
        # "... là của nhiệm vụ nào": the words are said to be a task's.
        which = any(_which_task(said, c) for said, c in found.cues)
        if which:
            # "cột sản phẩm ghi \"Báo cáo kiểm tra\" là của nhiệm vụ nào": the line said, but
            # not the column it is read from.
            column = {
                k
                for said, c in found.cues
                if c.kind is CueKind.FIELD
                for a in _said_at(found, said, _CUE_TAKERS)
                for k in range(a, a + len(said))
            } | {n for n, w in enumerate(found.words) if w in _COLUMN_WORDS}
            tries.insert(0, [u and n not in column for n, u in enumerate(plain)])
        # A body named (not a section's subject: "nhắc sở tttt nộp kế hoạch chuyển đổi số").
        bodies = {k for m in found.names if not _only_sections(m) for k in range(m.start, m.end)}
        if requested or found.names:
            # "nhắc sở tư pháp việc rà soát đất đai", "bên tư pháp làm xong cuốn sổ tay nghiệp
            # vụ chưa": whom to remind, or who does it, is none of the title's.
            # ... but a field's name said after whom to remind may be the title's ("nhắc Sở Y
            # tế nộp bc khảo sát giáo dục"): first, only whom the request names is left out.
            reminded = {
                k
                for m in (_named_after_a_request(found) if requested else [])
                for k in range(m.start, m.end)
            }
            if reminded and reminded != bodies:
                tries.append([u and n not in reminded for n, u in enumerate(plain)])
            tries.append([u and n not in bodies for n, u in enumerate(plain)])
        if requested:
            # "nhắc vp hdnd ubnd nộp kế hoạch kiểm soát tthc": what is to be handed in, after
            # whom to remind, is the title; "nộp" is not.
            # ... nor whom it is sent to ("gửi hướng dẫn chữ ký số cho xã").
            recipients = _recipients(found.words)
            # ... nor the request's own words ("nhắc giúp"; "báo cáo tiến độ" before what was
            # done is told after a colon).
            requesting = {
                k
                for said, c in found.cues
                if c.kind is CueKind.ACTION
                for a in _said_at(found, said, _CUE_TAKERS)
                for k in range(a, a + len(said))
            }
            handed = [
                u
                and w not in _HANDED_TO
                and n not in bodies
                and n not in recipients
                and n not in requesting
                and found.takers[n] != CueKind.ACTION.value
                for n, (u, w) in enumerate(zip(plain, found.words, strict=True))
            ]
            # ... and the guidance to send may be no title's word ("gửi hướng dẫn chữ ký số").
            guidance = {k for i in _runs_of(found.words, _GUIDANCE) for k in (i, i + 1)}
            if any(handed[k] for k in guidance):
                tries.append([u and n not in guidance for n, u in enumerate(handed)])
            if not any(
                u and k != "report" and not self.lexicon.filler(w, m)
                for u, w, m, k in zip(handed, found.words, found.marks, found.takers, strict=True)
            ):
                return  # "nhắc stp gửi báo cáo kết quả đi": a report, no task's title
            tries.append(handed)
            # ... before what it is for ("đôn đốc phòng VH-XH gửi số liệu tuyên truyền CCHC
            # trên loa để kịp tổng hợp sơ kết").
            purpose = next(
                (
                    k
                    for k, w in enumerate(found.words)
                    if w == "de"
                    and k > 1
                    and agree(found.marks[k], _FOR_IT)
                    and found.words[k + 1 : k + 2] not in _DE_NOUNS
                ),
                None,
            )
            if purpose is not None:
                tries.append([u and n < purpose for n, u in enumerate(handed)])
            # ... said in the request's own clause ("nhắc svhttdl gửi kế hoạch tuyên truyền nhé,
            # tháng 2 hết hạn mà tết nghỉ dài").
            acting = _cue_clauses(found, CueKind.ACTION)
            if found.clauses and len(acting) == 1 and found.clauses[-1]:
                (clause,) = acting
                # ... with a body's bare name said inside it, which may be the title's
                # ("gia hạn việc khảo sát hài lòng y tế thêm 15 ngày nhé, phiếu chưa thu").
                # ... not a body said as one ("đôn đốc bên y tế").
                if any(
                    m.strength <= BARE
                    and found.clauses[m.start] == clause
                    and m.start
                    and not found.takers[m.start - 1]
                    and found.words[m.start - 1] not in ("ben", "so")
                    for m in found.names
                ):
                    tries.append([u and found.clauses[n] == clause for n, u in enumerate(plain)])
                tries.append([u and found.clauses[n] == clause for n, u in enumerate(handed)])
        reported = [n for n, k in enumerate(found.takers) if k == "report"]
        if (requested or "share" in found.takers) and reported:
            # "nhắc STP góp ý báo cáo rà soát tthc đất đai": the report of the task whose title
            # the words after it hold; "bc tiến độ nền tảng ...: đạt 70%", the task reported on.
            after = [u and n > reported[-1] for n, u in enumerate(plain)]
            said = {
                w
                for w, m, a, t in zip(found.words, found.marks, after, found.taken, strict=True)
                if a and not t and not self.lexicon.filler(w, m)
            }
            if len(said - self._whole_plan) >= _REPORTED_WORDS:
                tries.append(after)
        # "Kh hành động cải thiện PCI": a document a task makes, named as after a head.
        documented_head = self._product_named(found, usable)
        threshold = TITLE_COVER if heads or requested or documented_head or which else TITLE_ALONE
        words: list[str] = []
        marks: list[str | None] = []
        titled: list[tuple[TaskRef, float]] = []
        for chosen in tries:
            tried = [w for w, u in zip(found.words, chosen, strict=True) if u]
            tried_marks = [m for m, u in zip(found.marks, chosen, strict=True) if u]
            found_titles = self.tasks.find_titled(tried, tried_marks)
            if found_titles and (not titled or found_titles[0][1] > titled[0][1]):
                words, marks, titled = tried, tried_marks, found_titles
            if titled and titled[0][1] >= threshold:
                break
        if not titled or titled[0][1] < threshold:
            words, marks, titled = self._title_of_asking_clause(found, plain)
        if not titled or titled[0][1] < threshold:
            after_head = self._title_after_its_head(found, plain, bodies)
            if after_head is not None:
                words, marks, titled = after_head
        if requested and (not titled or titled[0][1] < threshold):
            # "nhắc Sở NN&MT gửi kết quả rà soát đất đai": what the body reminded is to do,
            # of the tasks it is given, where the words fit one clearly better than the rest.
            given = self._title_given_to_reminded(found, handed)
            if given is not None:
                words, marks, titled = given
                threshold = GIVEN_COVER
        if (not titled or titled[0][1] < threshold) and (
            of_a_task
            or requested
            or any(c.kind in (CueKind.FIELD, CueKind.ROLE) for _, c in found.cues)
        ):
            # "cái vụ scan giấy tờ cũ trong kho lưu trữ của phường xong chưa": a task said in
            # everyday words after its head, asked of, is the one they fit far better than
            # any other, though many of the words are no title's.
            clear = self._title_far_ahead(found, plain, bodies)
            # ... the one all the words fit best, too, where they fit one at all.
            if clear is not None and (not titled or clear[2][0][0] == titled[0][0]):
                words, marks, titled = clear
                threshold = FAR_AHEAD_COVER
        if not titled or titled[0][1] < threshold:
            return
        if short and not self.tasks.holds(titled[0][0], named):
            return
        asked = {w for w, m in zip(words, marks, strict=True) if not self.lexicon.filler(w, m)}
        near = len(titled) > 1 and titled[1][1] >= TITLE_CLOSE * titled[0][1]
        # ... and so do words two titles both hold, every one, where they fit both nearly as
        # well ("cuộc thi tìm hiểu CCHC" of two contests), however one title orders them.
        alike = (
            len(titled) > 1
            and not near
            and titled[1][1] >= TITLE_ALIKE * titled[0][1]
            and all(self.tasks.title_holds(r, words) for r, _ in titled[:2])
        )
        if found.quoted_title in {r for r, _ in titled}:
            # A title pasted in quotes, word for word, is its task's, however near others are.
            titled = [e for e in titled if e[0] == found.quoted_title]
            near = alike = False
        if not heads and (near or alike):
            # Words several titles share name no one task. The plan's own subject ("cải
            # cách hành chính") is the whole plan; other words ("thủ tục hành chính" of a
            # plan with no section of that name) ask which of those tasks is meant.
            talk = {k for k in found.takers} & {CueKind.HELP.value, CueKind.OFF_TOPIC.value}
            close = [
                (r, s)
                for r, s in titled
                if s >= TITLE_CLOSE * titled[0][1]
                or (alike and s >= TITLE_ALIKE * titled[0][1] and self.tasks.title_holds(r, words))
            ]
            # A section's name the titles all hold is theirs: "hội nghị tổ chức chưa" names
            # no section IV (Cải cách tổ chức bộ máy).
            names = [
                m
                for m in found.names
                if m.options[0][0].kind != "section"
                or not all(self.tasks.holds_run(r, found.words[m.start : m.end]) for r, _ in close)
            ]
            # A period said of things done or not yet, or of one task's field, is theirs:
            # "hội nghị năm nay tổ chức chưa", "hội nghị năm nay hạn chót khi nào" ask which
            # conference, not for the year's tasks.
            # ... but the day a task is to be extended to is the request's ("gia hạn rà
            # soát TTHC đến 31/10": which review?).
            extending = _asks_to_extend(found)
            dated = found.periods and not of_a_task and not extending
            # ... where they are titles alike, the best of them is read on.
            blocked = names or dated or talk or asked <= _PLAN_SUBJECT
            if blocked and near:
                return
            if not blocked:
                # "rà soát TTHC hạn 30/9 xong chưa": of those tasks, the ones due then.
                due = self._due_as_said(found.words, found.periods, found.period_spans)
                close = _of_those_due(found, close, due)
                if not extending:
                    found.periods, found.period_spans = [], []
                found.names = [m for m in found.names if m in names]
                typed = self._said_as_typed(found, [r for r, _ in close])
                of_kind = self._of_kind_said(found, typed)
                # ... each the row of it the words name, where one is named (titles alike
                # offered as the close ones are).
                found.titled = [
                    (self.tasks.row_named(r, words, marks), max(s, TITLE_CLOSE * titled[0][1]))
                    for r, s in close
                    if r in of_kind
                ]
                found.why.append("titles " + ", ".join(r.label for r, _ in found.titled))
                return
        # Of a task with several rows, the row the words name, where one is named.
        first = self.tasks.row_named(titled[0][0], words, marks)
        found.titled = [(first, titled[0][1]), *titled[1:]]
        # Names inside the title belong to it: "số hóa hồ sơ TTHC" is no section III, and
        # "trung tâm HCC" of "phục vụ của Trung tâm Phục vụ hành chính công" no agency.
        # "nhắc ubnd cấp huyện gửi ...": whom to remind, said right after, stays; so does
        # one said again right after words that take a slip back ("nhắc snv ..., à nhầm, stc").
        whom = [
            m
            for m in found.names
            if requested
            and m.start
            and found.takers[m.start - 1] in (CueKind.ACTION.value, "correction")
        ]
        for m in found.names:
            # ... and those listed with them ("nhắc kho bạc với stc ...").
            if whom and m not in whom and _listed_after(found, whom[-1], m):
                whom.append(m)
        found.names = [
            m
            for m in found.names
            if m in whom
            or not (
                # "nhắc sxd ... rà soát tthc xây dựng": whom to remind stays, unless said
                # before ("nhắc công an các xã vụ an ninh ở trung tâm hcc")
                self.tasks.holds_run(titled[0][0], found.words[m.start : m.end])
                if requested and not whom
                else self._in_title(titled[0][0], found.words, m)
            )
        ]
        # So do its dates: "tổng kết CCHC năm 2026" names the task, not the year.
        spans = [
            (p, (a, b))
            for p, (a, b) in zip(found.periods, found.period_spans, strict=True)
            if not self.tasks.holds(titled[0][0], found.words[a:b])
        ]
        found.periods = [p for p, _ in spans]
        found.period_spans = [span for _, span in spans]
        found.why.append("title " + ", ".join(f"{r.label}:{s}" for r, s in titled[:3]))

    def _title_far_ahead(
        self, found: _Found, plain: Sequence[bool], bodies: Collection[int]
    ) -> tuple[list[str], list[str | None], list[tuple[TaskRef, float]]] | None:
        """The task whose title the words said after one task's head in its clause ("vụ",
        "nhiệm vụ", "việc"; not "mấy việc", "những việc") fit far better than any other's."""
        words, marks = found.words, found.marks
        for k, w in enumerate(words[:-1]):
            head = (w == "vu" and agree(marks[k], _MATTER)) or w == "viec"
            if not head or not plain[k] or (k and words[k - 1] in _MANY_BEFORE_A_HEAD):
                continue
            run = [
                n
                for n in range(k + 1, len(words))
                if found.clauses[n] == found.clauses[k] and plain[n] and n not in bodies
            ]
            said = [words[n] for n in run if not self.lexicon.filler(words[n], marks[n])]
            if len(set(said) - self._whole_plan) < _FAR_AHEAD_WORDS:
                continue
            typed = [words[n] for n in run]
            typed_marks = [marks[n] for n in run]
            titled = self.tasks.find_titled(typed, typed_marks, cover=FAR_AHEAD_COVER)
            if not titled or (len(titled) > 1 and titled[1][1] > FAR_AHEAD * titled[0][1]):
                continue
            # ... holding several of the words, not two that many titles say ("đơn vị").
            best = titled[0][0]
            held = {w for w in said if w not in self._general and self.tasks.holds(best, [w])}
            if len(held) >= _FAR_AHEAD_WORDS:
                return typed, typed_marks, titled[:1]
        return None

    def _title_given_to_reminded(
        self, found: _Found, handed: Sequence[bool]
    ) -> tuple[list[str], list[str | None], list[tuple[TaskRef, float]]] | None:
        """The task, of those given to the one body a request reminds, whose title the words
        handed to it fit clearly better than the others'."""
        reminded = _named_after_a_request(found)
        if len(reminded) != 1 or _only_sections(reminded[0]):
            return None
        given = self._given_to_named(reminded[0])
        if not given:
            return None
        # ... said in the request's own clause: "nhắc stc giúp mình nhé, đợi mãi chưa thấy
        # kinh phí" is why, not what.
        acting = _cue_clauses(found, CueKind.ACTION)
        said = [
            u and (not found.clauses or found.clauses[n] in acting) for n, u in enumerate(handed)
        ]
        words = [w for w, u in zip(found.words, said, strict=True) if u]
        marks = [m for m, u in zip(found.marks, said, strict=True) if u]
        titled = self.tasks.find_titled(
            words, marks, cover=GIVEN_COVER, within=self.tasks.positions(given)
        )
        if not titled or (len(titled) > 1 and titled[1][1] >= TITLE_CLOSE * titled[0][1]):
            return None
        return words, marks, titled[:1]

    def _in_title(self, task: TaskRef, words: Sequence[str], mention: Mention) -> bool:
        """Whether the task's text holds a name, as typed or as its agency is named."""
        if self.tasks.holds(task, words[mention.start : mention.end]):
            return True
        target = mention.options[0][0]
        if target.kind == "section" and task.section in target.values:
            return True  # "hội nghị ở mục VIII": a task of that section
        return target.kind == "agency" and any(
            self.tasks.holds(task, named)
            for key in target.values
            for named in self._agency_words.get(key, ())
        )

    def _title_after_its_head(
        self, found: _Found, plain: Sequence[bool], bodies: Collection[int]
    ) -> tuple[list[str], list[str | None], list[tuple[TaskRef, float]]] | None:
        """ "Đề nghị Văn phòng cho biết tình hình triển khai nhiệm vụ hoàn thiện nền tảng chia
        sẻ dữ liệu": the title said after "nhiệm vụ", a formal request's words before it; one
        task, clearly."""
        heads = [
            k + 2
            for k in range(len(found.words) - 1)
            if found.words[k : k + 2] == ["nhiem", "vu"] and plain[k] and plain[k + 1]
        ]
        if not heads:
            return None
        after = [u and n >= heads[-1] and n not in bodies for n, u in enumerate(plain)]
        words = [w for w, u in zip(found.words, after, strict=True) if u]
        marks = [m for m, u in zip(found.marks, after, strict=True) if u]
        # ... words of its own, not the plan's subject ("nhiệm vụ cchc chung").
        said = {w for w, m in zip(words, marks, strict=True) if not self.lexicon.filler(w, m)}
        if len(said - self._whole_plan) < _AFTER_A_HEAD:
            return None
        titled = self.tasks.find_titled(words, marks)
        if len(titled) > 1 and titled[1][1] >= TITLE_CLOSE * titled[0][1]:
            return None
        return words, marks, titled

    def _title_of_asking_clause(
        self, found: _Found, usable: Sequence[bool]
    ) -> tuple[list[str], list[str | None], list[tuple[TaskRef, float]]]:
        """The words, marks and titles of the one clause that asks, where the question has
        others: "Quy hoạch tỉnh thời kỳ 2021-2030 tới đâu rồi, cuối năm phải báo cáo rồi"
        names its task in the clause that asks; the other says why, or when (its dates are
        dropped with ``_drop_periods_of_context``). The clause's words must say more than the
        plan and fit a title as well as a question's alone."""
        clause = self._asking_clause(found)
        if clause is None:
            return [], [], []
        chosen = [u and c == clause for u, c in zip(usable, found.clauses, strict=True)]
        words = [w for w, u in zip(found.words, chosen, strict=True) if u]
        marks = [m for m, u in zip(found.marks, chosen, strict=True) if u]
        said = {w for w, m in zip(words, marks, strict=True) if not self.lexicon.filler(w, m)}
        if said <= self._whole_plan:
            return [], [], []  # "..., cho mình xin tình hình thực hiện chung của kế hoạch"
        titled = self.tasks.find_titled(words, marks)
        predicate = _yet_predicate(found.words, found.clauses)
        if predicate and (not titled or titled[0][1] < TITLE_ALONE):
            # "Kế hoạch chuyển đổi số ... trình ký chưa em? Gấp nhé, ...": and without what
            # is asked done yet.
            kept = [u and n not in predicate for n, u in enumerate(chosen)]
            words = [w for w, u in zip(found.words, kept, strict=True) if u]
            marks = [m for m, u in zip(found.marks, kept, strict=True) if u]
            titled = self.tasks.find_titled(words, marks)
        dated = {k for a, b in found.period_spans for k in range(a, b)}
        if dated & {n for n, u in enumerate(chosen) if u} and (
            not titled or titled[0][1] < TITLE_ALONE
        ):
            # "... xác định chỉ số của Bộ năm nay thì đơn vị nào chủ trì?": and without when.
            kept = [u and n not in dated for n, u in enumerate(chosen)]
            undated = [w for w, u in zip(found.words, kept, strict=True) if u]
            undated_marks = [m for m, u in zip(found.marks, kept, strict=True) if u]
            again = self.tasks.find_titled(undated, undated_marks)
            if again and (not titled or again[0][1] > titled[0][1]):
                words, marks, titled = undated, undated_marks, again
        if not titled or titled[0][1] < TITLE_ALONE:
            return [], [], []
        return words, marks, titled

    @staticmethod
    def _asking_clause(found: _Found, acting: bool = False) -> int | None:
        """The one clause of several that holds the words clearly asking something of the
        plan ("xong chưa", not the "hạn" of "hạn từ tháng 6 rồi mà chưa thấy báo cáo");
        ``acting``: or asking the bot to act ("nhắc ...")."""
        asking = QuestionReader._asking_clauses(found, acting)
        return asking.pop() if len(asking) == 1 else None

    @staticmethod
    def _asking_clauses(found: _Found, acting: bool = False) -> set[int]:
        """The clauses of several that hold the words clearly asking something of the plan;
        none where the message is one clause."""
        if not found.clauses or not found.clauses[-1]:
            return set()
        kinds = (CueKind.ASK, CueKind.FIELD, CueKind.ACTION) if acting else _ASKING_KINDS
        takers = {k.value for k in kinds}
        asking = {
            clause
            for said, cue in found.cues
            if cue.kind in kinds and cue.weight >= CLEAR
            for clause in _clauses_saying(found, said, takers)
        }
        # ... or that asks "yet?": "đề án ... đã trình tỉnh chưa, sếp đang hỏi".
        return asking or {found.clauses[k] for k in _yet_at(found.words, found.clauses)}

    def _drop_periods_of_context(self, found: _Found) -> None:
        """Dates said in another clause than the one that asks are the asker's context ("Mai
        họp giao ban rồi. Quý I còn bao nhiêu việc chưa xong?", "nhiệm vụ I.5 hạn lúc nào?
        Nghe nói quý III mới làm"): where the asking clause has its own, or asks of a task
        (not to act on it), or asks to remind."""
        if not found.periods:
            return
        words, clauses = found.words, found.clauses
        if (
            "a slip taken back" in found.why
            and found.correction is not None
            and all(a >= found.correction[1] for a, _ in found.period_spans)
        ):
            return  # "tuần này có gì ko, à nhầm, tuần sau cơ": the window said again
        extending = _asks_to_extend(found)

        def moved_to(span: tuple[int, int]) -> bool:
            return words[span[0]] in _TO_A_DAY or words[span[0] - 1 : span[0]] == ["sang"]

        moved = [moved_to(span) for span in found.period_spans]
        if extending and any(moved) and not all(moved):
            # "gia hạn nhiệm vụ I.2 từ ngày 30/11 sang ngày 15/12": the day it moves to.
            _keep_periods(found, moved_to)
            return
        to_date = {
            clauses[k]
            for k in range(len(words) - 1)
            if tuple(words[k : k + 2]) in _TO_DATE
            and agree(found.marks[k], _TO_DATE_MARKS.get(words[k]))  # "tối nay": tonight
        }
        if len(to_date) == 1 and len(set(clauses)) > 1:
            # "Cho chị bản tóm tắt ... đến giờ. Chiều nay sếp duyệt báo cáo 9 tháng rồi.":
            # asked up to now, so the other clause's window is the asker's context.
            _keep_periods(found, lambda span: clauses[span[0]] in to_date)
            return
        if len(found.questioned) == 1:
            # "Đầu tháng 7 đối tác rà soát, cần danh sách, gì phải xong trước 30/6?": the
            # question asks which tasks, in a window of its own.
            (asked,) = found.questioned
            statused = asked in _cue_clauses(found, CueKind.STATUS)
            if statused and any(clauses[a] == asked for a, _ in found.period_spans):
                _keep_periods(found, lambda span: clauses[span[0]] == asked)
                return
            if statused and found.beside and asked not in found.beside:
                # "prepping the Q3 review deck. whats overdue?": the report's own window.
                _keep_periods(found, lambda span: clauses[span[0]] not in found.beside)
        if _asks_of_no_window(found) and _asks_in(found, clauses[-1]):
            # "Tuần sau Chánh văn phòng làm việc với Sở Nội vụ, em tóm tắt tình hình các việc
            # bên mình", "đoàn kiểm tra tuần sau về, mình còn gì chưa hoàn thành": when a
            # meeting is, before a question of how things stand or what is not done.
            met = _meeting_clauses(found) - {clauses[-1]}
            _keep_periods(found, lambda span: clauses[span[0]] not in met)
        clause = self._asking_clause(found, acting=True)
        if clause is None:
            return
        # "Chiều nay phải trình lãnh đạo báo cáo quý III. Liệt kê ... quá hạn": a report's
        # dates, said in another clause than one that asks for tasks, are the report's.
        of_tasks = any(
            clause in _clauses_saying(found, said, {c.kind.value})
            for said, c in found.cues
            if c.kind is CueKind.STATUS or (c.kind is CueKind.ASK and c.value in _OF_TASKS_ASKED)
        )
        if of_tasks:
            _keep_periods(
                found,
                lambda span: (
                    clauses[span[0]] == clause or words[max(0, span[0] - 2) : span[0]] != _A_REPORT
                ),
            )
            if not found.periods:
                return
        actions = {c.value for _, c in found.cues if c.kind is CueKind.ACTION and c.weight >= CLEAR}
        own = [found.clauses[a] == clause for a, _ in found.period_spans]
        if extending and any(moved) and not any(own):
            # "xin lùi hạn nv II.3.2 báo cáo rà soát, hệ thống hóa ... đến 30/11 vì ...": the
            # day asked for, wherever the task's words end.
            _keep_periods(found, moved_to)
            return
        of_a_task = bool(found.tasks or found.titled) and not actions
        if any(own) or of_a_task or Action.REMIND.value in actions or _now_in(found, clause):
            _keep_periods(found, lambda span: clauses[span[0]] == clause)
            return
        # ... or, after it, say something of their own ("..., tuần sau đi kiểm tra các đơn
        # vị": when the asker goes), not just when ("..., tuần sau ấy").
        said = {
            clauses[k]
            for k, (w, m) in enumerate(zip(words, found.marks, strict=True))
            if not found.taken[k] and not self.lexicon.filler(w, m)
        }
        _keep_periods(
            found, lambda span: clauses[span[0]] <= clause or clauses[span[0]] not in said
        )

    def _inside_titles(self, found: _Found, usable: list[bool]) -> list[bool]:
        """Cue words typed between two free words of a question's clause (not both fillers,
        nor the question's polite last words) are words of the title they sit in: "an toàn
        thông tin mạng" holds "thông tin", which alone asks for a task's details."""
        words, n = found.words, len(found.words)
        # A question's polite last words ("... đến đâu rồi em?") hold no title.
        end = _polite_end(found)

        def free(k: int) -> bool:
            return 0 <= k < end and not found.taken[k]

        def filler(k: int) -> bool:
            return self.lexicon.filler(words[k], found.marks[k])

        def last(k: int) -> bool:
            # ... nor a clause's last word, a filler: "... ai chủ trì thế? Năm ngoái ...".
            return filler(k) and (k + 1 == n or found.clauses[k + 1] != found.clauses[k])

        out = list(usable)
        i = 0
        while i < n:
            if usable[i] or found.takers[i] in _NOT_CUES:
                i += 1
                continue
            k = i
            while k < n and not usable[k] and found.takers[k] not in _NOT_CUES:
                k += 1
            if (
                free(i - 1)
                and free(k)
                and not last(k)
                and not (filler(i - 1) and filler(k))
                and found.clauses[i - 1] == found.clauses[k]
            ):
                out[i:k] = [True] * (k - i)
            i = k
        return out

    def _product_named(self, found: _Found, usable: Sequence[bool]) -> bool:
        """Whether "kế hoạch" heads words no step took that are not the plan's own subject
        ("Kh hành động cải thiện PCI"; not "kế hoạch kiểm soát TTHC nói chung"): the
        document a task makes, named as a task is after "nhiệm vụ"."""
        words, clauses = found.words, found.clauses or [0] * len(found.words)
        for k in _runs_of(words, ("ke", "hoach")):
            after = set()
            for n in range(k + 2, len(words)):
                if not usable[n] or clauses[n] != clauses[k]:
                    break
                if not self.lexicon.filler(words[n], found.marks[n]):
                    after.add(words[n])
            as_a_whole = any(_holds(words[k + 2 :], pair) for pair in _AS_A_WHOLE)
            if after - self._whole_plan and not as_a_whole:
                return True
        return False

    def _greeting(self, found: _Found) -> set[int]:
        """The words of the clauses that are small talk alone: a greeting, a wish."""
        talk = CueKind.OFF_TOPIC.value
        clauses = found.clauses or [0] * len(found.words)
        chatty = {c for c, k in zip(clauses, found.takers, strict=True) if k == talk}
        for n, (c, k) in enumerate(zip(clauses, found.takers, strict=True)):
            if k != talk and not self.lexicon.filler(found.words[n], found.marks[n]):
                chatty.discard(c)
        return {n for n, c in enumerate(clauses) if c in chatty}

    def _has_task_head(self, found: _Found, usable: Sequence[bool]) -> bool:
        """A word such as "nhiệm vụ" or "việc" that no cue took: a task named by its title."""
        words = found.words
        for head, written in self.lexicon.task_heads.items():
            n = len(head)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) != head or not all(usable[i : i + n]):
                    continue
                typed = found.marks[i : i + n]
                if any(all(map(agree, typed, marks)) for marks in written):
                    return True  # "số" is a head, "sở" is not
        # "vụ khảo sát người bệnh ...", "cái vụ scan giấy tờ cũ": "the matter of", opening what
        # is said of it; not a body's "Vụ", nor a section named after it ("vụ chuyển đổi số").
        if any(
            w == "vu"
            and usable[i]
            and agree(found.marks[i], _MATTER)
            and (i == 0 or words[i - 1] in _MATTER_BEFORE)
            and not any(m.start == i + 1 for m in found.names)
            for i, w in enumerate(words[:-1])
        ):
            return True
        # "cái báo cáo hạn 30/9 xong chưa", "cái kế hoạch hạn 15/1 làm xong chưa": the
        # report, or the document named by its deadline, a task makes, asked whether done.
        return _ends_with_yet(words, found.clauses) and any(
            w == "cai"
            and usable[i]
            and (
                found.takers[i + 1] == "report"
                or (
                    tuple(words[i + 1 : i + 3]) in _DOCUMENT_KINDS
                    and all(usable[i + 1 : i + 3])
                    and words[i + 3 : i + 4] == ["han"]
                )
            )
            for i, w in enumerate(words[:-1])
        )


def _place_at(text: str, start: int) -> tuple[str, int]:
    """The place named from ``start`` on, folded, and where it ends: its words while they
    begin with a capital ("Lê Chân" of "phường Lê Chân mới thành lập"); empty where the first
    does not."""
    words: list[str] = []
    end = start
    for m in re.finditer(r"\S+", text[start : start + 60]):
        word = m[0].strip(",.;:!?()\"'")
        # "Lê", "Ia", not "QIV" or "CÒN" typed in capitals
        if not word.isalpha() or not word[0].isupper() or word[1:].isupper():
            break
        words.append(word)
        end = start + m.start() + len(word)
        if word != m[0]:  # "Đông Hà, ...": the name ends at its comma
            break
    return fold(" ".join(words)), end


def _yet_at(words: Sequence[str], clauses: Sequence[int]) -> list[int]:
    """Where a clause of the question ends by asking "yet?": the place of its "chưa" ("...
    trình chưa nhỉ", "đề án ... đã trình tỉnh chưa, sếp đang hỏi")."""
    ends = [k + 1 for k in range(len(words) - 1) if clauses[k] != clauses[k + 1]]
    out = []
    for end in (*ends, len(words)):
        while end and words[end - 1] in _POLITE_ENDS:
            end -= 1
        if end and words[end - 1] == "chua":
            out.append(end - 1)
    return out


def _ends_with_yet(words: Sequence[str], clauses: Sequence[int]) -> bool:
    return bool(_yet_at(words, clauses))


def _yet_predicate(words: Sequence[str], clauses: Sequence[int]) -> set[int]:
    """The two words before a clause's last "chưa", what is asked done yet ("trình ký",
    "ban hành"; a year is the title's)."""
    return {
        n
        for k in _yet_at(words, clauses)
        for n in (k - 2, k - 1)
        if n >= 0 and clauses[n] == clauses[k] and words[n].isalpha()
    }


def _clauses(typed: str, words: Sequence[Word]) -> list[int]:
    """The clause of each word: a new one after a comma, a semicolon, a question or
    exclamation mark, a full stop that ends a sentence ("1.a" is one word's) or a dash
    between spaces."""
    clause, out = 0, []
    texts = [w.text for w in words]
    for k, word in enumerate(words):
        # (searched up to the next word's first letter, which a dot inside "7.a.1" meets)
        brk = k and _CLAUSE_BREAK.search(typed, words[k - 1].end, word.start + 1)
        if brk and brk.group().strip() in _DASHES and _digits(texts[k - 1]) and _digits(word.text):
            brk = None  # "từ 15/6 - 30/6": the days' range, one clause
        if (brk and brk.start() < word.start) or (k and _unknowing_at(texts, k)):
            clause += 1
        out.append(clause)
    return out


_DASHES = frozenset("-–—")
# Words that point back to a time said before them ("Is anything due then?").
_BACK_TO_A_TIME = frozenset({"then", "luc", "khi"})
# The end of a sentence, before the space that opens the next ("... quý I. Quý vừa rồi").
_SENTENCE_END = re.compile(r"[.!?…]+\s")
# "phòng mình với Văn phòng HĐND-UBND": two bodies, no division of the second.
_AND_WITH = frozenset({"voi", "vs", "va"})


def _digits(word: str) -> bool:
    return word[:1].isdigit()


def _unknowing_at(words: Sequence[str], k: int) -> bool:
    """Whether a remark of what the asker does not know opens at ``k`` ("... ai chủ trì mà em
    chưa biết trả lời sao"): "mà", whom, "chưa/không biết"."""
    return (
        words[k] == "ma"
        and k + 1 < len(words)
        and words[k + 1] in _SELF | {"e"}
        and words[k + 2 : k + 4] in (["chua", "biet"], ["khong", "biet"], ["ko", "biet"])
    )


def _take_divisions(found: _Found) -> None:
    """ "phòng PC06 CA TP", "phòng CĐS Sở KHCN": a division inside the body named right
    after it is that body's, its words no title's."""
    for mention in found.names:
        for k in range(mention.start - 1, max(-1, mention.start - 4), -1):
            if found.taken[k] or (
                found.clauses and found.clauses[k] != found.clauses[mention.start]
            ):
                break
            between = set(found.words[k + 1 : mention.start])
            if found.words[k] == "phong" and not between & _AND_WITH:
                found.take(
                    k, mention.start, "a division of " + found.raw[mention.start], "division"
                )
                break


# The heads of a plan's deadline column, said before the deadline they quote.
_DEADLINE_COLUMNS = frozenset({("thoi", "gian", "hoan", "thanh"), ("thoi", "gian", "thuc", "hien")})


def _which_task(said: Phrase, cue: Cue) -> bool:
    """Whether a cue asks which task words are of ("thuộc nhiệm vụ nào", "nv số mấy")."""
    return (
        cue.kind is CueKind.FIELD and cue.value == TaskField.CARD.value and said[-1] in _WHICH_ONE
    )


def _deadline_window(words: Sequence[str], period: Period, at: int) -> tuple[date, date]:
    """The days a deadline said at ``at`` names: "hạn trước ngày 15/12" is the day itself,
    not the year up to it."""
    return (period.end if words[at] == "truoc" else period.start), period.end


def _is_deadline_head(words: Sequence[str]) -> bool:
    """Whether ``words`` say that a deadline follows ("hạn", "thời gian hoàn thành")."""
    return list(words) in (["han"], ["han", "trong"]) or tuple(words) in _DEADLINE_COLUMNS


def _deadlines_said(words: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Whether each window is said as a deadline: after "hạn", or after "với" or "và"
    joining it to one that is ("hạn 15/6 với 15/12")."""
    said: list[bool] = []
    for n, (a, _) in enumerate(spans):
        # ("hạn cuối tháng 9": the month's end; "thời gian hoàn thành Quý II năm 2026", as
        # the plan's column heads it)
        after = (
            a > 0
            and (
                words[a - 1] in ("han", "deadline")  # "deadline", typed so in Vietnamese
                or words[max(0, a - 2) : a] in (["han", "cuoi"], ["han", "ngay"])
                or tuple(words[max(0, a - 4) : a]) in _DEADLINE_COLUMNS
                # ... where "hạn trong quý 4" is a window, unless read off the plan ("ghi hạn
                # trong ...")
                or words[max(0, a - 3) : a] == ["ghi", "han", "trong"]
            )
        )
        joined = n > 0 and said[n - 1] and spans[n - 1][1] + 1 == a and words[a - 1] in _JOINED
        said.append(after or joined)
    return said


def _of_those_due(
    found: _Found, titled: list[tuple[TaskRef, float]], due: Collection[TaskRef]
) -> list[tuple[TaskRef, float]]:
    """Of ``titled``, the tasks ``due``, where some are."""
    kept = [(r, s) for r, s in titled if TaskRef(r.section, r.number) in due]
    if not kept or len(kept) == len(titled):
        return titled
    found.why.append("due then " + ", ".join(r.label for r, _ in kept))
    return kept


def _asker_typed_short(word: str) -> bool:
    """Whether a word is the asker typed as one letter ("tóm tắt ... giúp c", "gửi a"): no
    title's word."""
    return len(word) == 1 and word in _SELF


def _asks_to_extend(found: _Found) -> bool:
    return any(c.kind is CueKind.ACTION and c.value == Action.EXTEND.value for _, c in found.cues)


def _listed_after(found: _Found, first: Mention, then: Mention) -> bool:
    """Whether ``then`` is named right after ``first``, after "và", "với" or a comma."""
    if then.start == first.end + 1:
        return found.words[first.end] in _LISTING
    return then.start == first.end and found.clauses[then.start] != found.clauses[first.end - 1]


def _acts_on_a_task(found: _Found) -> bool:
    """Whether something is asked to be done ("gia hạn", "nhắc", "đánh dấu hoàn thành"),
    and nothing of many tasks asked."""
    return any(c.kind is CueKind.ACTION and c.weight >= CLEAR for _, c in found.cues) and not any(
        _of_many_tasks(p, c) for p, c in found.cues
    )


def _only_task_of(vocabulary: PlanVocabulary, section: str | None) -> TaskRef | None:
    """The task of a part that holds only one."""
    if section is None:
        return None
    refs = [TaskRef(t.section, t.number) for t in vocabulary.tasks if t.section == section]
    return refs[0] if len(refs) == 1 else None


def _one_tasks_field_asked(found: _Found, deadline: Collection[Phrase] = ()) -> bool:
    """Whether a field of one task other than its deadline is asked ("ai chủ trì", "xong
    chưa"), and nothing of many ("ds nv hạn quý 1", "hạn quý III có mấy việc", "tasks due
    between 1 June and 30 Sept"). ``deadline``: the words that say the task's deadline
    ("có hạn" of "việc có hạn tháng 2 thì sản phẩm là gì"), which ask none."""
    if any(_of_many_tasks(p, c) for p, c in found.cues):
        return False
    fields = {
        c.value
        for said, c in found.cues
        if c.kind is CueKind.FIELD and c.weight >= CLEAR and said not in deadline
    }
    if TaskField.DUE.value in fields:
        return False
    kinds = {c.kind for said, c in found.cues if said not in deadline}
    # "việc hạn 20/02 cho a xem chi tiết", "... cho a xem đầy đủ thông tin": a task's card,
    # however lightly or strongly asked.
    card = any(c.kind is CueKind.FIELD and c.value == TaskField.CARD.value for _, c in found.cues)
    return bool(fields & _OF_ONE_TASK) or (
        (fields == {TaskField.PROGRESS.value} or (card and fields <= {TaskField.CARD.value}))
        and not kinds & _OF_MANY
    )


def _drop_turn_to_a_topic(found: _Found) -> None:
    """ "còn những việc mình chỉ phối hợp thì gồm nv nào": "còn ... thì" opening the message
    turns to a topic ("and as for ..."), no "còn" of what is left to do; so does "còn" said
    right before a body ("còn VP UBND tỉnh chủ trì mấy việc", as a chat's next turn)."""
    words, clauses = found.words, found.clauses
    if words[:1] != ["con"]:
        return
    body = any(m.start == 1 for m in found.names)
    topic = "thi" in words[1:] and clauses and clauses[words.index("thi", 1)] == clauses[0]
    if not (body or topic):
        return
    turned = [
        (said, c)
        for said, c in found.cues
        if c.kind in (CueKind.STATUS, CueKind.ASK)
        and said[0] == "con"
        and 0 in _said_at(found, said, {c.kind.value})
        and (c.kind is CueKind.STATUS or said[1:] in _TASK_HEADS_AFTER_FEW)
    ]
    for said, _ in turned:
        found.release(1, len(said), "a turn to a topic")  # "còn việc hạn 15/01 thì ...": a head
    found.cues = [e for e in found.cues if e not in turned]


# The words a clause turns to the question with, after one that says what was done.
_TURNS = frozenset({"con", "gio"})


def _drop_what_was_done_before_the_turn(found: _Found) -> None:
    """ "việc III.1 xong rồi, còn III.2 tới đâu rồi", "Pháp chế báo xong việc 2 rồi, còn
    việc 3 thì bên nào phối hợp?": a clause that says what was done ("... rồi"), before one
    that turns to the question ("còn", "giờ"), is context: a task or a body said in it is not
    the one asked about where the question names its own, nor are its dates, its state or its
    request."""
    words, clauses = found.words, found.clauses
    if not clauses:
        return
    turn = next(
        (k for k in range(1, len(words)) if clauses[k] != clauses[k - 1] and words[k] in _TURNS),
        None,
    )
    if turn is None or "roi" not in words[:turn]:
        return
    if any(c < clauses[turn] for c in found.questioned):
        return  # "việc III.1 xong chưa?, còn ...": two questions
    tasks = any(t.start >= turn for t in found.tasks) and any(t.end <= turn for t in found.tasks)
    names = any(m.start >= turn for m in found.names) and any(m.end <= turn for m in found.names)
    if not (tasks or names):
        return
    if tasks:
        found.tasks = [t for t in found.tasks if t.start >= turn]
    if names:
        # "tuần rồi Sở KHCN gửi hướng dẫn qua rồi, giờ VP UBND tỉnh còn việc nào chưa xong"
        found.names = [m for m in found.names if m.start >= turn]
    _keep_periods(found, lambda span: span[0] >= turn)
    if tasks:
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (
                c.kind in (CueKind.STATUS, CueKind.ACTION)
                and all(k < turn for k in _said_at(found, said, {c.kind.value}))
            )
        ]
    found.why.append("what was done, before the turn to the question")


def _drop_count_of_a_topic(found: _Found) -> None:
    """ "Mấy việc sở mình phối hợp thì còn việc mô chưa xong ko": "mấy việc" opening a topic
    before "thì" are those tasks, no count, where which of them is asked after it."""
    topic = _topic_end(found)
    if topic is None:
        return
    asks = [
        (said, c, min(_said_at(found, said, {c.kind.value}), default=-1))
        for said, c in found.cues
        if c.kind is CueKind.ASK and c.value in (Ask.COUNT.value, Ask.LIST.value)
    ]
    if not any(c.value == Ask.LIST.value and k > topic for _, c, k in asks):
        return
    if any(c.value == Ask.COUNT.value and k > topic for _, c, k in asks):
        return
    counts = {(said, c) for said, c, k in asks if c.value == Ask.COUNT.value and 0 <= k < topic}
    if counts:
        found.cues = [e for e in found.cues if e not in counts]
        found.why.append("a topic's tasks, no count")


def _take_clock_times(found: _Found) -> None:
    """ "chiều nay 2h họp", "lúc 14h30": an hour of the day, no task "2.h"."""
    words = found.words
    for k, word in enumerate(words):
        if not _CLOCK.fullmatch(word) or found.taken[k]:
            continue
        before, after = words[k - 1 : k], words[k + 1 : k + 2]
        if (before and before[0] in _HOUR_BEFORE) or (after and after[0] in _HOUR_AFTER):
            found.take(k, k + 1, "an hour", "context")


# A visit or a round of work said right after its day ("tuần sau đoàn kiểm tra ...").
_VISITS = frozenset({"doan", "dot", "cuoc"})
# An hour typed "2h", "14h30"; the words it is said after ("chiều nay 2h", "lúc 9h") or
# before ("9h họp").
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])h(?:[0-5]\d)?")
_HOUR_BEFORE = frozenset({"nay", "mai", "luc", "chieu", "sang", "toi", "trua", "khoang", "tu"})
_HOUR_AFTER = frozenset({"hop", "sang", "chieu", "toi", "trua", "nay", "mai"})


def _take_rounds(found: _Found) -> None:
    """ "đợt cuối năm", "đợt giữa năm": which of a task's rounds, said beside its title's
    words; no word of the title, nor a window of its own."""
    words = found.words
    for k in range(len(words) - 2):
        if (
            words[k] == "dot"
            and tuple(words[k + 1 : k + 3]) in _ROUNDS
            and not any(found.taken[k : k + 3])
        ):
            found.take(k, k + 3, "round " + " ".join(words[k + 1 : k + 3]), "round")


# The rounds of a task done twice a year.
_ROUNDS = frozenset({("cuoi", "nam"), ("dau", "nam"), ("giua", "nam")})


def _drop_columns_of_an_export(found: _Found) -> None:
    """ "xuất danh sách nhiệm vụ ra file Excel, có đơn vị chủ trì, phối hợp và thời hạn": who
    leads, supports and when, said after "có" in a request for a file, are its columns, no
    field or status asked."""
    if not any(c.kind is CueKind.ASK and c.value == Ask.EXPORT.value for _, c in found.cues):
        return
    words = found.words
    having = next((k for k, w in enumerate(words) if w in ("co", "gom", "kem")), None)
    if having is None:
        return
    # ... with what each says beside it ("thời hạn": a deadline's field and status).
    columns = {
        said
        for said, c in found.cues
        if c.kind in (CueKind.FIELD, CueKind.ROLE)
        and _holds(words[having + 1 :], said)
        and not _holds(words[:having], said)
    }
    if columns:
        found.cues = [(said, c) for said, c in found.cues if said not in columns]
        found.why.append("the file's columns")


def _take_besides(found: _Found) -> None:
    """ "ngoài tra tiến độ thì bot còn làm được gì nữa", "ngoài stp thì còn sở nào quá hạn":
    what is set aside, between "ngoài" and "thì" before "còn", is not asked."""
    words = found.words
    for k, word in enumerate(words):
        if word != "ngoai" or found.taken[k]:
            continue
        end = next(
            (j for j in range(k + 1, min(k + _BESIDES_AT_MOST, len(words))) if words[j] == "thi"),
            None,
        )
        if end is not None and "con" in words[end + 1 : end + 4]:
            found.take(k, end + 1, "besides " + " ".join(words[k + 1 : end]), "besides")
            found.names = [m for m in found.names if not k < m.start < end]
            also = words.index("con", end + 1)
            if not found.taken[also]:
                found.take(also, also + 1, "also", "besides")  # "còn" of "also": no status
            return


def _take_those_bodies(found: _Found) -> None:
    """ "VP Bộ, Thanh tra Bộ với Vụ Pháp chế: mấy đơn vị đó còn việc nào chưa xong", "làm việc
    với mấy xã": "mấy" before bodies pointed back to, or met with, is "those", no count."""
    words = found.words
    for k, word in enumerate(words):
        if word != "may" or found.taken[k]:
            continue
        for body in _BODY_NOUNS:
            end = k + 1 + len(body)
            if tuple(words[k + 1 : end]) != body or any(found.taken[k:end]):
                continue
            if end < len(words) and words[end] in _POINTING_BACK and not found.taken[end]:
                found.take(k, end + 1, "those " + " ".join(body), "those")
            elif k and words[k - 1] in _WITH_THOSE:
                # "chị sắp xuống làm việc với mấy xã": the communes, no count
                found.take(k, end, "those " + " ".join(body), "those")
            break


def _join_clauses_of_names(found: _Found) -> None:
    """A comma inside a name parts no clauses: "tổ chức khảo sát tại các xã, phường tới đâu
    rồi, ..." asks in one clause."""
    for mention in found.names:
        first, last = found.clauses[mention.start], found.clauses[mention.end - 1]
        if first == last:
            continue
        gap = last - first
        found.clauses = [c if c <= first else max(first, c - gap) for c in found.clauses]
        found.questioned = frozenset(
            q if q <= first else max(first, q - gap) for q in found.questioned
        )


def _drop_reports_beside_the_question(found: _Found) -> None:
    """ "Đang tổng hợp báo cáo sơ kết. Hiện có bao nhiêu nhiệm vụ quá hạn?", "... tổ chức chưa
    nhỉ? Sếp cần số liệu đưa vào báo cáo", "... còn bn việc chưa xong, cần số đưa vào bc sơ
    kết": where one clause of several asks something else of the plan (the one ending with a
    question mark, if one does), a report said in another clause is the one the asker is
    writing, not what is asked; unless, with no question mark to tell, the asker asks for it
    in so many words ("lập báo cáo")."""
    if not found.clauses or not found.clauses[-1]:
        return

    def clauses_of(said: Phrase, kind: CueKind) -> set[int]:
        # Of a task named, what is asked of it is taken as an ask ("nv 2 đến đâu rồi"); a
        # report's words are taken as a report's.
        of_a_task = kind is CueKind.FIELD and found.tasks
        takers = {kind.value, CueKind.ASK.value} if of_a_task else {kind.value}
        return _clauses_saying(found, said, takers | ({"report"} if kind is CueKind.ASK else set()))

    asking = {found.clauses[k] for k in _yet_at(found.words, found.clauses)}
    for said, cue in found.cues:
        if (
            cue.kind in (CueKind.ASK, CueKind.FIELD, CueKind.STATUS)
            and cue.weight >= CLEAR
            # How the whole plan stands, asked beside a report, is that report's summary.
            and not (cue.kind is CueKind.ASK and cue.value in (Ask.REPORT, Ask.PROGRESS))
        ):
            asking |= clauses_of(said, cue.kind)
    marked = found.questioned & asking
    if len(marked) == 1:
        (asked,) = marked
    elif len(asking) == 1 and not found.questioned:
        (asked,) = asking
    else:
        return
    reports = [
        (said, cue, clauses_of(said, cue.kind))
        for said, cue in found.cues
        if cue.kind is CueKind.ASK and cue.value == Ask.REPORT.value
    ]
    beside = [(said, cue) for said, cue, where in reports if asked not in where]
    if not beside or (not marked and any(c.weight >= ASKED_FOR for _, c in beside)):
        return
    found.cues = [c for c in found.cues if c not in beside]
    found.beside = {c for _, _, where in reports if asked not in where for c in where}
    # "sở nào trễ hạn nhiều nhất, chiều c báo cáo ban chỉ đạo": whom the asker's report
    # goes to.
    own = {
        found.clauses[k]
        for k in range(len(found.words) - 1)
        if _self_at(found.words, k) and found.words[k + 1] in _HANDS_IN
    }
    found.names = [m for m in found.names if found.clauses[m.start] not in found.beside & own]
    for k, taker in enumerate(found.takers):
        if taker == CueKind.ASK.value and found.clauses[k] != asked:
            found.takers[k] = "context"
    # "15/9 là hạn gửi báo cáo quý lên tỉnh rồi. Đã hoàn thành bao nhiêu nhiệm vụ?": the day
    # the report is due is no window of the question.
    said_in = set().union(*(_clauses_saying(found, s, {"ask", "report"}) for s, _ in beside))
    # "gửi bc 6 tháng r, giờ sở mình còn việc nào quá hạn": nor the window of a report
    # already sent.
    sent = {c for c in said_in if _said_sent(found, c)}
    due = {
        span
        for p, span in zip(found.periods, found.period_spans, strict=True)
        if (p.kind is PeriodKind.DAY and found.clauses[span[0]] in said_in)
        or found.clauses[span[0]] in sent
    }
    _keep_periods(found, lambda span: span not in due)
    found.why.append("a report beside the question")


# A report said done: "gửi bc 6 tháng rồi", "bc quý đã nộp rồi", "báo cáo xong rồi".
_SENT = frozenset({"gui", "nop", "xong"})


def _said_sent(found: _Found, clause: int) -> bool:
    """Whether ``clause`` says something sent, handed in or done already ("gửi ... rồi")."""
    said = {w for w, at in zip(found.words, found.clauses, strict=True) if at == clause}
    return "roi" in said and bool(said & _SENT)


def _drop_directive_before_the_question(found: _Found) -> None:
    """ "Chủ tịch kết luận phải xử lý dứt điểm những việc chậm 6 tháng đầu năm. Bên em đang
    trễ hạn những việc nào?": a directive reported before the clause that asks (the last with
    a question mark), where that clause says which tasks of its own, is why the asker asks:
    the tasks the directive names and its window are no filter of the question."""
    if not found.questioned or not found.clauses[-1]:
        return
    asked = max(found.questioned)
    if asked not in _cue_clauses(found, CueKind.STATUS):
        return
    words = found.words
    directed = [
        found.clauses[k]
        for k in range(len(words) - 1)
        if (words[k], words[k + 1]) in _DIRECTIVES and found.clauses[k] < asked
    ]
    if not directed:
        return
    before = range(min(directed), asked)
    found.cues = [
        (said, cue)
        for said, cue in found.cues
        if cue.kind is not CueKind.STATUS
        or not _clauses_saying(found, said, {CueKind.STATUS.value}) <= set(before)
    ]
    _keep_periods(found, lambda span: found.clauses[span[0]] not in before)
    found.why.append("a directive before the question")


def _take_sent_to_the_asker(found: _Found) -> None:
    """ "Gửi mình danh sách ...", "gửi giúp em ...": the answer sent to the asker, no
    title's "gửi"."""
    words = found.words
    for k in range(len(words) - 1):
        if k and words[k - 1] == "kinh":
            continue  # "Kính gửi anh chị": a greeting
        if words[k] == "gui" and not found.taken[k] and words[k + 1] in _TO_THE_ASKER:
            found.take(k, k + 2, "sent to the asker", "request")
            # "Mấy việc sắp đến hạn gửi em với ạ": the tasks themselves, sent to be read.
            asks = {c.value for _, c in found.cues if c.kind is CueKind.ASK}
            if asks == {Ask.COUNT.value} and all(
                said in _SOME_TASKS and _holds(words[:k], said)
                for said, c in found.cues
                if c.kind is CueKind.ASK
            ):
                found.cues = [
                    (said, replace(c, value=Ask.LIST.value) if c.kind is CueKind.ASK else c)
                    for said, c in found.cues
                ]


# "Mấy việc" (some tasks, or how many?), "mấy nhiệm vụ".
_SOME_TASKS = frozenset({("may", "viec"), ("may", "nv"), ("may", "nhiem", "vu")})


def _called_em_before(found: _Found, k: int) -> bool:
    """Whether a clause before word ``k`` ends calling the bot "em" ("... việc nào em? Anh
    nhắc ...")."""
    return any(
        found.words[j] == "em" and found.clauses and found.clauses[j + 1] != found.clauses[j]
        for j in range(k)
    )


def _take_own_said_as_elder(found: _Found) -> None:
    """ "bên chị còn việc nào chưa xong không em": an asker who calls the bot "em" speaks of
    their own agency as "bên chị", "bên anh" (not "bên chị ấy", "bên anh Tuấn"); in a
    question passed on ("chị Hạnh bên STP nhắn hỏi: bên chị ..."), of the one who asked."""
    words, raw = found.words, found.raw
    last = [w for w in words if w not in _CLOSING_PARTICLES][-1:]
    if last not in (["em"], ["e"]) or _passed_on(found) or _opens_with_a_person(found):
        return
    for k in range(len(words) - 2):
        if (
            words[k] in ("ben", "phia")
            and words[k + 1] in ("chi", "anh")
            # "bên chỉ": "bên chị ấy", as the South says it
            and not (words[k + 1] == "chi" and agree(found.marks[k + 1], _CHI_AY, strict=True))
            and not any(found.taken[k : k + 2])
            and words[k + 2] not in ("ay", "do")
            and not raw[k + 2][:1].isupper()
        ):
            found.cues.append(((words[k], words[k + 1]), Cue(CueKind.OWN, "", CLEAR)))
            found.take(k, k + 2, f"cue {words[k]} {words[k + 1]}", CueKind.OWN.value)
            return


def _opens_with_a_person(found: _Found) -> bool:
    """Whether the message opens with a person by name ("Chị Trâm bên Sở Tư pháp xin ...",
    "anh Quang bên Vụ TCCB ..."), whom a later "bên chị" is of."""
    words, raw = found.words, found.raw
    return len(words) > 1 and words[0] in _PERSONS and raw[1][:1].isupper()


def _drop_windows_of_a_report_named_first(found: _Found) -> None:
    """ "Sếp cần số liệu để dựng báo cáo 9 tháng. Tóm tắt giúp e tình hình ...": a purpose
    said before the clause that asks names the report it is for; the window in the report's
    name ("báo cáo 9 tháng") is no window of the answer."""
    words = found.words
    marker = next(
        (k for k, w in enumerate(words) if w == "de" and agree(found.marks[k], _PURPOSE_MARKS)),
        None,
    )
    if marker is None or set(found.takers[:marker]) & _ASKS_FOR_AN_ANSWER:
        return
    later = _asked_after_clause(found, marker)
    if later is None:
        return
    kept = [
        (p, (a, b))
        for p, (a, b) in zip(found.periods, found.period_spans, strict=True)
        if not (marker < a < later and words[a - 2 : a] == ["bao", "cao"])
    ]
    if len(kept) < len(found.periods):
        found.periods = [p for p, _ in kept]
        found.period_spans = [span for _, span in kept]
        found.why.append("the report's window")


def _asked_after_clause(found: _Found, k: int) -> int | None:
    """The first word of the first clause after word ``k``'s that asks something, if any."""
    asking = (
        c
        for j, c in enumerate(found.clauses)
        if j > k and c > found.clauses[k] and found.takers[j] in _ASKS_FOR_AN_ANSWER
    )
    clause = next(asking, None)
    return None if clause is None else found.clauses.index(clause)


def _questioned(typed: str, words: Sequence[Word], clauses: Sequence[int]) -> frozenset[int]:
    """Of the words' ``clauses``, those that end with a question mark."""
    ends = [w.start for w in words[1:]] + [len(typed)]
    return frozenset(clauses[k] for k, word in enumerate(words) if "?" in typed[word.end : ends[k]])


class _Decision:
    """Puts what the steps found together into a reading."""

    def __init__(self, found: _Found, reader: QuestionReader, today: date) -> None:
        self.found = found
        self.reader = reader
        self.today = today
        self.weights: dict[tuple[CueKind, str], float] = {}
        for _said, cue in found.cues:
            key = (cue.kind, cue.value)
            self.weights[key] = self.weights.get(key, 0.0) + cue.weight

    def _asks_who_leads_only(self) -> bool:
        """Every "chủ trì" said asks who leads ("bên nào chủ trì"): none is an agency's role."""
        leads = {p for p, c in self.found.cues if c.kind is CueKind.ROLE and c.value == Role.LEAD}
        asked = {
            p for p, c in self.found.cues if c.kind is CueKind.FIELD and c.value == TaskField.LEAD
        }
        return bool(leads) and leads <= asked

    def weight(self, kind: CueKind, value: str = "") -> float:
        return self.weights.get((kind, value), 0.0)

    def best_of(self, kind: CueKind, order: Sequence[str]) -> str | None:
        """The value of ``kind`` the cues weigh most, the first in ``order`` on a tie."""
        scored = [(self.weight(kind, v), -n, v) for n, v in enumerate(order)]
        scored = [s for s in scored if s[0] > 0]
        return max(scored)[2] if scored else None

    # --------------------------------------------------------------------- the parts

    def status(self) -> Status | None:
        said = [p for p, c in self.found.cues if c.kind is CueKind.STATUS]
        if not said and self._done_yet_of_many():
            return Status.DONE  # "có việc nào xong chưa": the done ones
        if said and set(said) <= _MUST and not self.found.periods:
            return None  # "ubnd cấp huyện phải làm gì": all it must do, not this week's
        clear = [s for s in _STATUS_ORDER if self.weight(CueKind.STATUS, s) >= 2]
        remarked = self._said_in_remarks_only(clear)
        if remarked and len(remarked) < len(clear):
            # "bên tư pháp còn việc nào chưa xong ko, đoàn kt nhắc bên đó chậm": the state a
            # remark beside the question gives yields to the one asked about.
            clear = [s for s in clear if s not in remarked]
        if {Status.DONE, Status.OPEN} <= set(clear) and self._counted_apart():
            return None  # "tổng bao nhiêu việc, xong mấy việc, còn lại mấy việc": by status
        if len(clear) > 1:
            # "các huyện còn bao nhiêu việc chưa xong, xem bc thấy huyện chậm quá", "Sắp tới
            # Bộ điều tra ..., bên mình còn bao nhiêu nhiệm vụ chưa hoàn thành?": the state
            # said where the tasks are asked for, not the one said beside it.
            asked = self._said_where_tasks_are_asked(clear)
            clear = [s for s in clear if s in asked] or clear
        # "việc có hạn trong quý 2 mà chưa xong", "việc đến hạn quý I chưa hoàn thành" asked
        # in May: the window, not a status (a past window falls due no more); so in a window
        # begun, where "chưa xong" says what is asked ("tuần này có việc nào tới hạn mà chưa
        # xong" on a Wednesday).
        periods = self.found.periods
        past = bool(periods) and (
            periods[0].end < self.today
            or (
                periods[0].start < self.today
                and (not _up_to(periods[0]) or self._first_months_said())
                and self._not_done_said()
            )
        )
        if (
            clear[:1] == [Status.DUE]
            and len(clear) > 1
            and (
                past or self._due_only_by_deadline_words(clear[1]) or self._done_of_those_due(clear)
            )
        ):
            return clear[1]
        if (
            clear[:1] == [Status.OPEN]
            and periods
            and (periods[0].start >= self.today or _up_to(periods[0]))
            and (
                all(
                    said[:2] == ("con", "phai") or said[:3] == ("minh", "con", "phai")
                    for said, c in self.found.cues
                    if c.kind is CueKind.STATUS and c.value == Status.OPEN.value
                )
                or (periods[0].start == self.today and "phai" in self.found.words)
            )
        ):
            # "quý 1 năm sau còn phải nộp những gì", "từ nay tới 31/12 (trước 31/12) còn phải
            # gửi gì": what falls due then; in a window begun, what is not done in it.
            return Status.DUE
        if clear and self._stated_beside_progress():
            return None
        if clear == [Status.DONE] and self.weight(CueKind.ASK, Ask.PROGRESS) >= RATE:
            return None  # "snv hoàn thành bn/bn việc", "what percentage is done": a rate
        if clear:
            return clear[0]
        leaning = [s for s in _STATUS_ORDER if self.weight(CueKind.STATUS, s) > 0]
        if self.weight(CueKind.ASK, Ask.PROGRESS) >= CLEAR:
            return None  # "còn quý 3 thì sao": how it stands, no status
        return leaning[0] if leaning else None

    def _counted_apart(self) -> bool:
        """Whether the done and the not done are each counted, in clauses of their own ("xong
        bao nhiêu việc, còn lại bao nhiêu việc"): the count of each, no one state."""
        found = self.found
        counts = [
            k
            for k, (w, taker) in enumerate(zip(found.words, found.takers, strict=True))
            if taker == CueKind.ASK.value and w in ("bao", "may", "bn")
        ]
        return len({found.clauses[k] for k in counts} if found.clauses else set(counts)) >= 2

    def _stated_beside_progress(self) -> bool:
        """ "chị Lan bảo sở tài chính đang chậm, bên đó tiến độ chung thế nào": a state said
        in a clause that asks nothing, beside one that asks how things stand, is a remark."""
        found = self.found
        if self.weight(CueKind.ASK, Ask.PROGRESS) < CLEAR:
            return False
        asked = _cue_clauses(found, CueKind.ASK)
        stated = _cue_clauses(found, CueKind.STATUS)
        return bool(asked) and bool(stated) and not stated & asked

    def _first_months_said(self) -> bool:
        """Whether the window is the year's first months said so ("10 tháng đầu năm"), a
        window of its own, not the year up to a day ("trước 30/6")."""
        found = self.found
        start, end = found.period_spans[0]
        return _holds(found.words[start:end], ("thang", "dau", "nam"))

    def _not_done_said(self) -> bool:
        """Whether the question says "not done yet" in so many words ("mà chưa xong")."""
        return any(
            c.kind is CueKind.STATUS and c.value == Status.OPEN.value and "chua" in said
            for said, c in self.found.cues
        )

    def _said_where_tasks_are_asked(self, statuses: Sequence[Status]) -> set[Status]:
        """Of ``statuses``, those said in the one clause that asks for a list or a count of
        tasks (all of them where no one clause does)."""
        found = self.found
        asking = {
            clause
            for said, c in found.cues
            if c.kind is CueKind.ASK and c.value in _OF_TASKS_ASKED and c.weight >= CLEAR
            for clause in _clauses_saying(found, said, {CueKind.ASK.value})
        }
        if len(asking) != 1 or not found.clauses or not found.clauses[-1]:
            return set(statuses)
        return {
            s
            for s in statuses
            if any(
                _clauses_saying(found, said, _CUE_TAKERS) & asking
                for said, c in found.cues
                if c.kind is CueKind.STATUS and c.value == s.value
            )
        }

    def _said_in_remarks_only(self, statuses: Sequence[Status]) -> set[Status]:
        """Of ``statuses``, those said only in clauses that are remarks: small talk or
        someone else's words, and no question."""
        found = self.found
        remarks = _cue_clauses(found, CueKind.OFF_TOPIC) - _cue_clauses(found, CueKind.ASK)
        if not remarks:
            return set()
        # A phrase of two cues is taken by one ("quá hạn chưa": how far, and overdue).
        return {
            s
            for s in statuses
            if all(
                _clauses_saying(found, said, _CUE_TAKERS) <= remarks
                for said, c in found.cues
                if c.kind is CueKind.STATUS and c.value == s.value
            )
        }

    def _done_of_those_due(self, clear: Sequence[Status]) -> bool:
        """ "các việc đến hạn trước Tết, bao nhiêu việc đã xong": "due" said right before the
        window names the tasks counted; how many of them are done is asked."""
        found = self.found
        if clear[1] is not Status.DONE or not self.weight(CueKind.ASK, Ask.COUNT):
            return False
        starts = {start for start, _ in found.period_spans}
        due = [
            k + len(said)
            for said, c in found.cues
            if c.kind is CueKind.STATUS and c.value == Status.DUE.value
            for k in _said_at(found, said, (CueKind.STATUS.value,))
        ]
        return bool(due) and all(
            end in starts
            or (found.words[end : end + 1] in (["trong"], ["vao"]) and end + 1 in starts)
            for end in due
        )

    def _due_only_by_deadline_words(self, other: Status) -> bool:
        """Whether "due" was said only by words that name a deadline ("có hạn", "thời
        hạn"), which say a window, not which tasks, and ``other`` says which: not "còn
        những gì" alone ("có hạn trong tháng 12 còn những gì" is what falls due then), but
        "mà chưa xong" in so many words."""
        if other is Status.OPEN and not self._not_done_said():
            return False
        fields = {said for said, c in self.found.cues if c.kind is CueKind.FIELD}
        return all(
            said in fields
            for said, c in self.found.cues
            if c.kind is CueKind.STATUS and c.value == Status.DUE.value
        )

    def _done_yet_of_many(self) -> bool:
        """ "có việc nào xong chưa", "có gì đã hoàn thành chưa": which are done."""
        cues = self.found.cues
        return any(said in _DONE_YET for said, _ in cues) and any(
            (_of_many_tasks(said, c) and _WHICH & set(said)) or said == ("co", "gi")
            for said, c in cues
        )

    def period(self, status: Status | None) -> Period | None:
        periods = self.found.periods
        if periods:
            today = Period(PeriodKind.DAY, self.today, self.today)
            if status is Status.OVERDUE and periods[0] == today:
                return None  # "việc quá hạn hôm nay": overdue as of today (none falls in it)
            clauses = self.found.clauses
            if (
                status is Status.OVERDUE
                and periods[0].start > self.today
                and clauses
                and clauses[self.found.period_spans[0][0]] < clauses[-1]
                and not self.weight(CueKind.ACTION, Action.EXTEND)
            ):
                # "sợ họp giao ban đầu tháng 10 bị nêu tên, bên mình có nv nào quá hạn": no
                # task of a window to come is overdue; said in a clause before the question,
                # the window is the asker's context.
                return None
            return periods[0]
        if status is Status.DUE:
            return soon(self.today)
        return None

    def action(self, has_target: bool) -> Action | None:
        best = self.best_of(CueKind.ACTION, _ACTION_ORDER)
        if best is None:
            return None
        if (
            best == Action.COMPLETE
            and self.weight(CueKind.ACTION, Action.REPORT_PROGRESS)
            and _part_done(self.found.words)
        ):
            # "bc tiến độ nv5: ... đã cập nhật xong dữ liệu, đạt khoảng 55%": how far it got
            best = Action.REPORT_PROGRESS.value
        found = self.found
        if (
            not (found.tasks or found.titled or found.names)
            and self.weight(CueKind.OFF_TOPIC) >= OCCASION
            and self.weight(CueKind.ACTION, best) < self.weight(CueKind.OFF_TOPIC)
        ):
            # "tất niên phòng mình 5h, ai chưa đóng quỹ thì đóng giúp e": the occasion's
            return None
        if best in _OWN_WORK and not self.found.tasks and self._asks_which():
            # "có đv nào báo hoàn thành nv nào chưa": which tasks are done, no task marked
            return None
        # "làm sao báo cáo tiến độ": how to do it asks for it, answered with the way.
        if self.weight(CueKind.ACTION, best) >= CLEAR or has_target or self.weight(CueKind.HELP):
            return Action(best)
        return None

    def _list_and_its_count(self) -> bool:
        """Whether a list is asked for in so many words ("ds", "liệt kê", "là những nv nào")
        in one clause and how many in another: both, which the list's header gives."""
        found = self.found
        listed = {
            c
            for said, cue in found.cues
            if cue.kind is CueKind.ASK and cue.value == Ask.LIST.value and cue.weight >= CLEAR
            for c in _clauses_saying(found, said, {CueKind.ASK.value})
        }
        counts = [
            (said, cue)
            for said, cue in found.cues
            if cue.kind is CueKind.ASK and cue.value == Ask.COUNT.value
        ]
        if any("dem" in said or _holds(said, ("con", "so")) for said, _ in counts):
            return False  # "đếm giúp em mấy cái", "cho e con số thôi": the number alone
        counted = {c for said, _ in counts for c in _clauses_saying(found, said, {"ask"})}
        return bool(listed) and bool(counted) and not listed & counted

    def _which_bodies(self) -> bool:
        """Whether the question asks which bodies ("đơn vị nào", "cơ quan nào")."""
        return any(c.kind is CueKind.ASK and said in _WHICH_BODIES for said, c in self.found.cues)

    def _asks_which(self) -> bool:
        """Whether the question asks which tasks or bodies ("nv nào", "đv nào", "bên nào",
        "có báo xong vc nào ko")."""
        words = self.found.words
        return any(
            c.kind is CueKind.ASK and len(said) > 1 and said[-1] == "nao"
            for said, c in self.found.cues
        ) or any(words[k] == "nao" and words[k - 1] in _WHICH_OF for k in range(1, len(words)))

    def clear_evidence(self) -> bool:
        """Something in the question is about the plan, beyond "gì" and "thế nào"."""
        strong = any(
            cue.weight >= CLEAR
            for _said, cue in self.found.cues
            if cue.kind not in (CueKind.HELP, CueKind.OFF_TOPIC, CueKind.OWN)
        )
        return strong or self.plan_noun()

    def plan_noun(self) -> bool:
        """ "việc", "nhiệm vụ": the question is about the plan's tasks (words of a name,
        "Sở Kế hoạch", or of small talk, "em mới nhận việc", do not count)."""
        words = [
            w if k not in _NO_PLAN_NOUN else ""
            for w, k in zip(self.found.words, self.found.takers, strict=True)
        ]
        return any(
            tuple(words[i : i + len(p)]) == p
            for p in self.reader.lexicon.plan_words
            for i in range(len(words))
        )

    # ---------------------------------------------------------------------- reading

    def reading(self) -> Reading:
        found = self.found
        subjects = self.subjects()
        own = self.weight(CueKind.OWN) > 0
        status = self.status()
        period = self.period(status)
        # "gia hạn việc báo cáo 6 tháng thêm 10 ngày": the time added, of several said.
        more_time = [
            d
            for d, k in zip(found.durations, found.duration_starts, strict=True)
            if found.words[k] == "them"
        ]
        duration = next(iter(more_time or found.durations), None)
        role_value = self.best_of(CueKind.ROLE, tuple(Role))
        role = Role(role_value) if role_value else None
        if all(self.weight(CueKind.ROLE, r) >= CLEAR for r in Role):
            role = None  # "các việc vp tham gia, cả chủ trì lẫn phối hợp"
            # "việc sở khcn phối hợp thì bên nào chủ trì": the tasks it supports, whose lines
            # say who leads them; "sở mình có phối hợp nv nào ko hay chỉ chủ trì thôi": the
            # part other than the one offered as only.
            role = Role.SUPPORT if self._asks_who_leads_only() else _other_than_only(found.words)
        has_subject = bool(subjects[0].agencies or subjects[0].section or subjects[0].task)
        if role is Role.LEAD and not (has_subject or own) and self._asks_who_leads_only():
            role = None  # "những việc nào quá hạn, ai chủ trì": the list says who leads each
        action = self.action(bool(subjects[0].task) or own or has_subject)
        if (
            action is None
            and status is None
            and self.best_of(CueKind.ACTION, _ACTION_ORDER) == Action.COMPLETE
        ):
            status = Status.DONE  # "có đv nào báo hoàn thành nv nào chưa": the tasks done
        base = Intent(
            Ask.UNKNOWN,
            status=status,
            role=role,
            own=own,
            period=period,
            why=tuple(found.why),
        )
        # A bare name, or the asker's own office alone ("liên hoan tất niên phòng mình ở
        # đâu", "tất niên cơ quan mình tổ chức ở đâu"), is a subject small talk holds too.
        # So is an agency the plan does not name ("quán nào gần ubnd tỉnh ăn trưa ngon").
        outside = any(n.relation in OUTSIDE for n in subjects[0].notes)
        weak = not subjects[0].task and (not has_subject or subjects[0].score <= BARE or outside)
        asks = self.asks(has_subject or own, status, period, action, weak=weak)
        best_ask = asks[0][0]
        if best_ask is Ask.ACTION:
            # "nhắc các sở đang chậm tiến độ": whom to remind, by how they stand.
            remind = action is Action.REMIND and subjects[0].task is None
            kept = status if remind and status in (Status.OVERDUE, Status.DUE) else None
            if kept is not None and not (
                _in_one_clause(found, CueKind.STATUS, CueKind.ACTION)
                or _parted_by_names(found, CueKind.STATUS, CueKind.ACTION)
            ):
                kept = None  # "nhắc sở xd giúp anh, quá hạn gần 1 tháng rồi": why, not whom
            if any(c.kind is CueKind.HELP for _, c in found.cues):
                kept = None  # "muốn nhắc 1 đơn vị chậm tiến độ thì thao tác sao": how to
            # A length of time is how much longer only to an extension.
            added = duration if action is Action.EXTEND else None
            base = replace(base, action=action, duration=added, status=kept, role=None)
            if action is Action.REMIND and subjects[0].agencies:
                # "đôn đốc giúp a STC với, cả năm chưa thấy gửi bc gì về bên mình": whom to
                # remind is named; the asker's own side is where the reports go.
                base = replace(base, own=False)
            if (
                remind
                and found.period_spans
                and (
                    _of_a_report(found, found.period_spans[0][0])
                    or _handed_in_by(found, found.period_spans[0][0])
                )
            ):
                # "nhắc vụ pháp chế gửi báo cáo cchc năm 2025 giúp em": the report's year;
                # "e nhắc hai sở ni gửi trước thứ 6": the day they are asked to send it by.
                base = replace(base, period=None)
            if subjects[0].task is not None:
                # "nv II.2.2 sở em xong r nhé, kh ban hành từ tháng 1": the task says what;
                # a section named beside it is where it is, or context ("sắp chấm điểm par
                # index rồi, e nhắc vp ubnd tỉnh bc kết quả nv 3.10").
                base = replace(base, own=False)
                subjects = [replace(s, section=None) for s in subjects]
                if action is not Action.REMIND:
                    # "gia hạn thêm 1 tháng cho nv 6, bên công an chưa xong": whoever is
                    # named is the reason; only a reminder goes to an agency.
                    by_task = {s.task: replace(s, agencies=(), notes=()) for s in subjects}
                    subjects = list(by_task.values())
                if action is not Action.EXTEND or duration is not None:
                    # "báo cáo tháng 6 của nv 2 chưa kịp, gia hạn thêm 10 ngày": the days
                    # to add say it all.
                    base = replace(base, period=None)
            if base.period is not None and not found.periods:
                base = replace(base, period=None)
            elif (
                action is Action.EXTEND
                and base.period
                and _no_new_deadline(found, base.period, self.today)
            ):
                # "ko kịp trong năm nay đâu, muốn xin thêm thời gian", "hạn cả năm mà ...,
                # xin lùi hạn": why, no day to move the deadline to.
                base = replace(base, period=None)
            elif action is Action.EXTEND and base.period is not None and _up_to(base.period):
                # "gia hạn đến 31/1/2026": the new deadline, not the days up to it.
                end = base.period.end
                base = replace(base, period=Period(PeriodKind.DAY, end, end))
        elif best_ask is Ask.TASK:
            base = replace(base, field=self.task_field(status), status=None, role=None, own=False)
            # "nv II.8.a thì Sở Tài chính phối hợp với cơ quan nào": the task's, whoever
            # the question names it by.
            # Nor its section, nor a window: its card answers "việc rà soát tthc đất đai sao
            # r, trễ từ t5 tới giờ", "nv I.1 hạn 28/2 phải k" (the deadline the asker thinks).
            apart: dict[tuple[TaskRef | None, str | None], _Subject] = {}
            for s in subjects:
                part = None if s.task else s.section
                apart.setdefault((s.task, part), replace(s, agencies=(), notes=(), section=part))
            subjects = list(apart.values())
            base = replace(base, period=None)
        elif best_ask in (Ask.OFF_TOPIC, Ask.UNKNOWN, Ask.HELP):
            base = Intent(best_ask, why=tuple(found.why))
            return Reading(base)
        elif best_ask in (Ask.REPORT, Ask.DIGEST):
            base = replace(base, status=None, role=None)
            if (
                base.period
                and base.period.kind is PeriodKind.DAY
                and base.period.start > self.today
            ):
                # "báo cáo tổng hợp ..., mai chị phải trình lãnh đạo": when it is wanted, no
                # window of its own (a report is of what has happened).
                base = replace(base, period=None)
        elif best_ask is Ask.EXPORT and not (own or has_subject):
            # "xuất excel các việc quá hạn": those tasks; a part is taken only by someone's
            # ("xuất excel các nv bên em chủ trì").
            base = replace(base, role=None)
        score = asks[0][1]
        intents = [
            _with_subject(replace(base, ask=best_ask, score=round(score * s.score, 3)), s)
            for s in subjects
        ]
        if len(intents) > 1:
            return Reading(intents[0], tuple(intents[1:MAX_CHOICES]), ask_back=True)
        if (
            best_ask is Ask.EXPORT
            and not (has_subject or own or base.period or base.status)
            and {said for said, c in found.cues if c.kind is CueKind.ASK} == {_EXPORT_A_REPORT}
        ):
            # "xuất báo cáo giúp mình", and nothing more: the tasks' file, or the report.
            rival = replace(intents[0], ask=Ask.REPORT)
            return Reading(intents[0], (rival,), ask_back=True)
        rival_period = found.rival_periods.get(base.period) if base.period else None
        if rival_period is not None and best_ask in _OF_TASKS_ASKED:
            # "đầu năm sau có hạn gì": January, or the first quarter.
            rival = replace(intents[0], period=rival_period)
            return Reading(intents[0], (rival,), ask_back=True)
        if found.rival_section and (
            best_ask is Ask.PROGRESS or (best_ask is Ask.TASK and base.field is TaskField.PROGRESS)
        ):
            section = _with_subject(
                replace(base, field=None), _Subject(section=found.rival_section)
            )
            rival = replace(section, ask=Ask.PROGRESS, score=intents[0].score)
            return Reading(intents[0], (rival,), ask_back=True)
        alone = _only_task_of(self.reader.vocabulary, found.rival_section)
        if alone is not None and best_ask is Ask.TASK and base.field is not TaskField.PROGRESS:
            # "cho c coi chi tiet nv 2": task III.2, or the one task of part II.2.
            rival = _with_subject(replace(intents[0], ask=Ask.TASK), _Subject(task=alone))
            return Reading(intents[0], (rival,), ask_back=True)
        if found.rival_titles and best_ask in (Ask.PROGRESS, Ask.REPORT):
            task = replace(
                base, ask=Ask.TASK, field=TaskField.PROGRESS, period=None, score=intents[0].score
            )
            tasks = (_with_subject(task, _Subject(task=ref)) for ref in found.rival_titles)
            return Reading(intents[0], tuple(tasks), ask_back=True)
        if best_ask is Ask.PROGRESS and self.inferred(status, period):
            # "sở tư pháp": nothing said what is asked. Its progress, unsure; its overdue
            # tasks next.
            best = replace(intents[0], score=min(intents[0].score, INFERRED))
            overdue = replace(best, ask=Ask.LIST, status=Status.OVERDUE, score=INFERRED / 2)
            return Reading(best, (overdue,))
        runners = [
            _with_subject(
                replace(base, ask=ask, score=round(s * subjects[0].score, 3)), subjects[0]
            )
            for ask, s in asks[1:3]
            if ask not in (Ask.OFF_TOPIC, Ask.UNKNOWN, Ask.HELP, Ask.TASK, Ask.ACTION)
        ]
        runners.extend(
            _with_subject(intents[0], replace(subjects[0], task=ref, score=s))
            for ref, s in found.titled[1:3]
        )
        return Reading(intents[0], tuple(runners))

    def asks(
        self,
        subject: bool,
        status: Status | None,
        period: Period | None,
        action: Action | None,
        *,
        weak: bool = False,
    ) -> list[tuple[Ask, float]]:
        """What is asked, best first, with a score in [0, 1]. ``weak``: the subject is only
        a bare name ("an thịnh" of "Báo An Thịnh"), which small talk may hold too."""
        found = self.found
        if action is not None:
            return [(Ask.ACTION, 1.0)]
        if found.tasks or found.titled:
            return [(Ask.TASK, 1.0)]
        if found.unmatched:
            # "cuối năm chạy deadline mệt ghê": no task holds the words; small talk, if said.
            talk = self.weight(CueKind.OFF_TOPIC) >= CLEAR
            return [(Ask.OFF_TOPIC, 1.0) if talk else (Ask.UNKNOWN, 0.0)]
        if self.weight(CueKind.ASK, Ask.EXPORT):
            return [(Ask.EXPORT, 1.0)]
        report = self.weight(CueKind.ASK, Ask.REPORT)
        weekly = period is not None and period.kind is PeriodKind.WEEK
        # "tóm tắt tình hình tuần này": the week's summary, as "tổng hợp tuần này"
        summed = any(c.kind is CueKind.ASK and said[:2] == ("tom", "tat") for said, c in found.cues)
        if self.weight(CueKind.ASK, Ask.DIGEST) or ((report or summed) and weekly and not subject):
            return [(Ask.DIGEST, 1.0)]
        clear = self.clear_evidence() or bool(found.kind_choices)
        if not (clear or subject or found.periods):
            # "bot ơi bot làm được những gì thế hướng dẫn chị với": help, greeting or not;
            # calling the bot, a "dạ" or a laugh talk of nothing ("dạ bot ơi bot tra được
            # những gì vậy ạ, em mới được giao theo dõi kh hihi").
            phatic = sum(c.weight for said, c in found.cues if _phatic(said, c))
            topical = self.weight(CueKind.OFF_TOPIC) - phatic
            if self.weight(CueKind.HELP) >= max(CLEAR, topical):
                return [(Ask.HELP, 1.0)]
            helped = _cue_clauses(found, CueKind.HELP)
            if self.weight(CueKind.HELP) >= CLEAR and (
                helped - _cue_clauses(found, CueKind.OFF_TOPIC)
                # "Dạ em chào anh chị, em mới được giao ..., hỏi bot được những gì ạ?": the
                # question the message ends on
                or max(found.questioned, default=-1) in helped
            ):
                # "em mới nghỉ phép về, bot này hỏi được những gì vậy?": a remark beside
                return [(Ask.HELP, 1.0)]  # the question for help
            if self.weight(CueKind.OFF_TOPIC) >= 2:
                return [(Ask.OFF_TOPIC, 1.0)]
            if self.weight(CueKind.HELP):
                return [(Ask.HELP, 1.0)]
            return [(Ask.UNKNOWN, 0.0)]
        if self.weight(CueKind.HELP) >= OCCASION and not found.tasks:
            return [(Ask.HELP, 1.0)]  # "muốn xem tiến độ của 1 sở thì gõ thế nào": how to ask
        if not subject and self.weight(CueKind.HELP) >= CLEAR and not self._asked(beyond=_HOW):
            # "bot có thể hỗ trợ theo dõi kế hoạch như thế nào": how the bot helps
            return [(Ask.HELP, 1.0)]
        if (
            self.weight(CueKind.OFF_TOPIC) >= PEOPLE
            # "... còn phần của chị Hạnh, ai giữ giùm": a weak "còn" beside an occasion
            and (status is None or (_talk_asks(found) and self.weight(CueKind.STATUS) < CLEAR))
            and (not self._asked(beyond=_A_NUMBER) or _talk_asks(found))
            # "Việc đo lường sự hài lòng ai chủ trì thế? Năm ngoái SIPAS mình tụt mấy bậc": a
            # remark of its own beside a task's field asked.
            and not (
                max(self.weight(CueKind.FIELD, f) for f in TaskField) >= CLEAR
                and not _cue_clauses(found, CueKind.FIELD) & _cue_clauses(found, CueKind.OFF_TOPIC)
            )
        ):  # "số đt của a Hùng bên stp là bn": the number asked is a phone's
            return [(Ask.OFF_TOPIC, 1.0)]  # "số điện thoại sở tư pháp": not what is followed
        if not clear and (not subject or weak) and self.weight(CueKind.OFF_TOPIC) >= 2:
            return [(Ask.OFF_TOPIC, 1.0)]  # "thời tiết hôm nay thế nào"
        scores = {ask: self.weight(CueKind.ASK, ask) for ask in _ASK_ORDER}
        if status is not None:
            scores[Ask.LIST] += 2
        if not self._asked():
            if subject and self.inferred(status, period):
                scores[Ask.PROGRESS] += 2  # "sở tư pháp": how it is doing
                scores[Ask.LIST] += 1
            else:
                scores[Ask.LIST] += 1.5
        if (
            not self._asked()
            and status is None
            and self.weight(CueKind.FIELD, TaskField.PROGRESS)
            and "plan" in found.takers
        ):
            scores[Ask.PROGRESS] += 2  # "kế hoạch cchc 2026 xong chưa": how the plan stands
        if subject and scores[Ask.REPORT]:
            # A report is of the whole plan; of one agency or section it is its progress.
            scores[Ask.PROGRESS] += scores.pop(Ask.REPORT)
        those = scores[Ask.COUNT] and all(
            said[0] == "may"
            for said, c in found.cues
            if c.kind is CueKind.ASK and c.value == Ask.COUNT.value
        )
        if those and scores[Ask.PROGRESS] >= scores[Ask.COUNT]:
            # "mấy việc của sở tttt tới đâu rồi": how those tasks are going, no count
            scores[Ask.PROGRESS] += scores.pop(Ask.COUNT)
        elif those and self.weight(CueKind.ASK, Ask.LIST) >= scores[Ask.COUNT]:
            # "mấy việc sắp đến hạn em liệt kê chị coi": those tasks, listed
            scores[Ask.LIST] += scores.pop(Ask.COUNT)
        elif those and _any_of_those_left(found.words):
            # "mấy việc phần cấp tỉnh còn trễ hạn hông e": whether any of them is, listed
            scores[Ask.LIST] += scores.pop(Ask.COUNT)
        elif scores[Ask.COUNT] and _which_ones(found.words):
            # "mấy việc sắp tới hạn là việc chi": which they are, not how many
            scores[Ask.LIST] += scores.pop(Ask.COUNT)
        elif scores[Ask.COUNT] and status is not None and self._which_bodies():
            # "đơn vị nào đang chậm, chậm bao nhiêu": the bodies behind, ranked with how
            # much each holds
            scores[Ask.LIST] += scores.pop(Ask.COUNT)
        if scores.get(Ask.COUNT) and self._list_and_its_count():
            # "gửi e ds việc quá hạn, tổng cộng bn việc luôn": the list, whose header counts
            scores[Ask.LIST] += scores.pop(Ask.COUNT)
        if scores.get(Ask.LIST) and _a_number_to_confirm(found.words):
            # "tháng 12 này có 4 việc có hạn đúng không": the number believed, to check
            scores[Ask.COUNT] += scores.pop(Ask.LIST)
        ranked = sorted(
            ((ask, s) for ask, s in scores.items() if s > 0),
            key=lambda e: (-e[1], _ASK_ORDER.index(e[0])),
        )
        if status is not None and ranked[0][0] in (Ask.PROGRESS, Ask.REPORT):
            # "tình hình quá hạn", "báo cáo quá hạn": the overdue tasks.
            ranked = [(Ask.LIST, ranked[0][1])] + [e for e in ranked if e[0] is not Ask.LIST]
        top = ranked[0][1]
        return [(ask, min(1.0, s / max(top, CLEAR))) for ask, s in ranked]

    def _asked(self, beyond: frozenset[Phrase] = frozenset()) -> bool:
        """Whether a cue says what is asked (a phrase of ``beyond`` does not count)."""
        return any(c.kind is CueKind.ASK and said not in beyond for said, c in self.found.cues)

    def inferred(self, status: Status | None, period: Period | None) -> bool:
        """Only a subject, nothing of what is asked about it ("sở tư pháp", "thể chế")."""
        return not self._asked() and status is None and period is None and not self.plan_noun()

    def task_field(self, status: Status | None) -> TaskField:
        best = self.best_of(CueKind.FIELD, _FIELD_ORDER)
        weights = {f: self.weight(CueKind.FIELD, f) for f in _FIELD_ORDER}
        if sum(weights[TaskField(f)] >= CLEAR for f in _OF_ONE_TASK) > 1:
            return TaskField.CARD  # "IV.3 ai chủ trì vs hạn bao giờ": all of it
        if any(_which_task(said, c) for said, c in self.found.cues):
            # "sản phẩm \"Báo cáo kiểm tra\" là của nhiệm vụ nào": which task; the column
            # said is where the words are from, not what is asked of the task.
            return TaskField.CARD
        if (
            best == TaskField.DUE.value
            and self.found.periods
            and any(_has_phrase(self.found.words, d) for d in _DISPUTED)
        ):
            # "em nhớ KH giao I.3 hạn quý III mà sao bot lại báo 30/6": the deadline the
            # asker disputes, as the plan gives it.
            return TaskField.DUE
        if best == TaskField.DUE.value and self._deadline_said():
            # "... có hạn trong quý II, xong chưa?", "..., hạn 30/6 quá lâu rồi": the
            # deadline is said, how far along is asked.
            return TaskField.PROGRESS
        if best is not None and weights[TaskField(best)] >= 2:
            return TaskField(best)
        role = self.best_of(CueKind.ROLE, tuple(Role))
        if role is not None and (best is None or weights[TaskField(best)] < 2):
            # "công bố danh mục tthc có phải vp ubnd chủ trì ko": who leads it; "ai" said
            # apart from "phối hợp với" ("who is X working with on ..."): who supports.
            return TaskField.LEAD if role == Role.LEAD.value else TaskField.SUPPORT
        if status is Status.UNDATED:
            return TaskField.DUE  # "nv 5 chưa có hạn cụ thể đúng ko": whether it has one
        if status is not None or self.weight(CueKind.ASK, Ask.PROGRESS) or self._yet():
            return TaskField.PROGRESS
        return TaskField(best) if best is not None else TaskField.CARD

    def _deadline_said(self) -> bool:
        """Whether every word of a deadline is followed by the deadline itself ("có hạn
        trong quý II"): said, not asked."""
        found = self.found
        # Where a period starts, or started before the context's dates (or the deadline that
        # chose among titles: "rà soát tthc hạn cuối tháng 9") were dropped.
        words = found.words
        starts = {a for a, _ in found.period_spans} | {
            k
            for k, w in enumerate(words)
            if _DAY_MONTH.fullmatch(w)
            or (w in ("thang", "quy") and k + 1 < len(words) and words[k + 1].isdigit())
        }
        due = [
            said
            for said, c in found.cues
            if c.kind is CueKind.FIELD and c.value == TaskField.DUE.value
        ]
        if any(set(said) & _ASKING.keys() for said in due):
            return False  # "hạn chót ngày nào, 15/12 hả": asked
        said_at = [k + len(said) for said in due for k in _said_at(found, said, _CUE_TAKERS)]
        if any(_confirms(found, found.clauses[k - 1] if found.clauses else 0) for k in said_at):
            return False  # "nv 5d hạn quý 3 đúng ko": to confirm
        if any(found.words[b : b + 1] == ["hay"] for _, b in found.period_spans):
            return False  # "nv 5 hạn là 31/12 hay sớm hơn": which of the two
        return bool(said_at) and all(
            k in starts
            or (found.words[k : k + 1] and found.words[k] in _IN_OR_UP_TO and k + 1 in starts)
            for k in said_at
        )

    # --------------------------------------------------------------------- subjects

    def _yet(self) -> bool:
        """Whether the question ends by asking "yet?" ("stc trình ... năm 2027 chưa")."""
        return _ends_with_yet(self.found.words, self.found.clauses)

    def in_force(self, notes: Sequence[AgencyNote]) -> tuple[AgencyNote, ...]:
        """Notes of mergers that have taken effect by today."""
        return tuple(n for n in notes if n.since is None or n.since <= self.today)

    def _in_the_title_named(self, mention: Mention) -> bool:
        """Whether a name is said among the words of the one task named by its title
        ("rà soát tthc đất đai" of "rà soát thủ tục về đất đai"): its neighbours are the
        task's."""
        found = self.found
        if len(found.titled) != 1:
            return False
        around = found.words[max(0, mention.start - 1) : mention.start]
        around += found.words[mention.end : mention.end + 1]
        return bool(around) and self.reader.tasks.holds(found.titled[0][0], around)

    def subjects(self) -> list[_Subject]:
        """The subject of the question; several when its words name several things."""
        found = self.found
        agencies: list[str] = []
        notes: list[AgencyNote] = []
        section: str | None = None
        choices: list[_Subject] = []
        strength = 1.0
        # "ubnd các xã, phường, đặc khu chủ trì những nv nào": a body leads, no section does.
        role = any(c.kind is CueKind.ROLE for _, c in found.cues)
        for mention in found.names:
            top = mention.options[0][1]
            options = [(t.on(self.today), s) for t, s in mention.options if s >= CLOSE * top]
            close = self.reader.at_plan_level(options)
            bodies = [o for o in close if o[0].kind == "agency"]
            close = bodies if role and bodies else close
            if len(close) > 1 and not choices:
                choices = [_Subject.of(t, s / top, self.today) for t, s in close]
                continue
            target = close[0][0]
            strength = min(strength, top)
            if target.kind == "section" and self._in_the_title_named(mention):
                continue  # "việc rà soát tthc đất đai": the title's words, no section
            if target.kind == "section":
                section = section or target.values[0]
            else:
                agencies.extend(k for k in target.values if k not in agencies)
                # "Sở TTTT ... Giờ về KH&CN rồi": one merger, said by the name before it.
                notes.extend(n for n in target.notes if not _merger_said(n, notes))
        common = _Subject(tuple(agencies), section, None, self.in_force(notes), strength)
        if found.kind_choices and not agencies and not choices:
            choices = [replace(common, agencies=(k,)) for k in found.kind_choices]
        task_refs: list[tuple[TaskRef, float]] = []
        for hit in found.tasks:
            task_refs = list(zip(hit.refs, hit.scores, strict=True))
            break
        if found.titled:
            best = found.titled[0][1]
            task_refs = [(r, s / best) for r, s in found.titled if s >= TITLE_CLOSE * best]
        if task_refs:
            if len(task_refs) > 1:
                return [replace(common, task=r, score=s) for r, s in task_refs][:MAX_CHOICES]
            common = replace(common, task=task_refs[0][0])
            if common.section is not None and common.section == task_refs[0][0].section:
                # "nhiệm vụ 1 phần tổ chức thực hiện": the section only says where it is.
                common = replace(common, section=None)
            # "nhắc ubnd các xã, phường, đặc khu nv 2.1" of a section titled for them: the
            # words name the body; as the task's section they would only say where it is.
            where = task_refs[0][0].section
            choices = [c for c in choices if c.agencies or c.section != where]
            if len(choices) == 1:
                (only,) = choices
                return [
                    replace(
                        common,
                        agencies=tuple(dict.fromkeys((*common.agencies, *only.agencies))),
                        notes=(*common.notes, *only.notes),
                        score=only.score,
                    )
                ]
        if choices:
            # "sở tư pháp và tài chính": Sở Tư pháp with Sở Tài chính, or with section VI.
            return [
                _Subject(
                    tuple(dict.fromkeys((*common.agencies, *c.agencies))),
                    c.section or common.section,
                    common.task,
                    (*common.notes, *c.notes),
                    c.score,
                )
                for c in choices
            ][:MAX_CHOICES]
        return [common]


@dataclass(frozen=True)
class _Subject:
    """What a reading is about, and how sure (when several are offered)."""

    agencies: tuple[str, ...] = ()
    section: str | None = None
    task: TaskRef | None = None
    notes: tuple[AgencyNote, ...] = ()
    score: float = 1.0

    @classmethod
    def of(cls, target: Target, score: float, today: date) -> _Subject:
        if target.kind == "section":
            return cls(section=target.values[0], score=score)
        notes = tuple(n for n in target.notes if n.since is None or n.since <= today)
        return cls(agencies=target.values, notes=notes, score=score)


def _with_subject(intent: Intent, subject: _Subject) -> Intent:
    return replace(
        intent,
        agencies=subject.agencies,
        section=subject.section,
        task=subject.task,
        notes=subject.notes,
    )


def _take_letter_formula(found: _Found) -> None:
    """ "Đề nghị cho xem thông tin chi tiết của Báo cáo năm ...": "đề nghị" opening a
    message, before what is asked for, is a letter's formula, no title's words."""
    if found.words[:2] == _PLEASE and found.words[2:3] in _AFTER_PLEASE:
        found.take(0, 2, "a letter's formula", "context")


def _only_the_card_asked(found: _Found) -> bool:
    """Whether what is asked of a task is its card alone ("là việc gì", "chi tiết")."""
    card = any(c.kind is CueKind.FIELD and c.value == TaskField.CARD.value for _, c in found.cues)
    fields = {c.value for _, c in found.cues if c.kind is CueKind.FIELD and c.weight >= CLEAR}
    return card and fields <= {TaskField.CARD.value}


def _few_tasks_said(found: _Found) -> list[tuple[Phrase, Cue]]:
    """The counts said as "mấy việc", "mấy nhiệm vụ", "mấy nv"."""
    return [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.ASK
        and c.value == Ask.COUNT.value
        and said[0] == "may"
        and said[1:] in _TASK_HEADS_AFTER_FEW
    ]


def _few_whose_lead_is_asked(found: _Found) -> None:
    """ "mấy việc hạn 30/9 là đơn vị nào chủ trì": "mấy việc" before a question of who
    leads or supports is "those few tasks", no count ("mấy việc do sở X chủ trì" counts)."""
    asked = {c.value for _, c in found.cues if c.kind is CueKind.FIELD and c.weight >= CLEAR}
    if not asked & {TaskField.LEAD.value, TaskField.SUPPORT.value}:
        return
    few = _few_tasks_said(found)
    # ... asked who, after them ("là đơn vị nào chủ trì", "ai chủ trì"; not "có tên bên mình
    # ở mấy việc" of a column "Cơ quan phối hợp").
    first = min(
        (k for said, _ in few for k in _said_at(found, said, (CueKind.ASK.value,))), default=None
    )
    whom = [
        k
        for said, c in found.cues
        if c.kind is CueKind.FIELD and set(said) & _WHO
        for k in _said_at(found, said, (CueKind.FIELD.value,))
    ]
    if first is None or not any(k > first for k in whom):
        return
    for said, _ in few:
        for k in _said_at(found, said, (CueKind.ASK.value,)):
            found.release(k + 1, k + len(said), "those few tasks")  # the head names them
    found.cues = [e for e in found.cues if e not in few]


def _few_asked_what(found: _Found) -> None:
    """ "mấy việc sắp đến hạn là gì v": "mấy việc" asked what they are is which ones, a
    list, no count."""
    few = _few_tasks_said(found)
    what = [(said, c) for said, c in found.cues if said in _WHAT_THEY_ARE]
    if not few or not what:
        return
    first = min(k for said, _ in few for k in _said_at(found, said, (CueKind.ASK.value,)))
    if not any(k > first for said, c in what for k in _said_at(found, said, (c.kind.value,))):
        return
    found.cues = [e for e in found.cues if e not in few and e not in what] + [
        (said, Cue(CueKind.ASK, Ask.LIST.value, c.weight)) for said, c in few
    ]
    found.why.append("which they are")


def _of_many_tasks(said: Phrase, cue: Cue) -> bool:
    """A cue that asks of many tasks: a count said in two words or more ("có mấy"), or a
    list or status said with "việc" ("còn việc gì", "những việc nào"); "danh sách" of a
    title's "công khai danh sách" is not one."""
    if cue.kind is CueKind.ASK and cue.value == Ask.COUNT.value:
        return len(said) > 1
    return cue.kind in (CueKind.ASK, CueKind.STATUS) and bool({"viec", "nv", "nhiem"} & set(said))


def _up_to(period: Period) -> bool:
    """A window "đến 31/1" reads as: from the first of the year up to that day."""
    return period.kind is PeriodKind.RANGE and period.start == date(period.end.year, 1, 1)


def _drop_attach_of_export(found: _Found) -> None:
    """ "xuất excel quý III giúp mình, cần gửi kèm báo cáo": the file is asked for, to be
    sent on with a report; no evidence is attached to a task. The dates of that report are
    its own ("..., gửi kèm báo cáo 9 tháng"), no window of the file."""
    export = any(c.kind is CueKind.ASK and c.value == Ask.EXPORT.value for _, c in found.cues)
    evidence = _holds(found.words, ("minh", "chung"))  # "gửi file minh chứng": evidence
    if export and not found.tasks and not evidence:
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (c.kind is CueKind.ACTION and c.value == Action.ATTACH_EVIDENCE.value)
        ]
        sent = [k for k in range(len(found.words) - 1) if found.words[k : k + 2] == ["gui", "kem"]]
        if sent:
            _drop_dates_after(found, sent[0])


def _drop_dates_of_where_it_goes(found: _Found) -> None:
    """ "..., c cần con số đưa vô bc 9 tháng": the report the answer goes into, with its
    dates in its clause, is no window of what is asked (a report asked for keeps them; "...
    để đưa vào báo cáo của Bộ, bot đếm ... quý I": the question after it keeps its own)."""
    words = found.words
    into = next(
        (
            k
            for k in range(len(words) - 3)
            if words[k] in _PUT and words[k + 1] in _INTO and words[k + 2 : k + 4] == ["bao", "cao"]
        ),
        None,
    )
    if into is None:
        return
    asked = [
        k
        for said, c in found.cues
        if c.kind is CueKind.ASK and c.value in _REPORTS
        for k in _said_at(found, said, ("report", "ask"))
    ]
    if all(k == into + 2 for k in asked):
        clauses = found.clauses or [0] * len(words)
        # ... up to the clause's end, or a colon ("Để đưa vào báo cáo: quý III ...")
        end = next(
            (
                k
                for k in range(into + 1, len(words))
                if clauses[k] > clauses[into] or k in found.after_colon
            ),
            None,
        )
        _drop_dates_after(found, into, end)


_PUT = frozenset({"dua", "ghi", "dien", "cho"})
_INTO = frozenset({"vao", "vo"})


def _take_note(found: _Found, typed: str, spelled: Sequence[Word]) -> None:
    """ "gửi minh chứng cho việc tuyên truyền cchc ...: link các bài viết đã đăng": what
    follows the colon of a report or evidence sent is its content, no title's words."""
    noted = {Action.ATTACH_EVIDENCE.value, Action.REPORT_PROGRESS.value}
    if ":" not in typed or not any(
        c.kind is CueKind.ACTION and c.value in noted for _, c in found.cues
    ):
        return
    colon = typed.index(":")
    if not found.tasks and all(
        found.taken[k] or w.text in _FOR_ME or _self_at(found.words, k)
        for k, w in enumerate(spelled)
        if w.end <= colon
    ):
        # "cập nhật tiến độ (giúp e): lớp tập huấn ... đã làm được 70%": the task is named
        # after the colon.
        return
    after = [k for k, w in enumerate(spelled) if w.start > colon and not found.taken[k]]
    if after and after[0] > 0:
        for k in after:
            found.taken[k] = True
            found.takers[k] = "note"
    # ... nor is a request said in it ("bc tiến độ việc 5: đã cập nhật xong dữ liệu quý III"),
    # where the request is said before the colon.
    first = next((k for k, w in enumerate(spelled) if w.start > colon), len(spelled))
    before = {
        c.value
        for said, c in found.cues
        if c.kind is CueKind.ACTION and any(k < first for k in _said_at(found, said, _CUE_TAKERS))
    }
    if before & noted:
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (
                c.kind is CueKind.ACTION
                and c.value not in before
                and all(k >= first for k in _said_at(found, said, _CUE_TAKERS))
            )
        ]


def _said_at(found: _Found, said: Phrase, takers: Collection[str]) -> list[int]:
    """Where ``said`` was taken by one of ``takers``."""
    words, n = found.words, len(said)
    return [
        i
        for i in range(len(words) - n + 1)
        if tuple(words[i : i + n]) == said and found.takers[i] in takers
    ]


def _clauses_saying(found: _Found, said: Phrase, takers: Collection[str]) -> set[int]:
    """The clauses in which ``said`` was taken by one of ``takers``."""
    return {found.clauses[i] for i in _said_at(found, said, takers)}


def _handed_in(found: _Found) -> set[Phrase]:
    """The status cues said of what the asker hands in: "phải nộp", and "phải làm" where a
    report follows each time it is said."""
    words = found.words
    return set(_HANDED_IN) | {
        said
        for said, c in found.cues
        if said in _MADE
        and all(
            any(words[k + len(said) : k + len(said) + len(r)] == r for r in _REPORT_WORDS)
            for k in _runs_of(words, list(said))
        )
    }


def _opens_clause(found: _Found, k: int) -> bool:
    """Whether word ``k`` is the first of its clause."""
    return k == 0 or (bool(found.clauses) and found.clauses[k] != found.clauses[k - 1])


def _count_to_confirm(found: _Found) -> None:
    """ "quý 2 này chỉ có 2 việc đến hạn thôi đúng ko", "bên tư pháp có phải chỉ chủ trì 2 việc
    thôi k", "bên mình còn 2 việc chưa xong phải ko": a number of tasks the asker believes
    ("chỉ ... 2 việc ... thôi", or in a clause asked to be confirmed) asks the count."""
    words = found.words
    for k in range(1, len(words) - 1):
        if not (words[k].isdigit() and words[k + 1] in _TASK_WORDS) or found.taken[k]:
            continue
        only = "chi" in words[max(0, k - 3) : k] and "thoi" in words[k + 2 : k + 6]
        if only or _confirms(found, found.clauses[k] if found.clauses else 0):
            found.take(k, k + 2, "a count to confirm", CueKind.ASK.value)
            if "thoi" in words[k + 2 : k + 6]:  # "thôi": "only", no slip taken back
                last = words.index("thoi", k + 2)
                found.taken[last], found.takers[last] = True, CueKind.ASK.value
            found.cues.append(((words[k], words[k + 1]), Cue(CueKind.ASK, Ask.COUNT.value, CLEAR)))
            return


_TASK_WORDS = frozenset({"viec", "nv", "nhiem", "cai", "dau"})
# As many words after a task's head as name a title alone.
_AFTER_A_HEAD = 3
# "Mấy xã gọi lên hỏi": some bodies of a kind, and what they did.
_FEW_OF = (["xa"], ["phuong"], ["huyen"], ["so"], ["don"], ["phong"])
# Papers fetched or handed round ("mấy công văn đến", "mấy tờ giấy"), no tasks.
_PAPERS = (["cong", "van"], ["to", "giay"], ["tai", "lieu"])
_CALLED = (["goi"], ["hoi"], ["bao"], ["noi"], ["phan"], ["than"])
# The words before "số" that make it a share of things ("nửa số đơn vị", "tổng số").
_SHARE_OF = (["nua"], ["tong"], ["da"], ["phan"], ["cac"], ["nhung"])


_SHOWN = frozenset({"xem", "coi", "check"})


def _bodies_compared(found: _Found) -> None:
    """ "tình hình của STP và Sở KH&CN thế nào, bên nào chậm hơn": which of the bodies is
    slower asks how each stands, no list of what is late ("bên nào nhiều việc trễ hơn" is
    the list of each one's, as the files read it)."""
    words = found.words
    own = any(c.kind is CueKind.OWN for _, c in found.cues)
    progress = any(c.kind is CueKind.ASK and c.value == Ask.PROGRESS.value for _, c in found.cues)
    if len(found.names) + own < 2 or not progress:
        return
    if any(words[k - 1 : k + 1] == ["cham", "hon"] for k in range(1, len(words))):
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (c.kind is CueKind.STATUS and said == ("cham",))
        ]
        found.why.append("bodies compared by how they stand")


def _late_or_on_time(found: _Found) -> None:
    """ "Có chậm gì không hay vẫn đúng tiến độ": late or on time asks how it stands, no list
    of what is late."""
    words = found.words
    at = [k for k in range(len(words)) if words[k : k + 3] == ["dung", "tien", "do"]]
    if not any(words[k - 1 : k] == ["hay"] or words[k - 2 : k] == ["hay", "van"] for k in at):
        return
    found.cues = [
        (said, c)
        for said, c in found.cues
        if not (c.kind is CueKind.STATUS and c.value == Status.OVERDUE.value)
    ]
    found.why.append("late or on time")


def _many_to_be_shown(found: _Found) -> None:
    """ "mấy cái sắp tới hạn cho c coi nghen", "may viec sap toi han gui c coi voi": "mấy"
    opening the question before the tasks, which are then to be shown ("cho/gửi ... xem"),
    is "the few", no count asked; "có mấy việc", "mấy việc quá hạn?" still count."""
    words = found.words
    opens = (
        len(words) >= 2
        and words[0] == "may"
        and words[1] in _TASK_WORDS
        and any(
            words[k] in ("cho", "gui") and _SHOWN & set(words[k + 1 : k + 3])
            for k in range(2, len(words) - 1)
        )
    )
    if not (opens or _few_shown(words)):
        return
    found.cues = [
        (said, c)
        for said, c in found.cues
        if not (c.kind is CueKind.ASK and c.value == Ask.COUNT.value and said[0] == "may")
    ]
    found.cues.append((("cho", "xem"), Cue(CueKind.ASK, Ask.LIST.value, CLEAR)))


def _bodies_asked_to_report(found: _Found) -> None:
    """ "Yêu cầu SYT báo cáo tiến độ nv 2", "Đề nghị VP khẩn trương cập nhật tiến độ": a body
    told, as the clause opens, to report is reminded to, as "nhắc SYT báo cáo tiến độ" reads
    ("công văn đề nghị các sở báo cáo" inside a clause is what a letter says)."""
    words = found.words

    def told_at(start: int) -> int:
        """How many words before ``start`` tell, opening the clause ("yêu cầu", "yc")."""
        yc = words[start - 1 : start] == ["yc"]
        n = 2 if words[max(0, start - 2) : start] in _TELLS else int(yc)
        return n if n and start >= n and _opens_clause(found, start - n) else 0

    for m in found.names:
        n = told_at(m.start)
        end = m.end + 2 * (words[m.end : m.end + 2] in _HASTE)  # "... khẩn trương cập nhật"
        if n and (words[end : end + 2] in _TO_REPORT or words[end : end + 1] == ["bc"]):
            said = tuple(words[m.start - n : m.start])
            found.cues.append((said, Cue(CueKind.ACTION, Action.REMIND.value, _REMINDED)))
            found.why.append("a body told to report")
            return


_TELLS = (["yeu", "cau"], ["de", "nghi"])
_TO_REPORT = (["bao", "cao"], ["cap", "nhat"])
_HASTE = (["khan", "truong"], ["kip", "thoi"], ["nhanh", "chong"])
# As much as "nhắc" weighs.
_REMINDED = 5.0


def _worry_at(found: _Found, k: int) -> bool:
    """Whether word ``k`` is "lo" or "sợ" (to worry, to fear), typed with marks or bare."""
    word, typed = found.words[k], found.marks[k]
    if word == "lo":
        return typed is None or agree(typed, _WORRY)
    return word == "so" and (agree(typed, _FEAR) if typed else _fear_typed_bare(found.words, k))


_WORRY = marks("lo")


def _take_counts(found: _Found) -> None:
    """ "gia hạn cho 1 việc thì làm sao": a number of tasks, no words of a title."""
    for k in sorted(counting(found.words)):
        if not found.taken[k]:
            found.take(k, k + 1, "a count: " + found.words[k], "context")


def _take_a_worry(found: _Found) -> None:
    """ "lo vụ tinh giản biên chế đợt tháng 6 ko kịp, giờ tới đâu rồi": a clause that opens
    with a worry, before a clause that asks of now or of one task's field, names what is
    worried about; "lo", "không kịp" and its window are the worry's, no title's words."""
    words, clauses = found.words, found.clauses
    if not clauses or not clauses[-1]:
        return
    last = clauses[-1]
    fields = any(c.kind is CueKind.FIELD and c.weight >= CLEAR for _, c in found.cues)
    if not (fields or _now_in(found, last)):
        return
    worried = {
        clauses[k]
        for k in range(len(words) - 1)
        if clauses[k] != last
        and _opens_clause(found, k)
        and _worry_at(found, k)
        and words[k + 1 : k + 2] in _ONE_TASK_HEADS
    }
    if not worried:
        return
    for k in range(len(words)):
        if clauses[k] not in worried or found.taken[k]:
            continue
        if _opens_clause(found, k):
            found.take(k, k + 1, "a worry", "worry")
        elif words[k] == "kip" and words[k - 1] in _NOT_IN_TIME:
            found.take(k - 1, k + 1, "a worry", "worry")
    _keep_periods(found, lambda span: clauses[span[0]] not in worried)


_NOT_IN_TIME = frozenset({"khong", "ko", "k", "chua", "hong"})
# Heads of a task said with "mấy" ("coi giùm mấy nv ...") ...
_FEW_TASKS = (["viec"], ["nv"], ["nhiem"], ["cai"])
# ... and after a worry ("lo cái kết nối dữ liệu", "sợ vụ tinh giản"): one task.
_ONE_TASK_HEADS = (*_FEW_TASKS, ["vu"], ["de"])
# How many words a bare phrase opening a question may run to, naming what it asks of.
_NAMED_FIRST_WORDS = 4


def _asks_in(found: _Found, clause: int) -> bool:
    """Whether a cue that asks (what, how far, in what state) was said in ``clause``."""
    return clause in _cue_clauses(found, CueKind.ASK) | _cue_clauses(found, CueKind.STATUS)


def _asks_of_no_window(found: _Found) -> bool:
    """Whether the question asks how things stand, or what is not done or late, none of which
    a meeting's window bounds (what falls due then may be)."""
    states = {c.value for _, c in found.cues if c.kind is CueKind.STATUS}
    if states:
        return states <= {Status.OPEN.value, Status.OVERDUE.value}
    return any(c.kind is CueKind.ASK and c.value == Ask.PROGRESS.value for _, c in found.cues)


def _meeting_clauses(found: _Found) -> set[int]:
    """The clauses that say a meeting or a visit ("họp", "giao ban", "làm việc với", "đoàn
    kiểm tra")."""
    words = found.words
    return {
        found.clauses[k]
        for k in range(len(words))
        for meeting in _MEETINGS
        if tuple(words[k : k + len(meeting)]) == meeting
        and not (meeting == ("hop",) and words[k - 1 : k] and words[k - 1] in _HOP_NOT_MET)
    }


_MEETINGS = (("hop",), ("giao", "ban"), ("lam", "viec", "voi"), ("doan",))
# "tổng hợp", "phối hợp", "kết hợp", "trường hợp": "hợp", no meeting.
_HOP_NOT_MET = frozenset({"tong", "phoi", "ket", "truong", "tich", "thich", "phu", "lien", "to"})


def _now_in(found: _Found, clause: int) -> bool:
    """Whether ``clause`` asks of now ("tuần trước phòng VH-TT bị nhắc, giờ bên đó làm tới
    đâu rồi", "hiện tại còn mấy việc"), not of the window said before it; "từ giờ",
    "đến hiện nay" are windows of their own."""
    words = found.words
    for k, w in enumerate(words):
        if found.clauses[k] != clause or words[k - 1 : k] in (["tu"], ["den"], ["toi"]):
            continue
        if w == "gio" and not (k and (words[k - 1].isdigit() or words[k - 1] == "may")):
            return True
        if w == "hien" and words[k + 1 : k + 2] in (["tai"], ["nay"], ["gio"]):
            return True
    return False


def _fear_typed_bare(words: Sequence[str], k: int) -> bool:
    """Whether "so" at ``k``, typed without marks, is "sợ": the words after it never follow
    "sở" ("so tre", "so cuoi nam ko kip")."""
    return words[k] == "so" and words[k + 1 : k + 2] in _FEARED


_FEARED = (["tre"], ["cham"], ["khong"], ["ko"], ["bi"], ["cuoi"], ["lai"], ["quen"], ["sot"])


def _few_shown(words: Sequence[str]) -> bool:
    """Whether "mấy" tasks follow "coi giùm", "xem giúp em", "check giúp" ("coi giùm mấy nv
    sắp đến hạn": show the few); "xem giúp có mấy việc" still counts."""
    for k, w in enumerate(words):
        if w not in _SHOWN:
            continue
        j = k + 1
        while j < len(words) and (words[j] in _FOR_ME or words[j] in _TO_THE_ASKER):
            j += 1
        if j > k + 1 and words[j : j + 1] == ["may"] and words[j + 1 : j + 2] in _FEW_TASKS:
            return True
    return False


def _confirms(found: _Found, clause: int) -> bool:
    """Whether ``clause`` asks to confirm what it says: it ends on "phải không", "đúng không",
    "à", "hả" (before whom it is asked of), or says "có phải ... không"."""
    said = [
        w
        for w, c in zip(found.words, found.clauses or [0] * len(found.words), strict=True)
        if c == clause
    ]
    while said and (said[-1] in _ASKED_OF or said[-1] == "nhi"):  # "..., phải không nhỉ"
        said.pop()
    if said[-2:] in (["phai", "khong"], ["dung", "khong"]) or said[-1:] in (["ha"], ["a"]):
        return True
    return said[-1:] == ["khong"] and any(
        said[k : k + 2] == ["co", "phai"] for k in range(len(said))
    )


def _a_number_to_confirm(words: Sequence[str]) -> bool:
    """Whether the question asks to confirm how many tasks there are ("có 4 việc có hạn đúng
    không", "chủ trì 2 nv thôi phải ko")."""
    tag = _confirm_tag(words)
    return bool(tag) and any(
        (w.isdigit() and len(w) <= 2 or w in NUMBER_WORDS) and words[k + 1] in _COUNTED_NOUNS
        for k, w in enumerate(words[: tag.start - 1])
    )


# What a number counts when it counts tasks ("4 việc", "hai nhiệm vụ").
_COUNTED_NOUNS = frozenset({"viec", "nv", "nhiem", "dau", "cai"})


def _confirm_tag(words: Sequence[str]) -> range:
    """Where the question's last words ask to confirm it ("đúng không em", "phải ko ạ")."""
    end = len(words)
    while end and words[end - 1] in _ASKED_OF | _POLITE_TAIL:
        end -= 1
    if end >= 2 and words[end - 2] in ("dung", "phai") and words[end - 1] in _NOT_SO:
        return range(end - 2, len(words))
    return range(0)


# "không" as typed at the end of a question ("đúng ko", "phải hông", "đúng k").
_NOT_SO = frozenset({"khong", "ko", "k", "hong", "kh", "hok", "hem"})
_POLITE_TAIL = frozenset({"a", "nhi", "vay", "ha", "nhe", "ta"})
# Whom a question is asked of, after its last word ("..., đúng không em").
_ASKED_OF = frozenset({"em", "e", "anh", "chi", "c", "ban", "bot"})
# Words after "hạn" before the deadline ("hạn tới năm 2027", "hạn trước ngày 7/6").
_UP_TO = frozenset({"toi", "den", "truoc", "la", "vao"})
_IN_OR_UP_TO = _UP_TO | {"trong"}
# A day of a month as typed ("30/6"), a deadline said.
_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?")


# The words that ask where or which ("ở hội trường nào", "họp ở đâu").
_WHERE_WHICH = frozenset({"nao", "dau"})


def _talk_asks(found: _Found) -> bool:
    """Whether the word that asks is small talk's ("hội nghị tổng kết tổ chức ở hội trường
    nào": which hall, not the report; "chốt danh sách đăng ký đi tất niên": the party's)."""
    return any(
        c.kind is CueKind.OFF_TOPIC
        and (c.weight >= OCCASION or (c.weight >= PEOPLE and bool(set(said) & _WHERE_WHICH)))
        for said, c in found.cues
    )


def _phatic(said: Phrase, cue: Cue) -> bool:
    """Small talk that says nothing of a topic: calling someone ("bot ơi"), a greeting,
    "dạ", a laugh."""
    return cue.kind is CueKind.OFF_TOPIC and (
        said[-1:] == ("oi",) or said[:1] == ("chao",) or said in _PHATIC
    )


_PHATIC = frozenset(
    {("da",), ("da", "vang"), ("hihi",), ("haha",), ("hehe",), ("kkk",), ("xin", "chao")}
    | {("hello",), ("hi",), ("alo",)}
)


def _then_after(words: Sequence[str], k: int) -> int:
    """How many words from ``k`` say "thì" ("thì", "rồi thì"): what comes before them is a
    condition; 0 if none do, or if what follows leaves those out ("việc nào xong rồi thì bỏ
    ra": the rest)."""
    n = 1 if words[k : k + 1] == ["thi"] else 2 if words[k : k + 2] == ["roi", "thi"] else 0
    return 0 if words[k + n : k + n + 1] in _LEFT_OUT else n


# What a list leaves out: "việc nào xong rồi thì bỏ ra", "... thì khỏi liệt kê".
_LEFT_OUT = (["bo"], ["loai"], ["khoi"], ["tru"], ["khong"])


def _cue_clauses(found: _Found, kind: CueKind) -> set[int]:
    """The clauses in which a cue of ``kind`` was taken."""
    taker = (kind.value,)
    return {
        c
        for said, cue in found.cues
        if cue.kind is kind
        for c in _clauses_saying(found, said, taker)
    }


def _in_one_clause(found: _Found, first: CueKind, second: CueKind) -> bool:
    """Whether cues of ``first`` and ``second`` were said in one clause."""
    return not found.clauses[-1] or bool(_cue_clauses(found, first) & _cue_clauses(found, second))


def _parted_by_names(found: _Found, first: CueKind, second: CueKind) -> bool:
    """Whether cues of ``first`` and ``second`` were said in clauses parted only by the
    commas of names listed ("nhắc các sở Xây dựng, NN&MT mấy việc trễ hạn")."""
    one, other = _cue_clauses(found, first), _cue_clauses(found, second)
    if not one or not other:
        return False
    low, high = sorted((min(one), min(other)))
    # Clauses are numbered one after another: each opens at the first word of its number.
    opening = {found.clauses.index(c) for c in range(low + 1, high + 1)}
    return bool(opening) and opening <= {m.start for m in found.names}


_DUE = ("den", "han")
# What says the asker disputes what the bot holds ("... mà sao bot lại báo 30/6", "kh ghi
# ... cơ mà").
_DISPUTED = (
    ("ma", "sao"),
    ("co", "ma"),
    ("sao", "lai", "bao"),
    ("sao", "bot"),
    ("he", "thong", "bao"),
    ("he", "thong", "lai", "bao"),
    ("kh", "ghi"),
    ("ke", "hoach", "ghi"),
    ("chi", "thi", "ghi"),
)


def _or_between(words: Sequence[str]) -> bool:
    """ "hay", "hoặc là cuối": "or" between two days, with the words before the second."""
    return words[:1] in (["hay"], ["hoac"]) and set(words[1:]) <= _BEFORE_A_DAY


_BEFORE_A_DAY = frozenset({"la", "cuoi", "dau", "giua", "ngay", "vao"})


def _in_plan_words(
    spelled: list[Word], plain: Mapping[Phrase, tuple[Marks, Phrase, Marks]]
) -> list[Word]:
    """The question's words, everyday words for a task's work said as the plan writes them
    ("dò lại mấy văn bản cũ": "rà soát"), longest first; each keeps the span typed. A word
    alone must be typed with its own diacritics ("nối", not "nội"); a phrase may be typed
    bare."""
    longest = max(map(len, plain), default=0)
    out: list[Word] = []
    i = 0
    while i < len(spelled):
        for size in range(min(longest, len(spelled) - i), 0, -1):
            typed = spelled[i : i + size]
            said = plain.get(tuple(w.text for w in typed))
            if said is not None and all(
                agree(w.marks, m, strict=size == 1) for w, m in zip(typed, said[0], strict=True)
            ):
                start, end = typed[0].start, typed[-1].end
                out.extend(Word(w, start, end, m) for w, m in zip(*said[1:], strict=True))
                i += size
                break
        else:
            out.append(spelled[i])
            i += 1
    return out


def _commas_as_points(m: re.Match[str]) -> str:
    """ "II,6,a,2" as "II.6.a.2", "2,a" as "2.a"."""
    return (m[1] or m[3]) + (m[2] or m[4]).replace(",", ".")


def _roman_unglued(m: re.Match[str]) -> str:
    """ "ii5a2" as "II.5.a.2"."""
    return ".".join(part for part in (m[1].upper(), m[2], m[3], m[4]) if part)


def _has_phrase(words: Sequence[str], said: Phrase) -> bool:
    """Whether ``said`` runs somewhere in ``words``."""
    return any(tuple(words[i : i + len(said)]) == said for i in range(len(words)))


def _no_new_deadline(found: _Found, period: Period, today: date) -> bool:
    """Whether ``period`` cannot be the time a deadline moves to: it is past ("kết luận
    kiểm toán tuần trước mới về"), or said as the time the work falls short in ("ko kịp
    trong năm nay") or the whole time it had ("hạn cả năm")."""
    if period.end < today:
        return True
    words = found.words
    return any(
        (start > 0 and words[start - 1] in ("trong", "kip")) or words[start] == "ca"
        for p, (start, _) in zip(found.periods, found.period_spans, strict=True)
        if p == period
    )


def _join_periods(found: _Found) -> None:
    """ "tuần này với tuần sau", "tháng 8 và tháng 9": one window over both, where the second
    begins the day after the first ends."""
    periods, spans = found.periods, found.period_spans
    k = 0
    while k + 1 < len(periods):
        first, second = periods[k], periods[k + 1]
        between = found.words[spans[k][1] : spans[k + 1][0]]
        if between in (["va"], ["voi"]) and second.start == first.end + timedelta(days=1):
            periods[k : k + 2] = [Period(PeriodKind.RANGE, first.start, second.end)]
            spans[k : k + 2] = [(spans[k][0], spans[k + 1][1])]
            found.why.append("windows joined")
        else:
            k += 1


def _done_ones_too(found: _Found) -> None:
    """ "ds việc vp mình chủ trì mà chưa xong… à mà thôi, cho e cả những việc đã xong luôn":
    the tasks whatever their state, no status asked."""
    words = found.words
    for k, w in enumerate(words):
        if w != "ca" or not agree(found.marks[k], marks("cả")) or words[k - 1 : k] == ["tat"]:
            continue  # "tất cả việc đã hoàn thành": all that are done
        j = k + 1
        while words[j : j + 1] in (["nhung"], ["cac"], ["may"], ["cai"]):
            j += 1
        if words[j : j + 1] not in (["viec"], ["nv"]):
            continue
        j += 1
        if words[j : j + 1] == ["da"]:
            j += 1
        if words[j : j + 1] == ["xong"] or words[j : j + 2] == ["hoan", "thanh"]:
            found.cues = [(said, c) for said, c in found.cues if c.kind is not CueKind.STATUS]
            found.why.append("the done ones too")
            return


def _window_to_come(found: _Found, today: date) -> None:
    """ "tuần sau thì sao", "lịch tuần sau thế nào": a week or a month still to come, asked
    how it stands and nothing else, asks what falls due in it (of a quarter to come, "còn quý
    3 thì sao" asks how far its tasks are)."""
    if found.tasks or found.titled or found.names or len(found.periods) != 1:
        return
    window = found.periods[0]
    if window.start <= today or (window.end - window.start).days > 31 or not found.cues:
        return
    if any(
        c.kind not in (CueKind.ASK, CueKind.FIELD)
        or c.value not in _HOW_IT_STANDS
        or {"tien", "trien"} & set(said)  # "tiến độ quý 4": how far its tasks are
        for said, c in found.cues
    ):
        return
    found.cues = [
        (said, replace(c, kind=CueKind.ASK, value=Ask.LIST.value)) for said, c in found.cues
    ]
    found.why.append("a window to come")


def _recorded_request(found: _Found) -> None:
    """ "stc xin gia hạn thêm 1 tháng, em ghi nhận giúp": "ghi nhận" records the other
    request said; alone ("ghi nhận giúp chị: ... được 70% rồi") it records progress."""
    recorded = [(said, c) for said, c in found.cues if said in _RECORDING]
    other = {c.value for _, c in found.cues if c.kind is CueKind.ACTION} - {
        c.value for _, c in recorded
    }
    if recorded and other:
        found.cues = [e for e in found.cues if e not in recorded]


# "cuối năm", "đầu năm", "giữa năm": a time of the year, no window.
_TIMES_OF_YEAR = frozenset({"cuoi", "dau", "giua"})


# "ghi nhận giúp", "ghi lại giùm": what is said, recorded.
_RECORDING = frozenset(
    {
        ("ghi", "nhan", "giup"),
        ("ghi", "nhan", "gium"),
        ("ghi", "nhan", "ho"),
        ("ghi", "lai", "giup"),
        ("ghi", "lai", "gium"),
        ("ghi", "lai", "ho"),
    }
)


def _denial_of_no_body(found: _Found) -> None:
    """ "... chứ ko phải stp" denies who leads; "ý e là II.2.2 chứ ko phải II.2.1", "30/9 chứ
    ko phải 30/6" deny a task or a day said, and ask no lead."""
    starts = {t.start for t in found.tasks} | {a for a, _ in found.period_spans}
    denials = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.FIELD
        and said[-1] == "phai"
        and any(k + len(said) in starts for k in _said_at(found, said, _CUE_TAKERS))
    ]
    if denials:
        found.cues = [e for e in found.cues if e not in denials]


def _drop_denied(found: _Found) -> None:
    """ "Không phải quý này, quý sau cơ: có hạn những việc gì", "..., snv chứ ko phải stp",
    "ý e là II.2.2 chứ ko phải II.2.1": a window, a body or a task the asker denies, beside
    one they do not, is not the one asked."""
    words = found.words

    def denied(k: int) -> bool:
        return k >= 2 and words[k - 1] == "phai" and words[k - 2] in _DENYING

    windows = [denied(k) for k, _ in found.period_spans]
    if any(windows) and not all(windows):
        spans = [s for s, d in zip(found.period_spans, windows, strict=True) if d]
        _keep_periods(found, lambda span: span not in spans)
        found.why.append("a window denied")
    names = [denied(m.start) for m in found.names]
    if any(names) and not all(names):
        gone = [m for m, d in zip(found.names, names, strict=True) if d]
        found.names = [m for m, d in zip(found.names, names, strict=True) if not d]
        # ... and the part it was denied in ("việc nào ko phải VP HĐND-UBND chủ trì")
        found.cues = [
            (said, c)
            for said, c in found.cues
            if c.kind is not CueKind.ROLE
            or not all(any(k == m.end for m in gone) for k in _said_at(found, said, ("role",)))
        ]
        found.why.append("a body denied")
    tasks = [denied(t.start) for t in found.tasks]
    if any(tasks) and not all(tasks):
        found.tasks = [t for t, d in zip(found.tasks, tasks, strict=True) if not d]
        found.why.append("a task denied")


def _drop_what_is_left_out(found: _Found) -> None:
    """ "Không tính VP Bộ thì các đơn vị khác còn bao nhiêu việc chưa xong", "ngoài sở mình
    ra còn bên nào chưa xong", "Ngoài nhiệm vụ được giao chủ trì, bên mình còn phải phối hợp
    những nhiệm vụ nào": the bodies, the asker's own, the part and the window said as left
    out are not what is asked (the nearest answer is of every other)."""
    words = found.words
    spans = [span for k in range(len(words)) if (span := _left_out_at(found, k)) is not None]
    if not spans:
        return

    def out(k: int) -> bool:
        return any(a <= k < b for a, b in spans)

    names = [m for m in found.names if out(m.start)]
    cues = [
        (said, c)
        for said, c in found.cues
        if c.kind in (CueKind.OWN, CueKind.ROLE, CueKind.STATUS)
        and (at := _said_at(found, said, (c.kind.value,)))
        and all(out(k) for k in at)
    ]
    periods = [span for span in found.period_spans if out(span[0])]
    if not (names or cues or periods):
        return
    found.names = [m for m in found.names if m not in names]
    found.cues = [e for e in found.cues if e not in cues]
    _keep_periods(found, lambda span: span not in periods)
    found.why.append("what is left out")


def _left_out_at(found: _Found, k: int) -> tuple[int, int] | None:
    """The words said as left out from word ``k``: after "ngoài", "không tính", "trừ",
    "ngoại trừ", up to the "ra" or "thì" that closes them, or their clause's end."""
    words, typed = found.words, found.marks
    if words[k] == "ngoai" and agree(typed[k], _BESIDES):
        if words[k + 1 : k + 2] in (["ra"], ["gio"], []) or words[k - 1 : k] in _OUTSIDE:
            return None  # "ngoài ra", "ngoài giờ", "nước ngoài", "ở ngoài", "năm ngoái"
        start = k + 1 + (words[k + 1 : k + 2] == ["tru"])
    elif words[k : k + 2] == ["khong", "tinh"] and agree(typed[k + 1], _COUNTED):
        start = k + 2
    elif words[k] == "tru" and agree(typed[k], _EXCEPT) and words[k - 1 : k] != ["khau"]:
        start = k + 1
    else:
        return None
    end = start
    clause = found.clauses[start] if start < len(words) else None
    while (
        end < len(words)
        and end - start < _LEFT_OUT_WORDS
        and words[end] != "ra"
        and not (words[end] == "thi" and agree(typed[end], _THEN))
        and found.clauses[end] == clause
    ):
        end += 1
    if typed[k] is None and words[end : end + 1] != ["ra"]:
        return None  # typed bare, "ngoai", "tru" ("năm ngoái", "cư trú") need their "ra"
    return (start, end) if end > start else None


def _drop_days_of_events(found: _Found) -> None:
    """ "Mai có cuộc họp trực tuyến với UBND tỉnh", "Hôm qua anh PGĐ có hỏi": a day said
    of a meeting, a call or a question put to the asker is when it happens, no window the
    tasks are asked in; a deadline said beside it ("mai họp, việc nào hạn mai") keeps it."""
    words = found.words
    if "han" in words:
        return
    events = [
        span
        for span in found.period_spans
        if set(words[span[0] : span[1]]) <= _DAY_WORDS
        and any(
            _meets_at(words, j)
            or tuple(words[j : j + 2]) in _HAPPENINGS
            or (words[j] in _ASKED_OR_CALLED and _self_or_leader_before(words, j))
            for j in range(span[1], min(span[1] + 7, len(words)))
        )
    ]
    if events:
        _keep_periods(found, lambda span: span not in events)


def _self_or_leader_before(words: Sequence[str], j: int) -> bool:
    """Whether a person is said just before word ``j`` ("anh PGĐ có hỏi", "sếp gọi")."""
    return any(w in _SELF or w in _SUPERIORS for w in words[max(0, j - 4) : j])


# Words of one day said from today: "mai", "sáng mai", "hôm qua", "chiều nay".
_DAY_WORDS = frozenset({"mai", "ngay", "sang", "chieu", "toi", "hom", "qua", "nay", "trua"})
_HAPPENINGS = frozenset({("giao", "ban"), ("lam", "viec"), ("cong", "tac"), ("cuoc", "hop")})
_ASKED_OR_CALLED = frozenset({"hoi", "goi"})


# "không phải", "đâu phải", "chứ chẳng phải": what the asker denies.
_DENYING = _NOT_SO | {"dau", "chang", "cha"}


def _keep_periods(found: _Found, keep: Callable[[tuple[int, int]], bool]) -> None:
    """Keeps the periods whose words' span ``keep`` holds to; notes any dropped."""
    kept = [(p, s) for p, s in zip(found.periods, found.period_spans, strict=True) if keep(s)]
    if len(kept) < len(found.periods):
        found.periods = [p for p, _ in kept]
        found.period_spans = [s for _, s in kept]
        found.why.append("dates of the context")


def _led(words: Sequence[str], k: int) -> int | None:
    """Where "lãnh đạo" ("lđ") starts right before word ``k`` ("lãnh đạo sở": the leaders
    of a body, people), if it does."""
    if k >= 2 and words[k - 2 : k] == ["lanh", "dao"]:
        return k - 2
    return k - 1 if k >= 1 and words[k - 1] == "ld" else None


def _sent_to_leaders(words: Sequence[str], k: int) -> bool:
    """Whether the body at word ``k`` is named as whose leaders something goes to ("...,
    gửi lãnh đạo văn phòng"), whatever is asked."""
    start = _led(words, k)
    return start is not None and start > 0 and words[start - 1] in _HANDED_TO


def _unseen_clause_at(words: Sequence[str], clauses: Sequence[int], k: int) -> bool:
    """Whether a later clause starts at ``k`` that says what the asker has not seen ("mà
    chưa thấy", "2 tuần nay không thấy cập nhật gì")."""
    if not clauses or not clauses[k] or clauses[k - 1] == clauses[k]:
        return False
    own = [w for w, c in zip(words[k:], clauses[k:], strict=False) if c == clauses[k]]
    return any(
        own[j : j + 1] in _NOT_YET and own[j + 1 : j + 2] == ["thay"] for j in range(len(own))
    )


def _handed_to(words: Sequence[str], i: int, kinds: Container[str]) -> bool:
    """Whether the kind's word at ``i`` is whom something is handed to ("chiều nộp UBND",
    "soạn công văn gửi các Vụ, Cục", "gửi cho các xã")."""
    j = i
    while j > 0 and (words[j - 1] in _BEFORE_WHOM or words[j - 1] in kinds):
        j -= 1
    return j > 0 and words[j - 1] in _HANDED_TO


_BEFORE_WHOM = frozenset({"cac", "nhung", "cho", "ve", "toi"}) | _LISTING
# What the bot is asked to let the asker have: "cho mình xin", "cho em xem", "cho chị hỏi".
_GRANTED = frozenset({"xin", "xem", "hoi", "biet"})


def _reported_to_later(found: _Found, mention: Mention) -> bool:
    """Whether a name is whom the asker must report to, in a clause after the question
    ("Năm nay xong đc mấy việc rồi em? cuối năm phải báo cáo UBND tỉnh")."""
    words, j = found.words, mention.start
    j -= 1 if words[j - 1 : j] in (["len"], ["cho"], ["voi"]) else 0
    return (
        j >= 3
        and words[j - 2 : j] == ["bao", "cao"]
        and words[j - 3] in _MUST_REPORT
        and bool(found.clauses)
        and found.clauses[j - 3] > min(found.questioned, default=found.clauses[j - 3])
    )


_MUST_REPORT = frozenset({"phai", "can", "se", "con"})


def _sent_by_the_asker(found: _Found, mention: Mention) -> bool:
    """Whether a name is whom the asker sends something, in a clause after the question
    ("..., chị soạn văn bản gửi các Cục, Vụ luôn")."""
    words, j = found.words, mention.start
    while j > 0 and words[j - 1] in _BEFORE_WHOM:
        j -= 1
    if not (j > 0 and words[j - 1] in _SENT_TO):
        return False
    if any(
        words[i : i + 2] == ["bao", "cao"] and words[i - 1] in _BUSY_WITH
        for i in range(max(1, j - 9), j - 1)
    ):
        return True  # "chị đang làm báo cáo CCHC 9 tháng gửi Sở Nội vụ": whom it goes to
    if not (found.clauses and found.clauses[j - 1]):
        return False
    clause = found.clauses[j - 1]
    start = found.clauses.index(clause)
    return any(_self_at(words, k) for k in range(start, j - 1))


def _self_at(words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is the asker speaking of themselves ("em", "chị", "a" typed
    short; not the "a" of "điểm a")."""
    return words[k] in _SELF and not (
        len(words[k]) == 1 and k and (words[k - 1] in _LETTERED or words[k - 1][:1].isdigit())
    )


def _named_document_before(found: _Found, start: int) -> bool:
    """Whether a document is named by its words right before word ``start`` ("Kế hoạch hành
    động năm 2025": the year is the document's): "kế hoạch" or "chỉ thị" a few words
    before, with nothing but the document's own words between ("kế hoạch chuyển đổi số năm
    nay": words a section's name holds too)."""
    of_sections = {k for m in found.names if _only_sections(m) for k in range(m.start, m.end)}
    for k in range(max(0, start - 5), start - 2):
        if any(_holds(found.words[k : k + len(d)], d) for d in _DOCUMENTS) and not any(
            found.taken[j] and j not in of_sections for j in range(k, start)
        ):
            return True
    return False


def _handed_before(found: _Found, k: int) -> bool:
    """Whether something is handed in or reported just before word ``k``, in its clause
    ("nộp báo cáo cho", "nộp bc quý I cho")."""
    start = max(0, k - _HANDED_WORDS - 2)
    return any(
        found.words[j] in _HANDED_TO | {"cao", "bc"}
        and (not found.clauses or found.clauses[j] == found.clauses[k])
        for j in range(start, k)
    )


def _recipients(words: Sequence[str]) -> set[int]:
    """The words that say whom something is sent to: "cho xã", "cho các phường"."""
    out: set[int] = set()
    for i in range(len(words) - 1):
        if words[i] == "cho" and words[i + 1] == "cac":
            out.update(range(i, min(i + 3, len(words))))
        elif words[i] == "cho" and words[i + 1] in _RECIPIENTS:
            out.update((i, i + 1))
    return out


def _last_sentence(found: _Found) -> int:
    """Where the last sentence begins, but for thanks said after it ("... ? Thanks in
    advance.", "... ạ? Em cảm ơn anh chị")."""
    words = found.words
    end, starts = len(words), sorted(found.sentence_starts, reverse=True)
    for start in starts:
        said = words[start:end]
        if not (set(said) <= _THANKS_WORDS and _THANKS.intersection(said)):
            return start
        end = start
    return 0 if end < len(words) else max(starts, default=0)


def _says_what_it_asks(found: _Found, start: int) -> bool:
    """Whether the words from ``start`` say what they ask of: a status, the asker's own, a
    name, a window or a task."""
    words = found.words
    return (
        any(
            c.kind in (CueKind.STATUS, CueKind.OWN) and _holds(words[start:], said)
            for said, c in found.cues
        )
        or any(m.start >= start for m in found.names)
        or any(a >= start for a, _ in found.period_spans)
        or any(t.start >= start for t in found.tasks)
    )


def _reported_questions(found: _Found) -> set[int]:
    """The words of a question someone else asked, as the asker reports it ("lãnh đạo vừa
    gọi hỏi trước kỳ nghỉ lễ có việc gì tồn đọng không."), to the end of its sentence."""
    words, typed = found.words, found.marks
    reported: set[int] = set()
    for j in range(1, len(words)):
        if words[j] != "hoi" or not agree(typed[j], _ASKS) or words[j - 1] not in _REPORTED_BY:
            continue
        end = min((k for k in found.sentence_starts if k > j), default=len(words))
        reported.update(range(j + 1, end))
    return reported


def _plan_said(found: _Found, start: int) -> bool:
    """Whether the words from ``start`` name the plan as what is asked of ("hiện kế hoạch có
    bao nhiêu nhiệm vụ quá hạn", "tiến độ thực hiện Kế hoạch CCHC 2026 của Bộ")."""
    words = found.words
    return any(found.takers[k] == "plan" for k in range(start, len(words))) or any(
        k >= start and not found.taken[k] for run in _DOCUMENT_KINDS for k in _runs_of(words, run)
    )


def _runs_of(words: Sequence[str], run: Sequence[str]) -> list[int]:
    """Where ``words`` hold ``run``, one after another."""
    n = len(run)
    return [i for i in range(len(words) - n + 1) if list(words[i : i + n]) == list(run)]


def _drop_askers_draft(found: _Found) -> None:
    """ "Chị đang làm đề cương báo cáo 9 tháng. Em lập báo cáo 9 tháng đầu năm giúp chị.":
    the outline or list the asker drafts ("a đang lên ds các sở chậm trễ ..., e lọc giúp
    ..."), in a clause of its own beside one that asks, is why the asker asks; its words ask
    nothing, and its dates are no window."""
    words = found.words
    if not found.clauses or not found.clauses[-1]:
        return
    drafted = {found.clauses[k] for run in _OUTLINES for k in _runs_of(words, run)}
    kinds = (CueKind.ASK, CueKind.FIELD, CueKind.STATUS, CueKind.ACTION)

    def clauses_of(said: Phrase, cue: Cue) -> set[int]:
        return _clauses_saying(found, said, {cue.kind.value, "report"})

    if not drafted or not any(
        c.kind in kinds and clauses_of(said, c) - drafted for said, c in found.cues
    ):
        return
    found.cues = [
        (said, c)
        for said, c in found.cues
        if not clauses_of(said, c) or clauses_of(said, c) - drafted
    ]
    _keep_periods(found, lambda span: found.clauses[span[0]] not in drafted)
    found.why.append("the asker's draft")


def _drop_reminders_of_ones_own(found: _Found) -> None:
    """ "Các xã còn việc nào chưa xong không? Phải nhắc thôi", "... Chị cần nhắc các đơn vị
    trước khi nghỉ Tết", "... để em nhắc", "... nhắc mấy lần rồi vẫn im": what the asker
    must or is about to do, or has done many times, said in a clause after one that asks,
    is a remark, no request to the bot."""
    words = found.words
    if not found.clauses or not found.clauses[-1]:
        return
    asked = set().union(*(_cue_clauses(found, kind) for kind in _ASKED_BEFORE_A_REMARK))
    dropped, remarks = [], set()
    for said, c in found.cues:
        if c.kind is not CueKind.ACTION:
            continue
        at = _said_at(found, said, {CueKind.ACTION.value})
        after = [words[k + len(said) : k + len(said) + 2] for k in at]
        own = [
            found.clauses[k]
            for k, tail in zip(at, after, strict=True)
            if (k and words[k - 1] in _MUST_DO)
            or (k > 1 and words[k - 1] == "di" and words[k - 2] in _MUST_DO)  # "phải đi đôn đốc"
            or (k > 1 and words[k - 1] in _ABOUT_TO and _self_at(words, k - 2))
            or (k > 1 and words[k - 2] in _ABOUT_TO and _self_at(words, k - 1))
            or (tail[1:] == ["lan"] and tail[0] in _TIMES)
            # "trước khi đi nhắc người ta": what the asker goes to do
            or (k > 1 and words[k - 1] == "di" and words[k - 2] == "khi")
            # "có việc gì sắp tới hạn k bot, e nhắc các đơn vị luôn": who calls the bot
            # "bot" speaks of themselves as "e", "mình"
            or (
                k > 1
                and _self_at(words, k - 1)
                and "bot" in words[: k - 1]
                and not _FOR_ME.intersection(tail[:1])
            )
        ]
        if own and asked and min(asked) < min(own):
            dropped.append((said, c))
            remarks.update(own)
    if dropped:
        # ... nor is its time a window ("tuần này vụ phải gửi văn bản đôn đốc"), nor whom it
        # reminds a part asked of ("..., e còn nhắc các sở chủ trì").
        dropped += [
            (said, c)
            for said, c in found.cues
            if c.kind is CueKind.ROLE
            and _clauses_saying(found, said, {CueKind.ROLE.value}) <= remarks
        ]
        found.cues = [e for e in found.cues if e not in dropped]
        _keep_periods(found, lambda span: found.clauses[span[0]] not in remarks)
        found.why.append("the asker's own reminding")


def _drop_what_a_document_asks(found: _Found) -> None:
    """ "Theo CV 312/PNV ngày 3/9 đôn đốc thì ... có những việc nào", "TB kết luận số 88
    ngày 20/8 có nhắc việc ..., việc đó tới đâu rồi": what a document cited asks for, said
    right after it, is no request of the asker's, who asks a question."""
    ends = [k for k in found.documents if k + 1 not in found.documents]
    if not ends:
        return
    taker = (CueKind.ACTION.value,)

    def of_a_document(k: int) -> bool:
        return any(
            end < k <= end + _DOCUMENT_ASKS
            and (not found.clauses or found.clauses[k] == found.clauses[end])
            for end in ends
        )

    dropped = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.ACTION and any(map(of_a_document, _said_at(found, said, taker)))
    ]
    kept = [c for said, c in found.cues if (said, c) not in dropped]
    # ... where the question asks, and asks nothing done ("Theo CV ... đề nghị gia hạn nv 6
    # thêm 1 tháng, em cập nhật giúp chị": the request is the document's, to be carried out)
    if any(c.kind is CueKind.ACTION for c in kept) or not any(
        c.kind in (CueKind.ASK, CueKind.FIELD, CueKind.STATUS) for c in kept
    ):
        return
    if dropped:
        found.cues = [e for e in found.cues if e not in dropped]
        found.why.append("what a document asks")


# How far after a document's number its request is said ("... ngày 20/8 có nhắc").
_DOCUMENT_ASKS = 3


def _drop_relayed_requests(found: _Found) -> None:
    """ "Sếp bảo nhắc ngay mấy đơn vị chậm. Trước hết cho em ds các việc đã quá hạn": what a
    superior told the asker to do, said before a clause that asks for a list or a count, is
    why the asker asks; the list is what the bot is asked for."""
    relayed = {
        clause
        for said, c in found.cues
        if c.kind is CueKind.OFF_TOPIC and (said[-1] in _RELAYED or said[-2:] == ("chi", "dao"))
        for clause in _clauses_saying(found, said, {CueKind.OFF_TOPIC.value})
    }
    asked = {
        clause
        for said, c in found.cues
        if c.kind is CueKind.ASK and c.value in _LISTS and c.weight >= CLEAR
        for clause in _clauses_saying(found, said, {CueKind.ASK.value})
    } - relayed
    if not relayed or not asked or max(asked) <= min(relayed):
        return
    taker = {CueKind.ACTION.value}
    kept = [
        (said, c)
        for said, c in found.cues
        if c.kind is not CueKind.ACTION or not _clauses_saying(found, said, taker) <= relayed
    ]
    # ... nor is the window of what the superior said ("sếp dặn việc nào năm nay không kịp
    # thì báo rõ. Lọc giúp em các việc hạn 31/12 mà chưa xong"), where the question has one.
    if any(found.clauses[start] in asked for start, _ in found.period_spans):
        _keep_periods(found, lambda span: found.clauses[span[0]] not in relayed)
    if len(kept) < len(found.cues):
        found.cues = kept
        found.why.append("a request relayed before the question")


def _drop_what_the_asker_saw(found: _Found) -> None:
    """ "Sở TTTT có được giao nhiệm vụ gì không? Em thấy trong danh sách nơi nhận cũ vẫn còn
    tên sở này": what the asker saw, said after the question, asks nothing."""
    if not found.questioned:
        return
    words, clauses = found.words, found.clauses
    seen = {
        clauses[k]
        for k in range(1, len(words))
        if clauses[k] > min(found.questioned)
        and clauses[k] != clauses[k - 1]
        and (words[k] == "thay" or (words[k] in _SELF and words[k + 1 : k + 2] == ["thay"]))
    }
    if seen:
        _drop_said_in(found, seen)
        found.why.append("what the asker saw")


def _drop_what_to_learn_to_ask(found: _Found) -> None:
    """ "bot ơi chỉ chị cách hỏi hạn với tiến độ nha": what the asker wants to learn to ask
    about, said after "cách hỏi" in its clause, is not asked; the question is for help."""
    words = found.words
    starts = [
        k
        for said, c in found.cues
        if c.kind is CueKind.HELP
        for k in _said_at(found, said, (CueKind.HELP.value,))
        # "cách hỏi", "hỏi thế nào", and "chỉ em cách" before "hỏi"
        if said in _HOW_TO_ASK
        or (said[-1] == "cach" and words[k + len(said) : k + len(said) + 1] == ["hoi"])
    ]
    if not starts or found.tasks or found.names:
        return
    learnt = {CueKind.ASK, CueKind.FIELD, CueKind.STATUS}
    found.cues = [
        (said, c)
        for said, c in found.cues
        if c.kind not in learnt
        or not all(
            any(found.clauses[k] == found.clauses[s] and k > s for s in starts)
            for k in _said_at(found, said, _CUE_TAKERS)
        )
    ]


def _drop_examples_of_help(found: _Found) -> None:
    """ "bot làm được những gì, ví dụ nhắc việc hay xuất báo cáo được không?": what the bot
    might do, given as examples after asking what it can do, is not asked of it."""
    words = found.words
    helped = [
        k
        for said, c in found.cues
        if c.kind is CueKind.HELP
        for k in _said_at(found, said, (CueKind.HELP.value,))
    ]
    starts = [k for k in range(len(words) - 1) if tuple(words[k : k + 2]) in _FOR_EXAMPLE]
    if not helped or not starts or min(helped) > starts[0] or found.tasks:
        return
    found.names = [m for m in found.names if m.start < starts[0]]
    given = {CueKind.ASK, CueKind.ACTION, CueKind.FIELD, CueKind.STATUS}
    found.cues = [
        (said, c)
        for said, c in found.cues
        if c.kind not in given or not all(k > starts[0] for k in _said_at(found, said, _CUE_TAKERS))
    ]


def _drop_whom_help_is_for(found: _Found) -> None:
    """ "bot này giúp được gì cho bên kho bạc": the body the bot's help is for, the asker's
    own, is no subject."""
    words, takers = found.words, found.takers
    kept = []
    for m in found.names:
        k = m.start - 1 - (m.start > 0 and words[m.start - 1] == "ben")
        if k > 0 and words[k] == "cho" and takers[k - 1] == CueKind.HELP.value:
            found.take(k, m.end, "whom the help is for", "context")
        else:
            kept.append(m)
    found.names = kept


# "ví dụ", "chẳng hạn", "kiểu như": examples follow.
_FOR_EXAMPLE = frozenset({("vi", "du"), ("chang", "han"), ("kieu", "nhu")})
# How to ask, before what the asker wants to learn to ask about.
_HOW_TO_ASK = frozenset({("cach", "hoi"), ("hoi", "the", "nao"), ("hoi", "kieu", "gi")})


def _drop_said_in(found: _Found, clauses: Collection[int]) -> None:
    """Drops the cues and names said in ``clauses`` alone. A cue's words inside a longer
    cue's are not said of their own ("xong" of "chưa xong": "còn việc nào chưa xong, a tưởng
    xong hết r" says "xong" in the remark alone)."""
    spans = [
        range(i, i + len(said))
        for said, _ in found.cues
        for i in _said_at(found, said, _CUE_TAKERS)
    ]

    def own(said: Phrase, i: int) -> bool:
        return not any(len(r) > len(said) and i in r and i + len(said) - 1 in r for r in spans)

    found.cues = [
        (said, c)
        for said, c in found.cues
        if any(
            found.clauses[i] not in clauses and own(said, i)
            for i in _said_at(found, said, _CUE_TAKERS)
        )
    ]
    found.names = [m for m in found.names if found.clauses[m.start] not in clauses]


def _drop_statuses_of_a_remark(found: _Found) -> None:
    """ "Việc bên mình chủ trì còn mấy cái chưa xong? Đầu năm phải làm gương chứ", "Sở KHCN
    còn việc nào chưa xong? bên nớ hay chậm lắm": what must be done, said in a clause after
    one that asks which tasks, and any status said after a question that asks its own, are
    remarks, no status."""
    if not found.clauses or not found.clauses[-1]:
        return
    taker = (CueKind.STATUS.value,)
    said_in = {
        (said, c): _clauses_saying(found, said, taker)
        for said, c in found.cues
        if c.kind is CueKind.STATUS
    }
    asked = [clause for (said, _), at in said_in.items() if said not in _MUST for clause in at]
    if not asked:
        return
    first = min(asked)
    questioned = first in found.questioned
    dropped = [
        cue
        for cue, at in said_in.items()
        if at
        and min(at) > first
        and (cue[0] in _MUST or (questioned and not at & found.questioned))
    ]
    if dropped:
        found.cues = [e for e in found.cues if e not in dropped]
        found.why.append("a status said as a remark")


def _drop_a_state_judged_beside_asking_how(found: _Found) -> None:
    """ "phòng KT-HT-ĐT thấy ì ạch quá, tình hình bên đó sao rồi", "VP UBND tinh seems to be
    lagging. how do they stand on their tasks?", "how's section IV doing? feels like it's
    slipping": a state said in a clause that asks nothing, before the clause that asks how
    things stand or after its "?", is why one asks, no status."""
    clauses = found.clauses
    if not clauses or not clauses[-1]:
        return
    how = {
        clause
        for said, c in found.cues
        if c.kind is CueKind.ASK and c.value == Ask.PROGRESS.value
        for clause in _clauses_saying(found, said, (CueKind.ASK.value,))
    }
    if not how:
        return
    asking = _cue_clauses(found, CueKind.ASK) | _cue_clauses(found, CueKind.FIELD)
    taker = (CueKind.STATUS.value,)
    dropped = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.STATUS
        and (at := _clauses_saying(found, said, taker))
        # said before the clause that asks, or after it where it asks with a "?"
        and (max(at) < min(how) or min(at) > max(how) and how & found.questioned)
        and not at & (asking | found.questioned)
    ]
    if dropped:
        found.cues = [e for e in found.cues if e not in dropped]
        found.why.append("a state judged beside asking how")


# The words that head tasks ("khá nhiều việc"), said in a remark.
_HEADS_OF_A_REMARK = frozenset({"viec", "nv", "nhiem", "vu"})


def _drop_remarks_after_the_question(found: _Found) -> None:
    """ "..., năm ngoái tồn mấy việc bị nhắc mãi nên e hỏi trc" (why the asker asks), "...,
    đang rà lại tồn đọng" (what the asker is busy with), "..., năm ngoái họ chậm lắm" (what
    the asker says of them), "...? chúng tôi phối hợp với họ" (of themselves), "..., sợ trễ
    báo cáo quý" (what the asker fears), "...? em tưởng hạn là quý III" (what the asker
    thought): a clause after one that asks, which asks nothing
    itself, says nothing of the question; its cues, names and dates are dropped."""
    words, clauses = found.words, found.clauses
    if not clauses or not clauses[-1]:
        return
    said_at = {k: c.kind for said, c in found.cues for k in _said_at(found, said, _CUE_TAKERS)}
    asking = {
        clauses[k]
        for said, c in found.cues
        if c.kind in (CueKind.ASK, CueKind.STATUS, CueKind.FIELD)
        for k in _said_at(found, said, _CUE_TAKERS)
    }
    if not asking:
        return
    # The clauses that ask for tasks in a state.
    stated = _cue_clauses(found, CueKind.STATUS)
    remarks = set()
    for clause in range(min(asking) + 1, clauses[-1] + 1):
        own = [k for k, c in enumerate(clauses) if c == clause]
        if not own:
            continue
        said = [words[k] for k in own]
        reason = any(_so_i_ask(said, j) for j in range(len(said)))
        # "đang" opening the clause (after "em"), not the start of a status ("đang làm dở").
        first = own[0] + (len(own) > 1 and _self_at(words, own[0]))
        busy = words[first] == "dang" and {first, first + 1}.isdisjoint(said_at)
        of_them = any(
            words[k] == "ho"
            and agree(found.marks[k], _THEY)
            and words[k + 1 : k + 2] not in (["so"], ["ten"])
            for k in own
        )
        questioned = (
            clause in found.questioned
            or any(w in _ASKING for w in said)
            or said[-1] in ("khong", "chua")
        )
        asks = questioned or any(
            said_at.get(k) in (CueKind.ASK, CueKind.ACTION, CueKind.FIELD) for k in own
        )
        # "...? chúng tôi phối hợp với họ": what the asker says of themselves, after a
        # question mark.
        of_us = clause - 1 in found.questioned and words[own[0]] in _MINE
        # "..., sợ trễ báo cáo quý": what the asker fears.
        fears = words[first] == "so" and (
            agree(found.marks[first], _FEAR)
            if found.marks[first]
            else _fear_typed_bare(words, first)
        )
        # "...? em tưởng hạn là quý III": what the asker thought.
        thought = words[first] == "tuong" and agree(found.marks[first], _THOUGHT)
        # "..., kiểu khi nào phát sinh mới làm đó", "..., ví dụ ...": an example of it.
        example = words[own[0]] == "kieu" or words[own[0] : own[0] + 2] == ["vi", "du"]
        # "...? Chị muốn đôn đốc các đơn vị sớm", "...? Chị đang rà lại minh chứng cho báo
        # cáo": what the asker wants to do, or is doing, after a question mark, asks nothing.
        # (Not after a question of one task: "nv 3 tới đâu rồi? em muốn gia hạn" asks.)
        # ... or after a clause that asks and ends on a question's last word ("tuần sau đến
        # hạn mấy việc vậy, chị muốn nhắc sớm").
        before = [k for k, c in enumerate(clauses) if c == clause - 1]
        ended_asking = clause - 1 in asking and bool(before) and words[before[-1]] in _ASKED_LAST
        after_question = (clause - 1 in found.questioned or ended_asking) and first > own[0]
        # ... or still has to do ("..., c còn nhắc các sở").
        wants = (
            after_question
            and (words[first] == "muon" or (words[first] == "con" and not questioned))
            and not found.tasks
        )
        doing = after_question and words[first] == "dang" and not questioned
        # "ds việc sắp đến hạn, mình còn nhắc các nơi", "..., c nhắc trước các đơn vị",
        # "...? Tháng trước chị đã nhắc một lần rồi": whom the asker reminds themselves, after
        # a clause that asks ("em" is the bot).
        reminds = (
            clause - 1 in asking
            and any(_asker_reminds(words, k) for k in own)
            and not questioned
            and not any(words[k] in _FOR_ME for k in own)
        )
        # "...? Chiều mai giao ban Văn phòng em cần báo số liệu": what the asker needs it for.
        needs = (
            clause - 1 in found.questioned
            and not asks
            and any(words[k] == "can" and k > own[0] and _self_at(words, k - 1) for k in own)
        )
        # "...? Sáng mai chị báo cáo anh Giám đốc": to whom the asker takes the answer.
        hands_on = (
            clause - 1 in found.questioned
            and not questioned
            and any(
                _self_at(words, k) and k + 1 < len(words) and words[k + 1] in _HANDS_IN for k in own
            )
        )
        # "...? Tuần sau nghỉ lễ rồi, ...": small talk after a question mark, asking nothing.
        talk = (
            clause - 1 in found.questioned
            and clause - 1 in stated
            and not asks
            and any(said_at.get(k) is CueKind.OFF_TOPIC for k in own)
        )
        # "..., thấy bên đấy chủ trì khá nhiều việc", "..., sáng nay họp thấy chị bên đó nói
        # đang làm": what the asker saw or heard, asking nothing.
        saw = any(
            words[k] == "thay"
            and agree(found.marks[k], _SAW)
            and words[k + 1 : k + 2] not in (["doi"], ["the"])
            for k in own[:4]
        )
        # ... whatever it names ("sợ trễ báo cáo quý": no report asked for).
        if (
            reason
            or (saw and not asks and clause - 1 in asking)
            or needs
            or hands_on
            or talk
            or thought
            or example
            or wants
            or doing
            or reminds
            or (fears and not questioned)
            or ((busy or of_them or of_us) and not asks)
        ):
            remarks.add(clause)
    if remarks:
        _drop_said_in(found, remarks)
        _keep_periods(found, lambda span: clauses[span[0]] not in remarks)
        found.why.append("a remark after the question")
        # ... nor does it name a task ("..., thấy bên đấy phối hợp khá nhiều việc").
        for k, clause in enumerate(clauses):
            if clause in remarks and not found.taken[k] and words[k] in _HEADS_OF_A_REMARK:
                found.taken[k], found.takers[k] = True, "context"


def _drop_what_the_asker_is_doing(found: _Found) -> None:
    """ "c đang làm dự thảo tự đánh giá par index năm nay, bên mình còn bao nhiêu nv chưa
    xong": what the asker is busy with, said first, is why they ask; its cues, names and
    dates say nothing of the question the next clause asks."""
    words, clauses = found.words, found.clauses
    if not clauses or not clauses[-1] or len(words) < 3:
        return
    if not (_self_at(words, 0) and words[1] == "dang" and words[2] in _BUSY_WITH):
        return
    said = [
        (c, clauses[k])
        for p, c in found.cues
        if c.kind in (CueKind.ASK, CueKind.STATUS, CueKind.FIELD, CueKind.ACTION, CueKind.OWN)
        for k in _said_at(found, p, _CUE_TAKERS)
    ]
    # ... unless the question filters the tasks ("..., em liệt kê những nv đã hoàn thành").
    listed = any(
        n > 0 and (c.kind is CueKind.STATUS or c.value == Ask.COUNT.value) for c, n in said
    )
    if not listed and any(
        n == 0 and c.kind is CueKind.ASK and c.value in _REPORTS for c, n in said
    ):
        return  # "Em đang làm báo cáo 9 tháng, anh cho em xin tình hình ...": for that report
    if not any(n > 0 and c.kind is not CueKind.OWN for c, n in said):
        return
    # Its names stay where the question names nothing of its own ("c đang rà lại phòng
    # kt-ht-đt và phòng vh-xh. mấy phòng đó ...").
    own = any(n > 0 and c.kind is CueKind.OWN for c, n in said) or any(
        clauses[m.start] > 0 for m in found.names
    )
    names = found.names
    _drop_said_in(found, {0})
    if not own:
        found.names = names
    _keep_periods(found, lambda span: clauses[span[0]] != 0)
    found.why.append("what the asker is doing")


def _polite_end(found: _Found) -> int:
    """Where a question's polite last words begin ("... ai chủ trì v e"), if it has any."""
    end = len(found.words)
    while end and found.words[end - 1] in _POLITE_ENDS and not found.taken[end - 1]:
        end -= 1
    return end


def _asker_reminds(words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is the asker ("chị", "mình"; not "em", the bot) saying they remind
    ("c nhắc", "mình còn nhắc", "chị đã nhắc")."""
    if not _self_at(words, k) or words[k] in ("em", "e"):
        return False
    after = words[k + 1 : k + 3]
    return after[:1] == ["nhac"] or (
        after[:1] in (["con"], ["se"], ["da"]) and after[1:] == ["nhac"]
    )


def _topic_end(found: _Found) -> int | None:
    """Where "thì" ends a topic said first ("việc ... thì ai chủ trì"), if it does. Typed
    bare in a question typed with its marks, "thi" is "thi" ("cuộc thi"). So does "là"
    before who is asked of ("kh ... là mình chủ trì 1 mình hay có sở nào cùng chủ trì")."""
    marked = any(m is not None for m in found.marks)
    return next(
        (
            k
            for k, w in enumerate(found.words)
            if k
            and (
                (
                    w == "thi"
                    and (found.marks[k] == _THEN if marked else found.words[k - 1] not in _CONTESTS)
                )
                or (w == "la" and found.takers[k + 1 : k + 2] in ([_ROLE], [_OWN]))
            )
        ),
        None,
    )


_ROLE, _OWN = CueKind.ROLE.value, CueKind.OWN.value


def _so_i_ask(words: Sequence[str], k: int) -> bool:
    """Whether "nên (em) hỏi" starts at word ``k``: what comes before it is why one asks."""
    after = words[k + 1 : k + 3]
    return words[k] == "nen" and (
        after[:1] == ["hoi"] or (after[1:] == ["hoi"] and _self_at(words, k + 1))
    )


def _just(words: Sequence[str]) -> bool:
    """Whether "vừa" (just) is said, not the time "vừa rồi", "vừa qua" ("tháng 12 vừa rồi
    xong đc mấy việc": last December)."""
    return any(
        w == "vua" and words[k + 1 : k + 2] not in (["roi"], ["qua"]) for k, w in enumerate(words)
    )


def _drop_letters_named_by_an_action(found: _Found) -> None:
    """ "... trước khi ký văn bản đôn đốc": a letter named by the reminding it does ("công
    văn nhắc nhở", "văn bản đôn đốc", "cv đôn đốc") is no request to the bot to remind."""
    letters = {i + 2 for letter in _LETTERS_OF for i in _runs_of(found.words, letter)}
    # "cv", spelled as "công việc", is as often "công văn" before what a letter does.
    letters |= {i + 2 for i in _runs_of(found.words, ["cong", "viec"]) if found.raw[i] == "cv"}
    kept = [
        (said, c)
        for said, c in found.cues
        if c.kind is not CueKind.ACTION
        or c.value != Action.REMIND.value
        or not letters & set(_said_at(found, said, {CueKind.ACTION.value}))
    ]
    # ... nor is sending one ("mai gửi văn bản nhắc") evidence sent: the asker's own plan.
    sending = [
        (said, c, k)
        for said, c in kept
        if c.kind is CueKind.ACTION and c.value == Action.ATTACH_EVIDENCE.value
        for k in _said_at(found, said, {CueKind.ACTION.value})
        if k + len(said) in letters
    ]
    for said, _, k in sending:
        found.release(k, k + len(said), "a letter to send")
    sent = {(said, c) for said, c, _ in sending}
    kept = [cue for cue in kept if cue not in sent]
    if len(kept) < len(found.cues):
        found.cues = kept
        found.why.append("a letter named by what it does")


def _drop_roles_beside_a_partner(found: _Found) -> None:
    """ "bên mình phối hợp với Sở Y tế ở những việc nào", "Cục thuế phối hợp với STC ở việc
    nào": a body said working with another names the two together, no role of either (but
    "việc phối hợp với Sở Tư pháp" is Sở Tư pháp's support)."""
    starts = {m.start for m in found.names}
    ends = {m.end for m in found.names}

    def beside_a_partner(said: Phrase, k: int) -> bool:
        after = k + len(said)
        with_whom = found.words[after : after + 1] in (["voi"], ["vs"]) and after + 1 in starts
        return with_whom and (k in ends or bool(set(said) & _SELF))

    kept: list[tuple[Phrase, Cue]] = []
    for said, c in found.cues:
        if c.kind is CueKind.ROLE and any(
            beside_a_partner(said, k) for k in _said_at(found, said, {CueKind.ROLE.value})
        ):
            if set(said) & _SELF:  # "mình phối hợp với ...": the asker's own, with a partner
                kept.append((said, Cue(CueKind.OWN, "", CLEAR)))
            found.why.append("working with a partner")
            continue
        kept.append((said, c))
    found.cues = kept


def _drop_requests_done(found: _Found) -> None:
    """ "VP UBND tỉnh vừa gọi nhắc. Việc ... tới đâu rồi?", "Kết quả Chỉ số CCHC vừa công bố
    xong. Nhiệm vụ ... đơn vị nào chủ trì?": what someone has just done ("vừa nhắc", "vừa
    gọi nhắc", "vừa công bố xong"), is doing ("đang giục") or was done to ("bị nhắc") is news,
    no request to the bot nor a status asked for."""
    words = found.words
    done: list[tuple[Phrase, CueKind]] = [
        (said, c.kind)
        for said, c in dict.fromkeys(found.cues)
        if c.kind is CueKind.ACTION or (c.kind is CueKind.STATUS and said == ("xong",))
        for i in range(1, len(words) - len(said) + 1)
        if tuple(words[i : i + len(said)]) == said
        and found.takers[i] == c.kind.value
        and (
            _just(words[max(0, i - (2 if c.kind is CueKind.ACTION else 3)) : i])
            # "..., lãnh đạo đang giục": someone else at it now, no request either; nor what
            # was done to someone ("bị nhắc mãi").
            or (c.kind is CueKind.ACTION and words[i - 1] in ("dang", "bi"))
            # "..., sợ bị UBND tỉnh nhắc": done to the asker by a body
            or (c.kind is CueKind.ACTION and _after_done_by(found, i))
            # "nghỉ lễ 4 ngày xong ...", "Sơ kết 6 tháng xong ...": after that, nothing done
            or (c.kind is CueKind.STATUS and _after_a_length(found, i))
            # "em đang đi đôn đốc các đơn vị": the asker at it now
            or (c.kind is CueKind.ACTION and words[max(0, i - 2) : i] == ["dang", "di"])
            # "..., Sở Nội vụ mới gửi văn bản xin ý kiến": an agency's news
            or (
                c.kind is CueKind.ACTION
                and words[i - 1] == "moi"
                and found.takers[i - 2 : i - 1] == ["name"]
            )
        )
    ]
    if done:
        # ... each time it is said so: "bot vừa nhắc II.3 ..., nhắc sở tài chính giúp e" asks.
        kept = []
        for said, c in found.cues:
            if (said, c.kind) in done:
                done.remove((said, c.kind))
            else:
                kept.append((said, c))
        found.cues = kept
        found.why.append("news of what was just done")


# What the bot sends, said as received ("tin nhắc", "nhận nhắc"), or nagging ("nhắc hoài").
_RECEIVED = frozenset({"tin", "nhan"})
_SENT_BY_BOT = frozenset({"gui", "nhan"})
# The asker, reminded: "nhắc em", "nhắc bên em", "nhắc sở mình".
_ASKER_ALONE = (["em"], ["minh"], ["e"])
_ASKER_PLACED = (
    *([place, me] for place in ("ben", "so", "phong") for me in ("em", "minh", "e")),
    ["chung", "toi"],
    ["chung", "em"],
)
# The asker saying what it is of: "em bên", "tôi ở".
_I_AM_OF = frozenset((me, of) for me in ("em", "e", "toi", "minh") for of in ("ben", "o", "thuoc"))
_NAGGING = frozenset({"hoai", "mai"})
# What a message says ("tin tuần báo có 6 việc quá hạn"): the digest as where it was read.
_SAYS = frozenset({"bao", "noi", "ghi", "nhac"})
# Asking the bot outright ("nhờ bot nhắc STP", "bot nhắc STP giùm e", "... nhé").
_ASKING_THE_BOT = frozenset({"nho", "nghi", "nhe", "nha", "nhen"}) | _FOR_ME


def _drop_the_bots_messages(found: _Found) -> None:
    """ "bot nhắc I.1 đó, việc nớ cuối cùng phải ra sản phẩm chi", "vừa nhận tin nhắc việc 5,
    hạn chính xác là ngày nào", "nhắc rồi mà sao vẫn chưa thấy báo cáo điểm 3, tiến độ ...",
    "tin tổng hợp tuần báo có 6 việc quá hạn, liệt kê giúp mình mấy việc đó": the reminder or
    the digest the bot has sent, said before what is asked of it, is what the question is
    about, no request to remind nor for the digest. The bot asked outright ("bot nhắc STP
    giùm e") is a request still."""
    words, clauses = found.words, found.clauses
    if not clauses:
        return
    asked = [
        (k, c)
        for said, c in found.cues
        if c.kind in (*_ASKED_BEFORE_A_REMARK, CueKind.ROLE)
        or (c.kind is CueKind.ACTION and c.value != Action.REMIND.value)
        # ... or the asker's part claimed ("bot nhắc vụ số hóa, bên em chỉ phối hợp thôi mà")
        or said in _PART_CLAIMED
        for k in _said_at(found, said, _CUE_TAKERS)
    ]

    def news(said: Phrase, c: Cue, k: int) -> bool:
        start = max(0, k - 3)
        before = [w for j, w in enumerate(words[start:k], start) if clauses[j] == clauses[k]]
        after = words[k + len(said) : k + len(said) + 3]
        if c.kind is CueKind.ASK:
            # ... "bản tin sáng nay bảo ...", "bản tổng hợp tuần này ghi ...": what it said,
            # when; "thấy trong tổng hợp tuần có việc ...": where it was seen
            weekly = said[:1] == ("ban",) and after[:1] == ["tuan"]
            return (c.value == Ask.DIGEST.value or weekly) and bool(
                _SAYS & set(after) or before[-2:] == ["thay", "trong"]
            )
        if c.kind is not CueKind.ACTION or c.value != Action.REMIND.value:
            return False
        # ("hồ sơ" is no "hộ"; "với" asks closing the clause, not in "đối thoại với DN";
        # "nghị" of "đề nghị", not of "hội nghị")
        own_clause = {
            w
            for j, w in enumerate(words)
            if clauses[j] == clauses[k]
            and (w != "ho" or agree(found.marks[j], _FOR_ME_HO))
            and (w != "voi" or j + 1 == len(words) or clauses[j + 1] != clauses[j])
            and (w != "nghi" or words[j - 1 : j] == ["de"])
        }
        # ... "bot cứ nhắc", "bot vừa gửi bên em nhắc ...": sent by the bot a few words before.
        sent_by_bot = "bot" in words[max(0, k - 5) : k] and _SENT_BY_BOT & set(before)
        by_the_bot = ("bot" in before[-2:] or sent_by_bot) and not own_clause & _ASKING_THE_BOT
        return bool(
            _RECEIVED & set(before)
            # ... "phản hồi (trả lời) nhắc việc số 3: ...": a reply to it; "cái nhắc việc III.3
            # đó": the reminder as a thing
            or before[-2:] in (["phan", "hoi"], ["tra", "loi"])
            or before[-1:] == ["cai"]
            # ... "nhắc việc 1 yêu cầu bên em nộp gì": what it asks of the asker
            or any(words[j : j + 2] == ["yeu", "cau"] for j in range(k + 1, k + 6))
            # ... "sao đã nhắc bên em rồi": a reminder complained of, of the asker
            or ("sao" in before and (after[:1] in _ASKER_ALONE or after[:2] in _ASKER_PLACED))
            or _NAGGING & set(after[:1])
            or after[:2] in (["roi", "ma"], ["nhieu", "lan"])
            or (by_the_bot and any(j > k + len(said) or _why_sent(words, k) for j, _ in asked))
        )

    def sent_at(said: Phrase, c: Cue, k: int) -> bool:
        return news(said, c, k) and any(
            (j > k + len(said) + (c.kind is CueKind.ASK) or (j < k and _why_sent(words, k)))
            and cue is not c
            for j, cue in asked
        )

    # ... each time it is said: "bot vừa nhắc II.3 ..., nhắc sở tài chính giúp e" asks too.
    sent = [
        (said, c)
        for said, c in found.cues
        if (at := _said_at(found, said, _CUE_TAKERS)) and all(sent_at(said, c, k) for k in at)
    ]
    if sent:
        found.cues = [e for e in found.cues if e not in sent]
        found.why.append("what the bot sent")
    if any(c.kind is CueKind.ASK for _, c in sent):
        # ... and the week it is of ("bản tổng hợp tuần này ghi bên em có việc quá hạn") is
        # no window asked.
        ends = {
            k + len(said)
            for said, c in sent
            if c.kind is CueKind.ASK
            for k in _said_at(found, said, _CUE_TAKERS)
        }
        _keep_periods(found, lambda span: span[0] not in ends)
        # ... and "báo" of "bản tin báo một việc đến hạn 30/9" is no word of what is asked.
        for k, w in enumerate(words):
            if w in _SAYS and not found.taken[k] and found.takers[k - 1 : k] == ["report"]:
                found.take(k, k + 1, "what the digest says", "context")


def _why_sent(words: Sequence[str], k: int) -> bool:
    """Whether the bot's message at word ``k`` is said after what is asked, as why it is
    asked: "... bên e có phải phối hợp k mà bot gửi nhắc"."""
    before = words[max(0, k - 3) : k]
    return "ma" in before and "bot" in before


# The asker's part claimed, as why a reminder is wrong: "bên em chỉ phối hợp thôi mà".
_PART_CLAIMED = frozenset(
    {
        ("chi", "phoi", "hop", "thoi", "ma"),
        ("co", "moi", "phoi", "hop", "thoi", "ma"),
        ("chi", "co", "phoi", "hop", "thoi", "ma"),
    }
)


def _part_claimed_of_one_task(found: _Found, tasks: Tasks) -> None:
    """ "bot nhắc vụ số hóa hồ sơ lưu trữ, cái đó bên em chỉ phối hợp thôi mà": the asker's
    part claimed of one task, with nothing else asked nor requested, asks who supports it,
    as "sở mình chỉ phối hợp việc đó thôi đúng ko" does; a request's word its title holds
    ("việc cập nhật công bố TTHC") is the title's."""
    asking = _NOT_AN_UPDATE - {CueKind.ROLE}
    titled = found.titled[0][0] if found.titled and not found.tasks else None
    if not _one_task_named(found) or any(
        c.kind in asking and not (c.kind is CueKind.ACTION and titled and tasks.holds(titled, said))
        for said, c in found.cues
    ):
        return
    if any(said in _PART_CLAIMED for said, _ in found.cues):
        support = Cue(CueKind.FIELD, TaskField.SUPPORT.value, CLEAR)
        found.cues = [(said, support if said in _PART_CLAIMED else c) for said, c in found.cues]
        found.why.append("the asker's part claimed of it")


def _one_task_named(found: _Found) -> bool:
    """Whether the question names one task: by its number, or else by its title."""
    if found.tasks:
        return len(found.tasks) == 1 and len(found.tasks[0].refs) == 1
    return len(found.titled) == 1


def _parts_done_at(found: _Found, k: int) -> bool:
    """Whether word ``k`` is a share of a task's parts done: "9/14 đơn vị", "5/8 cụm xã",
    "2/3 số thủ tục"."""
    return bool(_SHARE_DONE.fullmatch(found.raw[k])) and counted_at(found.words, k + 1)


def _drop_what_is_denied(found: _Found) -> None:
    """ "ds nv snv phối hợp thực hiện (ko phải chủ trì)", "ko phải việc bên mình chủ trì đâu,
    e cần ds mấy việc mình chỉ phối hợp": a part said as not the one asked about leaves the
    other; so does a state ("ko phải việc quá hạn, e hỏi mấy việc sắp tới hạn kìa")."""
    for kind, why in ((CueKind.ROLE, "a part denied"), (CueKind.STATUS, "a state denied")):
        denied = [
            (said, c)
            for said, c in found.cues
            if c.kind is kind
            and (at := _said_at(found, said, (kind.value,)))
            and all(
                _denied_at(found.words, k)
                or kind is CueKind.ROLE
                and found.words[k - 1 : k] == ["khong"]
                for k in at
            )
        ]
        if denied and len(denied) < sum(c.kind is kind for _, c in found.cues):
            found.cues = [e for e in found.cues if e not in denied]
            found.why.append(why)
            if kind is CueKind.STATUS:
                # "..., e hỏi mấy việc sắp tới hạn kìa": the tasks asked about instead, no count
                found.cues = [
                    (said, Cue(CueKind.ASK, Ask.LIST.value, CLEAR))
                    if c.kind is CueKind.ASK and c.value == Ask.COUNT.value and said[0] == "may"
                    else (said, c)
                    for said, c in found.cues
                ]


def _drop_doing_of_the_plan(found: _Found) -> None:
    """ "VP HĐND-UBND phường đang thực hiện kế hoạch ra sao": the plan carried out, how it
    goes, no state of tasks under way."""
    words = found.words
    doing = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.STATUS
        and c.value == Status.IN_PROGRESS.value
        and (at := _said_at(found, said, (CueKind.STATUS.value,)))
        and all(words[k + len(said) : k + len(said) + 2] in _THE_PLAN_DONE for k in at)
    ]
    if doing:
        found.cues = [e for e in found.cues if e not in doing]
        found.why.append("the plan carried out")


# The plan as what is carried out: "đang thực hiện kế hoạch" ("kh" spelled out), "...
# chỉ thị".
_THE_PLAN_DONE = (["ke", "hoach"], ["chi", "thi"])


def _drop_done_of_the_askers_doing(found: _Found) -> None:
    """ "chị mới gửi xong báo cáo quý I ... còn những việc mô chưa xong", "họp xong rồi, ...
    việc nào chưa xong": what the asker has finished doing, right before "xong", is no state
    of the tasks asked about, where one is said."""
    words = found.words
    states = [(said, c) for said, c in found.cues if c.kind is CueKind.STATUS]
    done = [
        (said, c)
        for said, c in states
        if said == ("xong",)
        # where "xong" is said alone, not the end of "chưa xong"
        and (at := [k for k in _said_at(found, said, (CueKind.STATUS.value,)) if k])
        and all(words[k - 1] in _ASKERS_DOING for k in at if words[k - 1] != "chua")
        and any(words[k - 1] in _ASKERS_DOING for k in at)
    ]
    if done and len(done) < len(states):
        found.cues = [e for e in found.cues if e not in done]
        found.why.append("what the asker has finished doing")


def _drop_askers_reporting(found: _Found) -> None:
    """ "chiều nay chị báo cáo PGĐ, phần nhiệm vụ của UBND các xã tới đâu rồi", "cảm ơn em,
    để chị báo cáo anh GĐ": the asker reporting to a leader, in a clause before the question
    or as what the answer is for, asks for no report, and its words are no title's."""
    words, clauses = found.words, found.clauses
    if not clauses or not clauses[-1]:
        return
    reporting = set()
    when: list[tuple[int, int]] = []  # where the asker says when: clause, first word after
    for k in range(len(words) - 2):
        # ... "em phải báo cáo anh CVP", "chị sẽ báo cáo PGĐ".
        v = k + 1 + (words[k + 1 : k + 2] in (["phai"], ["se"], ["can"]))
        if (
            (clauses[k] < clauses[-1] or words[k - 1 : k] == ["de"])
            and _self_at(words, k)
            and v < len(words)
            and words[v] in _HANDS_IN
            and clauses[v] == clauses[k]
            and (end := _leader_after(words, v + 1 + (words[v] == "bao")))
        ):
            reporting.add(clauses[k])
            when.append((clauses[k], k))
            found.take(k, end, "the asker reporting to a leader", "context")
    if when:
        # "Đầu tuần sau em phải báo cáo anh CVP, ...": when the asker reports, no window.
        _keep_periods(
            found, lambda span: not any(clauses[span[0]] == c and span[1] <= k for c, k in when)
        )
    if reporting:
        found.cues = [
            (said, c)
            for said, c in found.cues
            if not (
                c.kind is CueKind.ASK
                and c.value == Ask.REPORT.value
                and _clauses_saying(found, said, _CUE_TAKERS) <= reporting
            )
        ]


def _leader_after(words: Sequence[str], k: int) -> int:
    """Where a leader named at word ``k`` ("PGĐ", "anh Giám đốc", "lãnh đạo Sở") ends; 0
    where none is."""
    k += words[k : k + 1] in (["anh"], ["chi"], ["a"], ["c"], ["cho"])
    if words[k : k + 1] in (["pgd"], ["gd"], ["sep"]):
        return k + 1
    return k + 2 if tuple(words[k : k + 2]) in _LEADERS else 0


def _drop_nothing_done_yet(found: _Found) -> None:
    """ "chiều phải gửi LĐ tình hình tuần mà chưa làm gì, cho e tổng hợp tuần này": "chưa làm
    gì" closing a clause before the one that asks is what the asker has not done, no state
    of tasks, nor "gì" a question."""
    words, clauses = found.words, found.clauses
    if not clauses or not any(
        words[k : k + 3] == ["chua", "lam", "gi"]
        and clauses[k] < clauses[-1]
        and (k + 3 == len(words) or clauses[k + 3] != clauses[k])
        for k in range(len(words) - 2)
    ):
        return
    found.cues = [(said, c) for said, c in found.cues if said not in _NOTHING_DONE]
    found.why.append("what the asker has not done yet")


_NOTHING_DONE = frozenset({("chua", "lam"), ("gi",), ("chua", "lam", "gi")})


# What the asker finishes doing, said before "xong": "họp xong", "gửi xong".
_ASKERS_DOING = frozenset({"hop", "gui", "nop", "trinh", "an", "di", "ve", "ket"})


def _drop_done_left_out(found: _Found) -> None:
    """ "trừ cái đã xong ra còn mấy cái", "việc nào xong rồi thì bỏ ra": the tasks done, left
    out, leave those not done."""
    words = found.words
    for n, (said, c) in enumerate(found.cues):
        if c.kind is not CueKind.STATUS or c.value != Status.DONE.value:
            continue
        at = _said_at(found, said, (CueKind.STATUS.value,))
        if any(
            "tru" in words[max(0, k - 3) : k]
            or words[max(0, k - 2) : k] == ["khong", "tinh"]
            or "bo" in words[max(0, k - 3) : k]
            and words[k + len(said) : k + len(said) + 1] == ["ra"]
            or _holds(words[k + len(said) : k + len(said) + 4], ("bo", "ra"))
            for k in at
        ):
            found.cues[n] = (said, Cue(CueKind.STATUS, Status.OPEN.value, CLEAR))
            found.why.append("what is done, left out")


def _denied_at(words: Sequence[str], k: int) -> bool:
    """Whether "không phải" is said right before word ``k``, but for the words that name
    what is denied ("không phải việc bên mình chủ trì")."""
    j = k
    while j > 0 and k - j < 4 and words[j - 1] in _DENIED_OF:
        j -= 1
    return words[max(0, j - 2) : j] == ["khong", "phai"]


_DENIED_OF = frozenset({"viec", "nv", "cac", "may", "nhung", "ben", "minh", "la", "cai", "so"})


def _short_names_said_in_full(found: _Found) -> None:
    """ "Sở Nội vụ có cv xin ..., vậy SNV có được giao việc gì": a short name that may be
    several bodies is the one the question names in full."""
    full = {m.options[0][0] for m in found.names if len(m.options) == 1}
    for n, m in enumerate(found.names):
        said = [(t, strength) for t, strength in m.options if t in full]
        if len(m.options) > 1 and len(said) == 1:
            found.names[n] = replace(m, options=tuple(said))


# The first words of holidays said as a window's end.
_HOLIDAYS = frozenset({"tet", "le", "noel", "giang", "thieu"})


def _ends_a_window(words: Sequence[str], i: int) -> bool:
    """Whether the holiday said from word ``i`` ends a window: "trước (kỳ nghỉ) Tết", "từ giờ
    tới Tết dương lịch" (not "trước khi nghỉ Tết"), or opens one: "từ sau Giáng sinh"."""
    while i > 0 and words[i - 1] in _HOLIDAY_WORDS:
        i -= 1
    return i > 0 and (words[i - 1] in _BEFORE_A_HOLIDAY or words[i - 2 : i] == ["tu", "sau"])


def _which_ones(words: Sequence[str]) -> bool:
    """Whether "là việc chi" (là nv gì, là những việc nào) follows "mấy": which they are;
    or "còn việc nào" ("mấy việc bên mình chủ trì còn việc nào chưa xong"): which of them."""
    return any(
        (
            words[k] == "la"
            and words[k + 1 : k + 2] in (["viec"], ["nv"], ["nhung"], ["cac"])
            and bool(_WHICH_SAID.intersection(words[k + 2 : k + 4]))
        )
        or (
            words[k] == "con"
            and words[k + 1 : k + 2] in (["viec"], ["nv"])
            and words[k + 2 : k + 3] in (["nao"], ["mo"])
        )
        for k in range(len(words) - 2)
        if "may" in words[:k]
    )


_WHICH_SAID = frozenset({"chi", "gi", "nao", "mo"})


def _any_of_those_left(words: Sequence[str]) -> bool:
    """Whether "mấy việc ..." opening the question is asked "còn ... không" of, with no
    number asked after "còn" ("mấy việc bên đó còn trễ không"; not "còn mấy việc")."""
    if "may" not in words or "con" not in words[words.index("may") + 2 :]:
        return False
    left = words[words.index("con", words.index("may") + 2) :]
    if "may" in left or "khong" not in left:
        return False
    end = len(left) - left[::-1].index("khong")
    return all(w in _POLITE_ENDS for w in left[end:])


def _writing_a_report(words: Sequence[str], end: int) -> bool:
    """Whether the words from ``end`` say that a body is writing a report ("đang tổng hợp
    báo cáo ...", "đang tổng hợp kết quả 9 tháng ...", "đang xin số liệu 9 tháng")."""
    if words[end : end + 1] != ["dang"] or not any(
        tuple(words[end + 1 : end + 1 + len(p)]) == p for p in _COMPILING
    ):
        return False
    after = words[end + 1 : end + 6]
    return any(_holds(after, what) for what in (("bao", "cao"), ("ket", "qua"), ("so", "lieu")))


def _drop_own_writing_a_report(found: _Found) -> None:
    """ "Vụ mình đang tổng hợp kết quả 9 tháng của các đơn vị ..., cho mình xin danh sách
    ...": the asker's own body, writing the report, is no filter of what is asked after."""
    writing = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.OWN
        and any(
            _writing_a_report(found.words, k + len(said))
            and found.clauses
            and found.clauses[k] < found.clauses[-1]
            for k in _said_at(found, said, (CueKind.OWN.value,))
        )
    ]
    if writing:
        found.cues = [e for e in found.cues if e not in writing]
        found.why.append("the asker's own body writing the report")


def _drop_events_to_come(found: _Found) -> None:
    """ "..., đợt kiểm tra công vụ sắp tới a muốn nói rõ với các xã": "sắp tới" said of an
    event to come (a visit, a meeting) is when it comes, not tasks falling due."""
    words = found.words
    upcoming = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.STATUS and said == ("sap", "toi")
        for i in _said_at(found, said, (CueKind.STATUS.value,))
        if any(
            words[k] in _EVENTS
            and found.clauses[k] == found.clauses[i]
            and not {"viec", "nv", "nhiem"} & set(words[k:i])
            for k in range(max(0, i - 5), i)
        )
    ]
    if upcoming:
        found.cues = [e for e in found.cues if e not in upcoming]
        found.why.append("an event to come")


# Events that come ("đợt kiểm tra", "cuộc họp", "buổi tập huấn", "kỳ họp", "hội nghị").
_EVENTS = frozenset({"dot", "cuoc", "buoi", "ky", "hoi", "doan", "chuyen"})


def _after_a_length(found: _Found, i: int) -> bool:
    """Whether the words before ``i`` are a length of time ("4 ngày", "6 tháng"), not a
    window."""
    return i > 0 and found.takers[i - 1] == "period" and all(b != i for _, b in found.period_spans)


def _after_done_by(found: _Found, i: int) -> bool:
    """Whether the words before ``i`` are "bị" and a name: who does it to the asker."""
    j = i
    while j > 0 and found.takers[j - 1] == "name":
        j -= 1
    return 0 < j < i and found.words[j - 1] == "bi"


def _asks_for_a_report(words: Sequence[str], end: int) -> bool:
    """Whether the name ending at ``end`` asks for a report or must hand one in ("snv sắp
    xin bc 9 tháng", "UBND tỉnh đang yêu cầu báo cáo", "SNV sắp phải trình UBND tỉnh báo
    cáo năm")."""
    k = end
    while k < len(words) and words[k] in _WHEN_DOING:
        k += 1
    if any(words[k : k + len(ask) + 2] == [*ask, "bao", "cao"] for ask in _ASKS_FOR):
        return True
    # "e soạn giúp a bc tình hình ..., ubnd tỉnh đòi gấp": who wants the report said before
    if words[k : k + 1] in (["doi"], ["giuc"]) and set(words[k + 1 : k + 3]) <= _URGENTLY:
        return _holds(words[:end], ("bao", "cao"))
    # ... where it must ("phải trình"): no reminder's "nhắc X nộp báo cáo"
    must = "phai" in words[end:k]
    handed = k < len(words) and words[k] in _HANDING
    return must and handed and _holds(words[k + 1 : k + 6], ("bao", "cao"))


_WHEN_DOING = frozenset({"sap", "dang", "vua", "moi", "da", "lai", "cung", "phai"})
_ASKS_FOR = (["xin"], ["doi"], ["yeu", "cau"], ["hoi"])
_URGENTLY = frozenset({"gap", "lam", "roi", "qua", "ghe", "nua", "a", "kia"})


def _handed_in_by(found: _Found, start: int) -> bool:
    """Whether the period said at ``start`` is the day something is to be handed in by
    ("gửi tài liệu kiểm chứng trước thứ 6", "nộp trước 20/8")."""
    words = found.words
    by = start if words[start] in _BY_THEN else start - 1  # the window may hold its "trước"
    while by > 0 and words[by] in _OF_A_MEETING:
        by -= 1  # "gửi cập nhật trước cuộc họp đầu tuần sau"
    if by < 1 or words[by] not in _BY_THEN:
        return False
    return any(words[k] in _HANDING for k in range(max(0, by - 5), by))


_BY_THEN = frozenset({"truoc", "han"})
_HANDING = frozenset({"gui", "nop", "trinh"})
# The meeting something is to be handed in before, and when in the week it is held.
_OF_A_MEETING = frozenset({"cuoc", "buoi", "hop", "giao", "ban", "dau", "cuoi"})


def _of_a_report(found: _Found, start: int) -> bool:
    """Whether the period said at ``start`` is of a report named just before it ("báo cáo
    cchc năm 2025")."""
    return any(
        found.takers[k] == "report" or found.words[k : k + 2] == ["bao", "cao"]
        for k in range(max(0, start - 5), start)
    )


def _find_correction(found: _Found, early: bool) -> None:
    """Where the last words that take back what was just said are, between words said
    before and after them ("nv 2.3 ... à nhầm 2.1"). ``early``, before anything is read: the
    words that only take back ("à nhầm", "ý c là": no item c), taken at once; later, the
    words that may mean other things too ("thôi", "à"), if no other took back. A word typed
    with marks must be the one meant ("lộn", not "lớn")."""
    if found.correction is not None:
        return
    words, hit = found.words, None
    for k in range(1, len(words)):
        for said in _CORRECTIONS if early else _LATE_CORRECTIONS:
            n = len(said)
            if tuple(words[k : k + n]) != said:
                continue
            # A name's or a task's words take nothing back; nor, read late, a single word a
            # cue took ("thời hạn" typed "thoi han").
            if any(
                found.taken[i] and (found.takers[i] not in _CUE_TAKERS or (not early and n == 1))
                for i in range(k, k + n)
            ):
                continue
            if not early and words[k + n : k + n + 1] in (["de"], ["vi"], ["tai"]):
                continue  # "... quá hạn chưa à để chiều còn báo cáo": why, said after a particle
            if not early and words[k + n : k + n + 1] in (["them"], ["ca"]):
                continue  # "sở tài chính, à thêm cả sở khcn nữa": one more, nothing taken back
            strict = said in _STRICT_CORRECTIONS
            if all(
                agree(found.marks[i], _CORRECTION_MARKS.get(words[i]), strict)
                for i in range(k, k + n)
            ):
                hit = (k, k + n)
    if hit is not None:
        found.correction = hit
        if early:
            found.take(*hit, "words that take back", "correction")


def _take_back_slips(found: _Found) -> None:
    """ "nv 2.3 ai phối hợp vậy, à nhầm 2.1", "quý 3 sorry quý 2 còn gì chưa xong", "sở tài
    chính... à thôi, bên tư pháp có việc nào quá hạn ko": what is said again after words
    that take back a slip replaces what was said of its kind before them (a task, a body or
    a section, a period, a length of time, what is asked, a state); "6.a.2 ai chủ trì\n6.a.4
    chứ, bấm nhầm": said again before them, the last said stands. A day said again ends the
    window said before ("trước 31/5 à nhầm 30/6", "từ 15/4 đến 15/5, ý em là đến 31/5")."""
    _find_correction(found, early=False)
    if found.correction is None:
        return
    start, end = found.correction

    def slip(spans: list[tuple[int, int]]) -> set[int]:
        """Which of ``spans`` are taken back."""
        before = [i for i, (a, b) in enumerate(spans) if b <= start]
        after = [i for i, (a, _) in enumerate(spans) if a >= end]
        if before and after:
            return set(before)
        if not after and len(before) > 1 and end == len(found.words):
            last = max(before, key=lambda i: spans[i][0])
            clause = found.clauses[spans[last][0]]
            return {i for i in before if found.clauses[spans[i][0]] != clause}
        return set()

    tasks = slip([(t.start, t.end) for t in found.tasks])
    names = slip([(m.start, m.end) for m in found.names])
    periods = slip(found.period_spans)
    durations = slip([(k, k + 1) for k in found.duration_starts])
    gone = []
    # A part or an act said again is taken back only by words that do nothing else ("à" may
    # close a question: "không phải X chủ trì à? sở mình chỉ phối hợp thôi").
    loose = tuple(found.words[start:end]) in _LATE_CORRECTIONS
    kinds = (CueKind.STATUS, CueKind.FIELD, CueKind.ASK)
    for kind in kinds if loose else (*kinds, CueKind.ROLE, CueKind.ACTION):
        # What is asked said again: a value said before and not after ("xuất excel các nv
        # quá hạn. À không, xuất hết các việc chưa xong": the export stays).
        cues = [(said, c) for said, c in found.cues if c.kind is kind]
        at = [max(_said_at(found, said, _CUE_TAKERS), default=0) for said, _ in cues]
        again = {c.value for (_, c), k in zip(cues, at, strict=True) if k >= end}
        gone += [cues[i] for i in slip([(k, k + 1) for k in at]) if cues[i][1].value not in again]
    if not loose:
        gone += _widened_or_turned(found, start, end, names, periods, tasks)
    if not (tasks or names or periods or durations or gone):
        return
    found.tasks = [t for i, t in enumerate(found.tasks) if i not in tasks]
    found.names = [m for i, m in enumerate(found.names) if i not in names]
    if periods:
        window = found.periods[min(periods)]
        kept = [i for i in range(len(found.periods)) if i not in periods]
        found.periods = [_said_again(window, found.periods[i]) for i in kept]
        found.period_spans = [found.period_spans[i] for i in kept]
    kept = [i for i in range(len(found.durations)) if i not in durations]
    found.durations = [found.durations[i] for i in kept]
    found.duration_starts = [found.duration_starts[i] for i in kept]
    found.cues = [e for e in found.cues if e not in gone]
    # The words that took the slip back ask nothing ("xin lỗi" is no small talk here).
    found.cues = [(said, c) for said, c in found.cues if not _holds_at(found, said, start, end)]
    found.take(start, end, "a slip taken back", "correction")


def _widened_or_turned(
    found: _Found, start: int, end: int, names: set[int], periods: set[int], tasks: set[int]
) -> list[tuple[Phrase, Cue]]:
    """What words that take back a slip ``[start, end)`` drop beside what is said again: the
    cues dropped, and the indexes of the names, periods and tasks dropped added to theirs.

    Whose tasks said again: the asker's own for a body's, or a body's for the asker's own
    ("việc quá hạn của STP, à nhầm, của mình"); both parts ("chủ trì mấy việc, à không, tính
    cả phối hợp luôn"); every body's, or the whole plan, for what narrowed it ("của SNV, à
    không, của tất cả các đơn vị", "xuất việc quá hạn, à thôi xuất hết"); and never mind what
    was asked before ("à thôi khỏi, gửi chị tổng hợp tuần"; the task named stays)."""

    def at(said: Phrase) -> int:
        return max(_said_at(found, said, _CUE_TAKERS), default=0)

    before = [(said, c) for said, c in found.cues if at(said) < start]
    own_before = [(said, c) for said, c in before if c.kind is CueKind.OWN]
    names_before = {i for i, m in enumerate(found.names) if m.end <= start}
    periods_before = {i for i, (_, b) in enumerate(found.period_spans) if b <= start}
    gone: list[tuple[Phrase, Cue]] = []
    if any(c.kind is CueKind.OWN and at(said) >= end for said, c in found.cues):
        names |= names_before
    if any(m.start >= end for m in found.names):
        gone += own_before
    roles = [(said, c) for said, c in found.cues if c.kind is CueKind.ROLE]
    if any(at(said) >= end and found.words[at(said) - 1] == "ca" for said, _ in roles):
        gone += roles
    if found.words[end : end + 1] == ["khoi"]:
        names |= names_before
        periods |= periods_before
        gone += before
    scope = _whole_said(found, end)
    if scope is not None:
        names |= names_before
        narrowing = (CueKind.ROLE,) if scope == "bodies" else (CueKind.STATUS, CueKind.ROLE)
        gone += own_before + [(said, c) for said, c in before if c.kind in narrowing]
        if scope == "plan":
            periods |= periods_before
            tasks |= {i for i, t in enumerate(found.tasks) if t.end <= start}
    return gone


def _whole_said(found: _Found, end: int) -> str | None:
    """Whether the words from ``end`` on widen what was taken back to every body's tasks
    ("tất cả các đơn vị", "all agencies": "bodies") or to the whole plan ("xuất hết", "cả
    kế hoạch luôn", "the whole plan": "plan"); words another step took ("hết hạn") say
    neither."""
    words = found.words
    for k in range(end, len(words)):
        if found.taken[k] and found.takers[k] not in _CUE_TAKERS:
            continue
        rest = tuple(words[k : k + 3])
        if rest[:2] == ("tat", "ca") or rest[:2] == ("ca", "cac"):
            return "bodies" if set(rest[1:] + tuple(words[k + 3 : k + 4])) & _BODIES else "plan"
        if rest[:1] == ("het",) and not found.taken[k] and rest[1:2] not in _NOT_ALL:
            return "plan"
        if rest[:2] in _WHOLE_PLAN or rest in _WHOLE_PLAN:
            return "plan"
    return None


# Words for every body, and for the whole plan, said after words that take back a slip.
_BODIES = frozenset({"don", "vi", "so", "co", "quan", "nganh", "ben", "xa", "phuong"})
_WHOLE_PLAN = frozenset(
    {("toan", "bo"), ("ca", "kh"), ("ca", "ke", "hoach"), ("ca", "chi", "thi")}
    | {("ca", "danh", "muc")}
)
# "hết" of a window or a deadline: "hết hạn", "hết năm".
_NOT_ALL = frozenset({("han",), ("nam",), ("thang",), ("quy",), ("tuan",), ("ngay",)})


def _said_again(slip: Period, said: Period) -> Period:
    """The period said again for ``slip``: a day, or a window up to a day, said for a window
    ends it there ("từ nay đến 30/5, ý em là 30/6")."""
    up_to = said.kind is PeriodKind.RANGE and (said.start.month, said.start.day) == (1, 1)
    if slip.kind is PeriodKind.RANGE and (said.kind is PeriodKind.DAY or up_to):
        return Period(PeriodKind.RANGE, slip.start, said.end)
    return said


def _holds_at(found: _Found, said: Phrase, start: int, end: int) -> bool:
    """Whether ``said`` was said within words ``[start, end)``."""
    return any(start <= k < end for k in _said_at(found, said, _CUE_TAKERS))


def _named_after_a_request(found: _Found) -> list[Mention]:
    """The names said right after a request's words: whom it is for ("nhắc vp ubnd tỉnh")."""
    return [m for m in found.names if m.start and found.takers[m.start - 1] == CueKind.ACTION.value]


def _drop_the_askers_own_name(found: _Found) -> None:
    """ "UBND xã bên em phối hợp tổng cộng mấy việc", "UBND xã chúng tôi mới thành lập": a
    body named, then "bên em", is the asker saying who it is; its own tasks are asked of, by
    "bên em", not a body's. So is a body the asker says it is of ("Dạ em bên UBND phường ...,
    tuần sau phường em có việc nào"), where its own is asked of."""
    words, takers = found.words, found.takers
    mine = CueKind.OWN.value in takers

    def named_as_itself(m: Mention) -> bool:
        if words[m.end : m.end + 2] in _ASKER_PLACED:
            return bool(set(takers[m.end : m.end + 2]) & _PART_TAKERS) and (
                not found.clauses or found.clauses[m.end - 1] == found.clauses[m.end]
            )
        return mine and m.start >= 2 and tuple(words[m.start - 2 : m.start]) in _I_AM_OF

    own = [
        m
        for m in found.names
        if not _only_sections(m)
        and named_as_itself(m)
        and not (m.start and takers[m.start - 1] == CueKind.ACTION.value)
    ]
    if own and len(own) == len(found.names):
        found.names = []
        found.why.append("the asker named as itself")


def _drop_who_said_so(found: _Found) -> None:
    """ "nhắc vp ubnd tỉnh việc nâng cấp ..., bên KHCN bảo đang chờ VP gửi yêu cầu": a body
    that says something, in a clause after whom a request names, is where the news came
    from, not one to remind."""
    if not found.clauses:
        return
    words, clauses = found.words, found.clauses
    whom = _named_after_a_request(found)
    if not whom:
        return
    said = [
        m
        for m in found.names
        if clauses[m.start] > clauses[whom[0].start]
        and m.end < len(words)
        and words[m.end] in _SAYING
        and agree(found.marks[m.end], _SAYING[words[m.end]])
    ]
    if said:
        found.names = [m for m in found.names if m not in said]
        found.why.append("who said so")


# What a body is said to say: "bảo", "nói".
_SAYING = {"bao": marks("bảo"), "noi": marks("nói")}


def _drop_done_just_now(found: _Found) -> None:
    """ "vừa nộp bc 9 tháng xong, giờ sở mình chủ trì còn bn việc chưa xong": what the asker
    has just finished, a clause opened by "vừa" or "mới", is news; the state asked is said
    after it."""
    if not found.clauses:
        return
    words, clauses = found.words, found.clauses
    opens = {c: k for k, c in reversed(list(enumerate(clauses)))}
    just = {
        c for c, k in opens.items() if words[k] in _JUST and agree(found.marks[k], _JUST[words[k]])
    }
    spans = {
        (phrase, a)
        for phrase, c in found.cues
        if c.kind is CueKind.STATUS
        for a in _said_at(found, phrase, _CUE_TAKERS)
    }

    def inside(phrase: Phrase, a: int) -> bool:
        """Whether "xong" at ``a`` is the end of a longer one ("chưa xong")."""
        return any(len(p) > len(phrase) and b <= a < b + len(p) for p, b in spans)

    said = [
        (phrase, c, {clauses[a] for p, a in spans if p == phrase and not inside(p, a)})
        for phrase, c in found.cues
        if c.kind is CueKind.STATUS
    ]
    news = [(p, c) for p, c, at in said if c.value == Status.DONE.value and at and at <= just]
    if news and any(at and not at <= just for _, _, at in said):
        found.cues = [e for e in found.cues if e not in news]
        found.why.append("what was just done")


# "vừa", "mới": just now, opening what the asker has just done.
_JUST = {"vua": marks("vừa"), "moi": marks("mới")}


def _drop_count_of_those_spoken_of(found: _Found) -> None:
    """ "Mấy việc quá hạn mà chưa xong ấy, bên nào đang nợ nhiều nhất vậy": "mấy việc ... ấy",
    a clause of its own, names the tasks spoken of ("those tasks"), and what is asked comes
    after it; it counts nothing."""
    if not found.clauses:
        return
    words, clauses = found.words, found.clauses
    ends = {c: k for k, c in enumerate(clauses)}

    def spoken_of(at: int) -> bool:
        last = ends[clauses[at]]
        said = words[last] in _THOSE and agree(found.marks[last], _THOSE[words[last]])
        return said and clauses[at] < clauses[-1]

    for said, c in list(found.cues):
        if c.kind is not CueKind.ASK or c.value != Ask.COUNT.value or said[0] != "may":
            continue
        if any(spoken_of(a) for a in _said_at(found, said, _CUE_TAKERS)):
            found.cues.remove((said, c))
            found.why.append("the tasks spoken of")


# "... ấy", "... đó" closing a clause: the things it names, spoken of.
_THOSE = {"ay": marks("ấy"), "do": marks("đó")}


def _progress_told_after_a_colon(found: _Found) -> None:
    """ "bc tiến độ đề án vị trí việc làm: xã đã xong dự thảo, ...": "báo cáo tiến độ" with what
    was done told after a colon gives an update of the task its words name, no report to
    write."""
    at = _said_at(found, _PROGRESS_REPORT, _CUE_TAKERS)
    colon = next((k for k in sorted(found.after_colon) if k > at[0]), None) if at else None
    if colon is None:
        return
    if not _done_said_from(found, colon, 3):
        return
    found.cues = [
        (said, Cue(CueKind.ACTION, Action.REPORT_PROGRESS.value, CLEAR))
        if said == _PROGRESS_REPORT and c.kind is CueKind.ACTION
        else (said, c)
        for said, c in found.cues
        if not (said == _PROGRESS_REPORT and c.kind is CueKind.ASK)
    ]
    found.why.append("progress told after a colon")


_PROGRESS_REPORT = ("bao", "cao", "tien", "do")


def _done_said_from(found: _Found, start: int, within: int) -> bool:
    """Whether one of the ``within`` words from ``start`` says it was done ("đã", "đạt",
    "xong")."""
    words = found.words
    return any(
        words[k] in _DONE_OPENS and agree(found.marks[k], _DONE_OPENS[words[k]])
        for k in range(start, min(start + within, len(words)))
    )


def _update_given_after_a_colon(found: _Found) -> None:
    """ "tiến độ nv 5: đã kiểm tra 9/14 đơn vị, xong sẽ viết báo cáo", "nv 5: đạt 80%": what
    was done, said after the task and a colon with no question of its own, is an update
    given, as after "cập nhật tiến độ nv 5:"; "nv 5: đã có dự thảo chưa" still asks. So is
    one said after a task named by its title ("việc kiểm tra CCHC các đơn vị: bên em đã ...")."""
    if any(c.kind is CueKind.ACTION for _, c in found.cues):
        return
    if len(found.tasks) == 1:
        start = found.tasks[0].end
    elif not found.tasks and len(found.titled) == 1 and found.after_colon:
        start = min(found.after_colon)
    else:
        return
    words = found.words
    if start not in found.after_colon or start == len(words):
        return
    rest = range(start, len(words))
    # "15/20 đơn vị", "khoảng 15%": a share done
    shares = {
        k
        for k in rest
        if _SHARE_DONE.fullmatch(found.raw[k])
        or (words[k].isdigit() and tuple(words[k + 1 : k + 3]) == _PERCENT)
    }
    asked = {
        k
        for said, c in found.cues
        if c.kind is CueKind.FIELD
        for k in _said_at(found, said, _CUE_TAKERS)
        # "..., tiến độ khoảng 60%": stated, not asked
        if not shares & set(range(k + len(said), k + len(said) + 3))
    }
    if (
        asked.intersection(rest)
        or any(found.clauses[k] in found.questioned for k in rest)
        or _asks_last(found)
        or _ends_with_yet(words, found.clauses)  # "...: bộ phiếu đã hoàn thiện chưa vậy"
    ):
        return
    # "nv 5: bên em đã kiểm tra ...", "II.4.a.2: chúng tôi đã ...": who did it, then what.
    while start < len(words) - 1 and words[start] in _DOERS:
        start += 1
    # ... or what, then that it is done: "nv 2: bộ phiếu đã hoàn thiện, giữa tháng 9 phát".
    done = words[start].isdigit() or _done_said_from(found, start, _SUBJECT_WORDS + 1)
    if done or shares:
        update = Cue(CueKind.ACTION, Action.REPORT_PROGRESS.value, CLEAR)
        found.cues.append((tuple(words[start:]), update))  # the whole statement
        found.why.append("an update given after a colon")


def _asks_last(found: _Found) -> bool:
    """Whether the message ends with a word that asks ("chưa", "không", "à"): not the
    "ạ" a statement closes with, politely ("đã phát được 3 đợt rồi ạ")."""
    last = found.words[-1]
    return last in _ASKING_LAST and not (last == "a" and agree(found.marks[-1], _POLITE, True))


_POLITE = marks("ạ")
# The most words said before what was done in an update: "bộ phiếu đã hoàn thiện".
_SUBJECT_WORDS = 2
# Who says they did it, before what was done: "chúng tôi", "bên em", "mình".
_DOERS = frozenset({"chung", "toi", "em", "minh", "ben"})


def _part_done(words: Sequence[str]) -> bool:
    """Whether a share under the whole is said done ("đạt khoảng 55%")."""
    return any(
        w.isdigit() and int(w) < 100 and tuple(words[k + 1 : k + 3]) == _PERCENT
        for k, w in enumerate(words)
    )


def _take_shares_stated(found: _Found) -> None:
    """ "đạt khoảng 70%", "được 15%": a share said is no title's words."""
    words = found.words
    for k in range(len(words) - 2):
        if words[k].isdigit() and tuple(words[k + 1 : k + 3]) == _PERCENT:
            if words[k - 2 : k] in _AT_LEAST or words[k + 3 : k + 4] == ["cac"]:
                # "kiểm tra ... tại ít nhất 30% các cơ quan": a title's share of bodies.
                found.take(k, k + 3, "a share of bodies", "quantity")
                if len(_runs_of(words, _PERCENT)) == 1:
                    found.cues = [(said, c) for said, c in found.cues if said != _PERCENT]
                continue
            start = k
            while start > max(0, k - 2) and words[start - 1] in _SHARE_OPENS:
                start -= 1
            found.take(start, k + 1, "a share", "share")


def _update_of_a_share_stated(found: _Found) -> None:
    """ "nv 8 đạt khoảng 10%", "nv 8 tiến độ 10%", "bc tiến độ nền tảng chia sẻ dữ liệu: đạt
    70%": a share of one task said, with no question of its own, is an update given; "nv 8
    đạt bao nhiêu %", "nv 8 được 10% chưa" still ask."""
    if not _one_task_named(found) or any(c.kind is CueKind.ACTION for _, c in found.cues):
        return
    words = found.words
    if found.questioned or _asks_last(found):
        return
    # ... nor asks anything else of it ("kiểm tra CCHC 30% các sở (nv I.5) đơn vị nào phối hợp").
    if any(
        c.kind in (CueKind.ROLE, CueKind.STATUS)
        or (c.kind is CueKind.FIELD and c.value != TaskField.PROGRESS.value)
        or (c.kind is CueKind.ASK and c.value in _OF_TASKS_ASKED)
        for _, c in found.cues
    ):
        return
    # ... or of its parts: "đã kiểm tra xong 3/8 đơn vị".
    shares = [
        k
        for k in range(len(words))
        if (
            (words[k].isdigit() and tuple(words[k + 1 : k + 3]) == _PERCENT)
            or _parts_done_at(found, k)
        )
        and not _holds(words[max(0, k - 3) : k], ("bao", "nhieu"))
    ]
    if shares:
        update = Cue(CueKind.ACTION, Action.REPORT_PROGRESS.value, CLEAR)
        found.cues.append((tuple(words[shares[0] : shares[0] + 3]), update))
        found.why.append("a share of it said done")


def _update_told_by_its_doer(found: _Found) -> None:
    """ "II.7 bên em đã gửi dự thảo cho UBND tỉnh rồi", "dạ việc tuyên truyền trên loa bên em
    phát được 3 đợt rồi ạ": what the asker's side did of one task, told with no question at
    all, is an update given; "II.7 bên em đã gửi gì chưa" still asks."""
    words = found.words
    # ... "xong" said of a share of it is how far it got: "đã tổ chức xong 5/8 cụm xã",
    # "phòng em số hóa xong tầm 60% hồ sơ" (its "%" asks nothing).
    stated = "share" in found.takers
    shared = stated or any(_parts_done_at(found, k) for k in range(len(words)))
    asking = _NOT_AN_UPDATE - {CueKind.STATUS} if shared else _NOT_AN_UPDATE
    if not _one_task_named(found) or any(
        c.kind in asking and not (stated and said == _PERCENT) for said, c in found.cues
    ):
        return
    if found.questioned or _asks_last(found) or _ends_with_yet(words, found.clauses):
        return
    if any(w in _ASKING_WORDS for w in words):
        return
    doers = [
        k + len(said)
        for said, c in found.cues
        if c.kind is CueKind.OWN
        for k in _said_at(found, said, _CUE_TAKERS)
    ]
    if not doers:
        return
    start = min(doers)
    if _done_said_from(found, start, len(words)) or "roi" in words[start:]:
        update = Cue(CueKind.ACTION, Action.REPORT_PROGRESS.value, CLEAR)
        found.cues.append((tuple(words[start:]), update))
        found.why.append("an update told by its doer")


# Cues that ask something of a task, or request: no update told.
_NOT_AN_UPDATE = frozenset(
    {CueKind.ACTION, CueKind.FIELD, CueKind.ASK, CueKind.STATUS, CueKind.ROLE}
)
# Words that ask, anywhere: "gì", "nào", "sao", "bao", "mấy", "ai", "đâu".
_ASKING_WORDS = frozenset({"gi", "nao", "sao", "bao", "may", "ai", "dau", "chua"})


def _update_to_done(found: _Found) -> None:
    """ "cập nhật việc 2.a hoàn thành giúp anh": a task updated as done is marked done."""
    update = [
        (said, c)
        for said, c in found.cues
        if c.kind is CueKind.ACTION and c.value == Action.REPORT_PROGRESS.value
    ]
    words = found.words
    done = any(
        tuple(words[t.end : t.end + len(d)]) == d for t in found.tasks for d in _DONE_SAID
    ) or (
        # "mình muốn cập nhật là I.2 xong rồi nhé", "... cập nhật là việc ... đã xong rồi":
        # what the update says is that it is done, with no share of it.
        not any(w.isdigit() or w == "phan" for w in words)
        and any(
            words[k : k + 3] in (["cap", "nhat", "la"], ["cap", "nhat", "rang"])
            and any(
                words[j] in _DONE_WORDS and found.clauses[j] == found.clauses[k]
                for j in range(k + 3, len(words))
            )
            for k in range(len(words) - 3)
        )
    )
    # ... but a share below the whole is how far along it is ("đã hoàn thành đề cương, ước
    # đạt 30%": a part done).
    shares = [w for w, t in zip(words, found.takers, strict=True) if t == "share"]
    part = any(w.isdigit() and int(w) < 100 for w in shares)
    if update and done and not part:
        found.cues = [e for e in found.cues if e not in update] + [
            (said, replace(c, value=Action.COMPLETE.value)) for said, c in update
        ]
        found.why.append("updated as done")


def _number_of_tasks(found: _Found, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether "số nv" is the number of tasks, not "sở nv": typed with the marks of "số",
    or typed bare after "con" or "đếm", or before a body's name ("dem giup a so nv stp da
    hoan thanh")."""
    k = mention.start
    if found.words[k : k + 2] not in (["so", "nv"], ["so", "nhiem"], ["so", "viec"]):
        return False
    if found.marks[k] is not None:
        return not agree(found.marks[k], marks("sở"))
    if found.words[k - 1 : k] in (["con"], ["tong"]):
        return True  # "cho a con so nv tre han", "tong so nv": the number
    if "dem" in found.words[max(0, k - 3) : k]:
        return True  # "dem giup e so nv dang tre han": what is counted
    return any(
        m.start == mention.end and all(t.kind == "agency" for t, _ in m.options) for m in mentions
    )


def _extension_said_by_its_length(found: _Found, titled: set[Phrase]) -> None:
    """ "cho việc 7 thêm 15 ngày được không": more days for a task, asked with no other
    request in its clause ("task 7 10 more days? the security report is waiting for ...":
    the report is the reason), ask it to be extended; a request's words its title holds
    (``titled``: "việc cập nhật csdl cbccvc cho xin thêm 1 tháng") are none."""
    more = [k for k in found.duration_starts if found.words[k] == "them"]
    if not (found.tasks or found.titled) or not more:
        return
    takers = {CueKind.ACTION.value, CueKind.ASK.value, "report"}
    # ... nor is the asking for it ("cho xin thêm 1 tháng").
    before = {
        said
        for said, _ in found.cues
        if any(k + len(said) in more for k in _said_at(found, said, takers))
    }
    asking = {
        c
        for said, cue in found.cues
        if cue.kind in (CueKind.ACTION, CueKind.ASK) and said not in titled | before
        for c in _clauses_saying(found, said, (cue.kind.value, "report"))
    }
    if not asking & {found.clauses[k] for k in more}:
        found.cues.append((("them",), Cue(CueKind.ACTION, Action.EXTEND.value, CLEAR)))
        found.why.append("more time for a task")


def _leader_wants(words: Sequence[str], k: int) -> bool:
    """Whether a leader who wants to do something is named at word ``k`` ("sếp muốn ...",
    "chủ tịch muốn ...")."""
    n = 2 if tuple(words[k : k + 2]) in _LEADERS else 1 if words[k] == "sep" else 0
    return n > 0 and words[k + n : k + n + 1] == ["muon"]


def _drop_dates_after(found: _Found, start: int, end: int | None = None) -> None:
    """Drops the periods said from word ``start`` on (up to word ``end``)."""
    kept = [
        (p, s)
        for p, s in zip(found.periods, found.period_spans, strict=True)
        if s[0] < start or (end is not None and s[0] >= end)
    ]
    found.periods = [p for p, _ in kept]
    found.period_spans = [s for _, s in kept]


def _drop_dates_before(found: _Found, marker: int) -> None:
    """Drops the periods and lengths of time said before word ``marker``."""
    spans = [
        (p, span)
        for p, span in zip(found.periods, found.period_spans, strict=True)
        if span[0] >= marker
    ]
    found.periods = [p for p, _ in spans]
    found.period_spans = [span for _, span in spans]
    kept = [
        (d, k) for d, k in zip(found.durations, found.duration_starts, strict=True) if k >= marker
    ]
    found.durations = [d for d, _ in kept]
    found.duration_starts = [k for _, k in kept]


def _said_of_ones_own(found: _Found, k: int) -> bool:
    """Whether word ``k``, after a kind said alone, makes it the asker's own unit."""
    if k >= len(found.words) or found.words[k] not in _KIND_SAID_OF_ONES_OWN:
        return False
    if found.words[k : k + 2] == ["hop", "tac"]:
        return False  # "vụ hợp tác quốc tế" typed bare
    return agree(found.marks[k], _KIND_SAID_OF_ONES_OWN[found.words[k]])


def _opened_by_a_reason(found: _Found) -> bool:
    """Whether the question opens, after its greeting, with a reason or a purpose ("Kính
    gửi, để chuẩn bị ...", "Vì sắp phải báo cáo ...", "Phục vụ cuộc họp ...")."""
    k = 0
    while k < len(found.words) and found.words[k] in _GREETINGS:
        k += 1
    return any(
        tuple(found.words[k : k + len(said)]) == said
        and (written is None or agree(found.marks[k], written))
        and (written is not None or found.marks[k] is None)
        for said, written in _REASONS.items()
    )


def _met_or_asking(words: Sequence[str], mention: Mention) -> bool:
    """Whether a name is whom the asker meets ("chiều mai họp Ban chỉ đạo", "sáng mai giao
    ban UBND phường"), whose leader asks ("Chủ tịch UBND phường vừa hỏi"), who does
    something to the asker ("bị UBND tỉnh nhắc") or who is writing a report: no subject."""
    if words[mention.start - 1 : mention.start] == ["bi"]:
        return True  # "sợ bị UBND tỉnh nhắc": who does it to the asker
    if _writing_a_report(words, mention.end):
        return True  # "Văn phòng đang tổng hợp báo cáo 9 tháng của Bộ, ...": who writes it
    later = list(zip(words[mention.end :], words[mention.end + 1 :], strict=False))
    if _THAT_SIDE.intersection(later):
        return False  # "họp vụ tccb sáng mai, có gì quá hạn bên đó không": asked of them
    before = tuple(words[max(0, mention.start - 2) : mention.start])
    cooperating = "phoi" in words[max(0, mention.start - 3) : mention.start]  # "phối hợp với"
    if not cooperating and (
        before[-1:] == ("hop",) or before in (("giao", "ban"), ("hop", "voi"), ("hop", "ben"))
    ):
        return True  # "mai họp với ...", "chiều nay họp bên Sở KHCN": whom the asker meets
    if before[-1:] == ("voi",) and any(
        _meets_at(words, j) for j in range(max(0, mention.start - 4), mention.start - 1)
    ):
        return True  # "cuộc họp trực tuyến với UBND tỉnh", "họp giao ban với UBND tỉnh"
    j = mention.end
    while j < mention.end + 3 and j < len(words) and (words[j] in _WHEN_SAID or words[j].isdigit()):
        j += 1  # "BCĐ tuần sau họp": when, between
    met = words[j : j + 2]
    if met[:1] == ["hop"] and tuple(met[1:]) not in _NOT_A_MEETING:
        return True  # "Tuần sau Ban chỉ đạo họp quý": the body meets, no subject
    if all(outside_plan(t) for t, _ in mention.options) and any(
        tuple(words[mention.end : mention.end + len(w)]) == w for w in _WANTS
    ):
        return True  # "BCĐ muốn biết ...", "BCĐ cần danh sách ...": who wants the answer
    after = words[mention.end : mention.end + 2]
    led = any(
        tuple(words[k : k + 2]) in _LEADERS for k in range(max(0, mention.start - 3), mention.start)
    )
    if led and "hoi" in after:
        return True
    # "Ban chỉ đạo đề nghị các đơn vị rà soát": who asked every unit is no subject.
    said = tuple(words[mention.end : mention.end + 3])
    return any(said[: len(p)] == p for p in _ASKED_EVERYONE)


def _this_task_in(found: _Found, clause: int) -> bool:
    """Whether ``clause`` says "this task" ("việc này", "nv này", "vụ này", "việc đó")."""
    words = found.words
    return any(
        words[k - 1] in _THIS_TASK_HEADS
        and found.clauses[k] == clause
        and (words[k] == "nay" or words[k] == "do" and agree(found.marks[k], _THAT, strict=True))
        for k in range(1, len(words))
    )


def _take_pasted_title(found: _Found, typed: str, spelled: Sequence[Word]) -> None:
    """ "Theo dõi tỷ lệ hồ sơ trực tuyến toàn trình, báo cáo ... cho xem chi tiết nv này": a
    task's title pasted from the plan, cut with "...", then asked about as "this task", is
    quoted: a title's words only, no number, date, agency or cue of its own."""
    cut = max(typed.rfind("..."), typed.rfind("…"))
    if cut < 0:
        return
    words = found.words
    after = _words_within(spelled, cut, len(typed))
    if not any(words[k] == "nay" and k > 0 and words[k - 1] in _THIS_TASK_HEADS for k in after):
        return
    before = _words_within(spelled, -1, cut)
    if len(before) >= 3:
        found.take(before[0], before[-1] + 1, "a title pasted", "quoted")


# The fewest words in quotes read as a task's title pasted: "'báo cáo quý'" may be any.
_QUOTED_TITLE_WORDS = 4
# A passage quoted from a letter or a report ("CV ... có đoạn: \"...\"", "BC 6 tháng có câu
# '...'"), in double or curly quotes, or single ones that open after a space.
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]|(?:(?<=\s)|^)'([^']+)'(?=[\s,.;:?!-]|$)")
# The words that bring in what a document says ("ghi", "có đoạn", "có câu", "trích", "đề
# nghị", "nhắc", "chỉ đạo", "ghi là", "ví dụ").
_SAYS_IN_A_DOCUMENT = frozenset({"ghi", "doan", "cau", "trich", "nghi", "nhac", "dao", "la", "du"})
# ... and what a person said, forwarded ("chị Lan nhắn: \"...\"", "anh Vụ trưởng dặn", "sếp
# hỏi", "Fwd:"): who said it is where it comes from, no body asked of.
_SAID_BY_SOMEONE = frozenset({"nhan", "dan", "hoi", "noi", "goi", "bao", "fwd"})
# Letters and reports, as a quotation's source is named ("cv", "công văn", "bc sơ kết").
_LETTERS = frozenset(
    {("cong", "van"), ("van", "ban"), ("bien", "ban"), ("bao", "cao"), ("quyet", "dinh")}
    | {("ke", "hoach"), ("chi", "thi"), ("thong", "bao"), ("to", "trinh"), ("cong", "viec")}
)
_LETTERS_RAW = [["cv"], ["qd"], ["kh"], ["ct"], ["tb"]]


def _take_quotations(found: _Found, typed: str, spelled: Sequence[Word]) -> None:
    """ "CV của VP UBND tỉnh ghi \"đề nghị đôn đốc kết nối liên thông phần mềm ... đến cấp
    xã\", việc này ai chủ trì", "Cv VP UBND tỉnh đề nghị \"các sở, ban, ngành báo cáo kết
    quả ... trước ngày 10/7\", bên mình còn việc nào chưa xong": what a letter or a report says,
    quoted, is its words alone: a task's title they may be, but no request, window or body of
    the question, which is asked outside the quotes."""
    words = found.words
    quoted = -1  # the last word of the quotation taken last
    for m in _QUOTED.finditer(typed):
        start, end = m.span(1) if m.group(1) is not None else m.span(2)
        said = _words_within(spelled, start, end)
        before = [k for k in _words_within(spelled, -1, start - 1) if k not in said]
        outside = len(words) - len(said)
        # ... one after another ("ghi \"Theo kế hoạch\", \"Theo đề nghị của ...\"")
        listed = bool(before) and before[-1] == quoted
        said_by = bool(before) and words[before[-1]] in _SAID_BY_SOMEONE
        if (
            before
            # ... a passage, not a column's or a body's name said to be one ("là “Đơn vị chủ
            # trì”", "là “Bộ Công an”")
            and len(said) >= 2 + (not listed) + 2 * (words[before[-1]] == "la")
            and outside >= 2
            and (
                words[before[-1]] in _SAYS_IN_A_DOCUMENT
                or listed
                or (said_by and _asks_of_its_own(words[said[-1] + 1 :]))
            )
            and not any(found.taken[k] for k in said)
        ):
            quoted = said[-1]
            found.take(said[0], said[-1] + 1, "a quotation", "quoted")
            if said_by:
                # "Bên Sở Nội vụ vừa gọi: \"...\". Xuất file excel toàn bộ nhiệm vụ giúp mình"
                first = found.clauses.index(found.clauses[before[-1]]) if found.clauses else 0
                if not any(found.taken[first : before[-1] + 1]):
                    found.take(first, before[-1] + 1, "who said the quotation", "source")
                continue
            # ... and the letter it is quoted from, said first ("CV của UBND tỉnh có ghi",
            # "Bc sơ kết 6 tháng có câu"): where it comes from, no body nor window asked of.
            first = found.clauses.index(found.clauses[before[-1]]) if found.clauses else 0
            opening = words[first + (words[first] == "trong") :][:2]
            if (opening[:1] in _LETTERS_RAW or tuple(opening) in _LETTERS) and not any(
                found.taken[first : before[-1] + 1]
            ):
                found.take(first, before[-1] + 1, "where the quotation is from", "source")


# Words of a request to the bot that ask nothing of their own ("bot đếm giúp em").
_TO_THE_BOT = _ASKING_THE_BOT | {"bot", "em", "e", "minh", "a"}


def _asks_of_its_own(after: Sequence[str]) -> bool:
    """Whether the words after a quoted message ask a question of their own ("... Trước 31/3
    phải xong những việc gì"), not of what was quoted ("bot đếm giúp em", "gia hạn việc đó")."""
    said = [w for w in after if w not in _TO_THE_BOT]
    return len(said) >= 5 and not set(said) & _POINTING_BACK


def _take_document_numbers(found: _Found, typed: str, spelled: Sequence[Word]) -> None:
    """ "Chỉ thị 12/CT-UBND", "Nghị quyết số 02-NQ/BCSD ngày ...": a document's number and
    date are the words that name it (a title may hold them), no task's number, no window."""
    spans = [(m.start(), m.end("kind"), m.end()) for m in _DOCUMENT_NUMBER.finditer(typed)]
    # "những việc thuộc 77/KH-UBND": a number with its kind's letters, said alone.
    spans += [
        (m.start() - 1, m.start() - 1, m.end()) for m in _BARE_DOCUMENT_NUMBER.finditer(typed)
    ]
    for kind, start, end in spans:
        found.documents.update(_words_within(spelled, kind - 1, end))
        said = _words_within(spelled, start, end)
        if said and not any(found.taken[k] for k in said):
            found.take(said[0], said[-1] + 1, "a document's number", "quoted")


def _words_within(spelled: Sequence[Word], start: int, end: int) -> list[int]:
    """The words that end after character ``start`` and by ``end`` of the typed text."""
    return [k for k, w in enumerate(spelled) if start < w.end <= end]


def _pointed_back_to(found: _Found, mention: Mention, other_clauses: bool = False) -> bool:
    """Whether the question points back to the body named ("..., vụ đó còn việc gì", "...
    hỏi bên đó có được giao việc gì", "họ"), after it (in another clause, if told)."""
    words = found.words
    clause = found.clauses[mention.start] if found.clauses else 0
    return any(
        _they_at(found, k)
        or (words[k] in _THIS and words[k - 1] in _BACK_TO_A_BODY)
        # "anh Giám đốc Sở Tư pháp hỏi bên ảnh có phải phối hợp gì": the person who asked,
        # and so the body ("bên anh ấy", "sở ổng", "bên thầy").
        or (words[k - 1] in _BACK_TO_A_BODY | {"ben"} and _that_person_at(found, k))
        # "Sở Nội vụ nhắn hỏi: ... có giao cho Sở việc chi không": the body's kind alone.
        or (
            words[k] == words[mention.start] in _KINDS_ALONE
            and (
                agree(found.marks[k], _KINDS_ALONE[words[k]], strict=True)
                or words[k - 1] in ("ben", "phia")
            )
            and not found.taken[k]
        )
        # "chị Hà bên Thanh tra Bộ hỏi Thanh tra được giao ...": the body's two first words.
        or (words[k : k + 2] == words[mention.start : mention.start + 2] == ["thanh", "tra"])
        for k in range(mention.end, len(words))
        if not other_clauses or found.clauses[k] != clause
    )


def _they_said_after(found: _Found, mention: Mention) -> bool:
    """Whether "họ" (they) is said in a clause after the one that names the body."""
    clause = found.clauses[mention.start] if found.clauses else 0
    return any(
        _they_at(found, k) and (not found.clauses or found.clauses[k] != clause)
        for k in range(mention.end, len(found.words))
    )


def _that_person_at(found: _Found, k: int) -> bool:
    """Whether word ``k`` is that person ("ảnh", "ổng", "bả", "anh ấy", "thầy")."""
    words = found.words
    if words[k] in _THAT_PERSON_SHORT and agree(found.marks[k], _THAT_PERSON_SHORT[words[k]]):
        return True
    return words[k] in _SAID_AGAIN and (words[k + 1 : k + 2] == ["ay"] or words[k] == "thay")


# A person said again, in the South's short forms: "ảnh" (anh ấy), "ổng" (ông ấy), "bả".
_THAT_PERSON_SHORT = {"anh": marks("ảnh"), "ong": marks("ổng"), "ba": marks("bả")}
_SAID_AGAIN = frozenset({"anh", "chi", "ong", "ba", "thay", "co"})


def _they_at(found: _Found, k: int) -> bool:
    """Whether word ``k`` is "họ" (they), not "hỗ trợ" typed bare."""
    words = found.words
    return words[k] == "ho" and agree(found.marks[k], _THEY) and words[k + 1 : k + 2] != ["tro"]


def _newly_at(found: _Found, mention: Mention) -> bool:
    """Whether a name is where the asker has just come to ("em mới về văn phòng") or whose
    work the asker has just taken on ("Mình mới nhận bàn giao đầu mối CCHC của Văn phòng
    Bộ, ..."), in a clause before the one that asks."""
    words = found.words
    if any(tuple(words[max(0, mention.start - n) : mention.start]) in _NEWLY_AT for n in (2, 3)):
        return True
    if not found.clauses or found.clauses[mention.start] == found.clauses[-1]:
        return False
    clause = found.clauses[mention.start]
    start = found.clauses.index(clause)
    pointed_back = _pointed_back_to(found, mention, other_clauses=True)
    return (
        words[mention.start - 1] in ("cua", "ben")
        and not pointed_back
        and any(_holds(words[start : mention.start], taken) for taken in _TAKEN_ON)
    )


def _who_asked(found: _Found) -> list[bool]:
    """The words of small talk that say who asked the asker ("sếp hỏi", "thứ trưởng vừa
    hỏi"): context, never a title's words."""
    out = [False] * len(found.words)
    start = 0
    for k, taker in enumerate([*found.takers, ""]):
        if taker == CueKind.OFF_TOPIC.value:
            continue
        if k > start and found.words[k - 1] == "hoi":
            out[start:k] = [True] * (k - start)
        start = k + 1
    return out


def _asked_by(words: Sequence[str], mention: Mention) -> bool:
    """Whether a name is who asked the asker ("Anh bên Vụ Pháp chế vừa gọi hỏi lại")."""
    return tuple(words[mention.end : mention.end + 2]) in _ASKED_BY


def _place(found: _Found, k: int) -> bool:
    """Whether the name at word ``k`` says where ("quán phở gần văn phòng phường", "cạnh
    ubnd tỉnh", "sân gần ubnd"): a place near the body, not the body asked about."""
    return k > 0 and any(
        found.words[k - 1] == w and agree(found.marks[k - 1], m) for w, m in _NEAR.items()
    )


def _take_what_a_person_does(found: _Found, start: int) -> None:
    """ "anh Hùng phụ trách CCHC của Sở Nội vụ": what the person does, up to their body."""
    names = {m.start for m in found.names}
    end = start
    while (
        end < len(found.words)
        and not found.taken[end]
        and end not in names
        and found.words[end] not in _OF_A_BODY
        and (end == start or found.clauses[end] == found.clauses[start])
    ):
        end += 1
    found.take(start, end, "what a person does", "context")


# Words that join a person to their body ("của Sở Nội vụ", "bên STP").
_OF_A_BODY = frozenset({"cua", "ben", "thuoc", "o", "nho", "hoi"})


def _person_at(found: _Found, k: int) -> bool:
    """Whether word ``k`` is a person's given name after how one calls them ("anh Hùng",
    "chị Lan", "đ/c Minh"): capitalised, not an abbreviation."""
    if k < 1 or found.clauses[k - 1] != found.clauses[k]:
        return False
    raw = found.raw[k]
    return (
        found.raw[k - 1].lower() in _HONORIFICS
        and raw[:1].isupper()
        and not raw.isupper()
        and raw.lower() not in _KINDS_TYPED  # "hỏi em Sở Thông tin và Truyền thông ..."
        and has_vowel(found.words[k])
    )


# The kinds of body a name opens with, typed as they are (no one's given name).
_KINDS_TYPED = frozenset({"sở", "phòng", "vụ", "cục", "ủy", "uỷ", "viện", "bộ", "ubnd"})
# Cues that may say what a person does ("anh Hùng phụ trách CCHC").
_OF_A_ROLE = frozenset({CueKind.FIELD, CueKind.ROLE})
# How people are called before their given name.
_HONORIFICS = frozenset(
    {"anh", "chị", "chi", "a", "c", "ông", "bà", "cô", "chú", "em", "e", "đ/c", "đc", "dc"}
)


def _forwarded_from(found: _Found, mention: Mention) -> bool:
    """Whether a name is whose question is forwarded word for word ("Thành viên BCĐ hỏi:
    ...", "Sở Tư pháp nhắn: ...")."""
    return _forwarded_at(found, mention) is not None


def _forwarded_at(found: _Found, mention: Mention) -> int | None:
    """The word that forwards the question of whom a name names ("hỏi", "nhắn"), if any."""
    words, k = found.words, mention.end
    if words[k : k + 1] == ["nho"] and k + 2 < len(words) and words[k + 2] == "hoi":
        k += 2  # "Sở Nội vụ nhờ em hỏi: ..."
    if k >= len(words) or words[k + 1 : k + 2] in (["nghi"], ["dong"], ["vien"]):
        return None  # "hội nghị", "hội đồng", "hội viên"
    typed = found.marks[k]
    asks = words[k] == "hoi" and agree(typed, _ASKS)
    texts = words[k] == "nhan" and typed is not None and agree(typed, _TEXTS)
    return k if asks or texts else None


def _passed_on(found: _Found) -> int:
    """How many words open a question passed on from a person ("Chị Lan nhờ hỏi ...", "anh
    PCT hỏi: ...", "chị Hạnh bên STP nhắn hỏi: ..."): who asked, none of the question's; 0
    where it opens otherwise."""
    words = found.words
    if not words or words[0] not in _PERSONS:
        return 0
    for k in range(1, min(len(words), _RELAY_WORDS)):
        if found.clauses and found.clauses[k] != found.clauses[0]:
            return 0
        for relay, typed in _RELAYS:
            end = k + len(relay)
            if (
                tuple(words[k:end]) == relay
                and agree(found.marks[k], typed)
                and end < len(words)
                and words[end] not in _NO_RELAY_AFTER
                # "a Hùng PGĐ vừa hỏi, sở mình ...": a clause of its own, told otherwise
                and (not found.clauses or found.clauses[end] == found.clauses[0])
            ):
                return end
    return 0


def _relayed_and_pointed_back_to(found: _Found, mention: Mention) -> bool:
    """Whether a body is the unit of who passed the question on, and the question points
    back to it ("Anh Tuấn Vụ trưởng Vụ TCCB hỏi bên anh ấy đang chủ trì mấy nhiệm vụ")."""
    relay = _passed_on(found)
    return mention.end <= relay and _points_back_after(found, [mention], relay)


def _points_back_after(found: _Found, mentions: Sequence[Mention], k: int) -> bool:
    """Whether the words from ``k`` point back to a body named before ("bên chị", "họ")."""
    words = found.words
    elder = any(
        words[j] in ("ben", "phia")
        and words[j + 1 : j + 2] in _ELDERS
        and words[j + 2 : j + 3] != ["tri"]  # "bên chủ trì"
        or words[j] == "ben"
        and agree(found.marks[j], _BEN_AY, strict=True)
        for j in range(k, len(words))
    )
    return any(elder or _pointed_back_to(found, m) for m in mentions)


def _take_who_forwards(found: _Found, forwarded: Sequence[Mention]) -> None:
    """ "Anh Hùng phụ trách CCHC của Sở Nội vụ nhờ em hỏi: ...": the words before the
    question forwarded say who asks, none of its title's."""
    for mention in forwarded:
        end = _forwarded_at(found, mention)
        if end is None:
            continue
        clause = found.clauses[mention.start]
        start = found.clauses.index(clause)
        for k in range(start, end + 1):
            found.taken[k] = True
            found.takers[k] = "asker"


def without_chat_headers(text: str) -> str:
    """The message without what a chat app put before it (``_CHAT_HEADER``), one after
    another ("Forwarded from Mai" then "[08:47] Mai: ..."), while words are left."""
    while True:
        header = _CHAT_HEADER.match(text)
        if header is None or not text[header.end() :].strip():
            return text
        text = text[header.end() :]


def without_letter_furniture(text: str) -> str:
    """The message without a letter's subject line, salutation, sign-off and signature
    (``_SUBJECT_LINE`` ...), while words are left."""
    subject = _SUBJECT_LINE.match(text)
    if subject is not None:
        # "V/v: cập nhật tiến độ ..." over a body that only reports: the subject asks.
        body = text[subject.end() :]
        text = body if _ASKS_ITSELF.search(body) else subject[1] + "\n" + body
    for furniture in (_SALUTATION, _SIGN_OFF, _SIGNATURE):
        left = furniture.sub("\n", text, count=1).strip()
        text = left or text
    return text


def _context_day(
    words: Sequence[str], typed: Sequence[str | None], start: int, value: object, today: date
) -> int:
    """How many words before a period said at ``start`` make it the asker's context, not a
    window: "mấy tuần nay" (for weeks), a time of day ("chiều nay", "sáng mai"; "sang 31/7"
    is a new deadline), "tính đến hôm nay", "tính đến ngày 22/9" of today (as of today), or a
    day just past said after "hỏi" ("họ hỏi em hôm qua": when someone asked), or a time past
    said after "hồi" (when something was done); 0 when it is a window."""
    if not isinstance(value, Period):
        return 0
    before = tuple(words[max(0, start - 2) : start])
    if (
        before[-1:] == ("may",)
        and typed[start - 1] is not None
        and agree(typed[start - 1], _OTHER_MARKS["may"])
        and "nay" in words[start:]
    ):
        return 1  # "chưa cập nhật mấy tuần nay": for weeks, no window ("bộ máy quý này" is)
    if value.end == today and before[-1:] == ("tinh",) and words[start] in ("den", "toi"):
        return 1  # "chậm tiến độ tính đến ngày 22/9" (today): as of now, no window
    if (
        before[-1:] == ("hoi",)
        and before[:1] in _DONE_THEN
        and value.end < today
        and agree(typed[start - 1], _BACK_THEN)
    ):
        return 1  # "kế hoạch ký ban hành hồi tháng 3 rồi": when it was done, no window
    if value.kind is not PeriodKind.DAY:
        return 0
    if before[-1:] and before[-1] in _TIMES_OF_DAY:
        written = _TIMES_OF_DAY[before[-1]]
        after = words[start + 1] if start + 1 < len(words) else ""
        marked = typed[start - 1] is not None and agree(typed[start - 1], written)
        meeting = after in _MEETING_AFTER or tuple(words[start + 1 : start + 3]) in _A_MEETING
        return 1 if marked and meeting else 0
    # ... or after whom they asked ("hỏi chúng tôi hôm qua").
    asked = tuple(words[max(0, start - 3) : start])
    if "hoi" in asked and today - timedelta(days=_NEAR_DAYS) <= value.start <= today:
        return len(asked) - asked.index("hoi")
    if value.start == today and value.end == today:
        for said in _AS_OF:
            if before[-len(said) :] == said:
                return len(said)
    return 0


def _review_years(words: Sequence[str], k: int) -> bool:
    """Whether the years said at ``k`` are a review's ("tổng kết 5 năm", "sơ kết 2 năm")."""
    return (
        k >= 2
        and tuple(words[k - 2 : k]) in _REVIEWS
        and words[k].isdigit()
        and words[k + 1 : k + 2] == ["nam"]
    )


def _meeting_day(
    words: Sequence[str], clauses: Sequence[int], end: int, value: object, today: date
) -> bool:
    """Whether a window said at the start of a meeting ("mai họp", "tuần sau giao ban",
    "Đầu tháng 7 họp sơ kết rồi") is when the asker meets, not a window of the question; so
    is a day near today said at the start of the asker's report to a superior ("mai chị lên
    báo cáo sếp"). A meeting said in the next clause is not: "gửi tổng hợp tuần này, họp
    giao ban sáng nay"."""
    if not isinstance(value, Period):
        return False
    j = end
    while j < len(words) and words[j] in _GOING:
        j += 1
    if j < len(words) and clauses and clauses[j] != clauses[end - 1]:
        return False
    if words[j : j + 1] == ["hop"] or words[j : j + 2] == _BRIEFING:
        return True
    if tuple(words[j : j + 2]) in _REVIEWS and value.kind is not PeriodKind.YEAR:
        # "tháng sau sơ kết 6 tháng, sếp giao em soạn báo cáo ..." (but "báo cáo năm 2026
        # tổng kết năm": the year's report)
        return True
    # "before Friday's leadership meeting" ("trước thứ 6 lãnh đạo họp giao ban"): the leaders'.
    if words[j : j + 2] == ["lanh", "dao"] and (
        words[j + 2 : j + 3] == ["hop"] or words[j + 2 : j + 4] == _BRIEFING
    ):
        return True
    # "Chiều mai a làm việc với Đảng ủy", "Mai em mang đi họp giao ban": the asker's meeting.
    k = j + 1 if words[j : j + 1] and _self_at(words, j) else j
    while k < len(words) and k - j < 3 and words[k] in _TAKEN_TO:
        k += 1
    if words[k : k + 3] == ["lam", "viec", "voi"] or words[k : k + 1] == ["hop"]:
        return True
    # "Thứ Hai tuần sau Vụ giao ban", "tuần sau BCĐ họp rồi", "sáng mai phòng KSTT họp":
    # whose meeting, between (a body's kind and up to two words of its name).
    starts = [j + 3] if words[j : j + 3] == _STEERING else []
    if words[j : j + 1] and words[j] in _OTHER_BODIES | {"so", "ban", "vu"}:
        starts += [
            k
            for k in range(j + 1, j + 4)
            if k < len(words) and (not clauses or clauses[k] == clauses[j])
        ]
    if any(_meets_at(words, k) or words[k : k + 2] == _BRIEFING for k in starts):
        return True
    near = value.kind is PeriodKind.DAY and abs((value.start - today).days) <= _NEAR_DAYS
    return (
        near
        and j < len(words)
        and (words[j] in _MEETS or _reports_to_superiors(words, j) or _superior_asks(words, j))
    )


def _asked_then(found: _Found, end: int, value: object, today: date) -> bool:
    """Whether a day just past, said before someone asks in the same clause ("Hôm qua bên Sở
    Y tế có hỏi chị ..."), is when they asked."""
    if not isinstance(value, Period) or value.kind is not PeriodKind.DAY:
        return False
    if not today - timedelta(days=_NEAR_DAYS) <= value.start < today:
        return False
    clause = found.clauses[end - 1] if found.clauses else 0
    return any(
        found.words[k] == "hoi" and (not found.clauses or found.clauses[k] == clause)
        for k in range(end, min(end + 6, len(found.words)))
    )


def _taken_over_then(words: Sequence[str], start: int, value: object, today: date) -> bool:
    """Whether a time past said at ``start`` follows a handover ("nhận bàn giao tuần trước",
    "tiếp nhận từ tháng trước", "mới nhận việc hôm qua"): when the asker took over; or a
    body's making ("mới lập hồi giữa năm ngoái", "sáp nhập từ tháng 7"): when it began."""
    if not isinstance(value, Period) or value.start >= today:
        return False
    since = start
    while since > start - 2 and words[since - 1 : since] in _BEFORE_A_TIME:
        since -= 1  # "từ tuần trước", "hồi giữa năm ngoái"
    return tuple(words[max(0, since - 2) : since]) in _TAKEN_OVER


_BEFORE_A_TIME = (["tu"], ["hoi"], ["giua"], ["vao"])


# The words a handover ends with: "nhận bàn giao", "mới nhận việc", "nhận file", "tiếp nhận";
# and those a body's making does: "mới lập", "thành lập", "sáp nhập", "hợp nhất".
_TAKEN_OVER = frozenset(
    {("ban", "giao"), ("nhan", "viec"), ("nhan", "file"), ("nhan", "mang"), ("tiep", "nhan")}
    | {("moi", "lap"), ("thanh", "lap"), ("sap", "nhap"), ("hop", "nhat")}
)


def _met_on(words: Sequence[str], start: int, value: object, today: date) -> bool:
    """Whether a day near today, said just after a meeting and whom it is with ("họp vụ tccb
    sáng mai"), is when the asker meets; so is a week said right after it ("BCĐ họp tuần
    sau")."""
    if not isinstance(value, Period):
        return False
    if value.kind is PeriodKind.WEEK:
        # "BCĐ họp tuần sau", "cuộc họp giao ban tuần sau"
        return _meets_at(words, start - 1) or words[max(0, start - 2) : start] == _BRIEFING
    if value.kind is not PeriodKind.DAY:
        return False
    near = abs((value.start - today).days) <= _NEAR_DAYS
    # ... or any day said right after the meeting ("họp giao ban thứ 5 tuần sau").
    if words[max(0, start - 2) : start] == _BRIEFING or _meets_at(words, start - 1):
        return True
    # "phối hợp" is no meeting ("những việc stp phối hợp đến hạn ngày mai").
    return near and any(
        words[k] == "hop" and words[k - 1 : k] != ["phoi"] for k in range(max(0, start - 8), start)
    )


def _counted_down(value: object, words: Sequence[str], end: int, today: date) -> bool:
    """Whether "N ngày nữa", said before "là hết ..." ("còn 20 ngày nữa là hết hạn những
    việc nào", "còn 34 ngày nữa là hết năm, việc nào đến hạn"), counts down the days left
    from today: the window asked about."""
    return (
        isinstance(value, Period)
        and value.kind is PeriodKind.RANGE
        and value.start == today
        and words[end - 1 : end] == ["nua"]
        and words[end + 2 : end + 3] in (["han"], ["nam"], ["quy"], ["thang"], ["tuan"])
    )


def _away_from(words: Sequence[str], end: int, value: object, today: date) -> int:
    """Where the words of the asker going away end, if a day near today is said before them
    ("mai chị ra Phú Quốc công tác", "mai em đi tập huấn", "mai c nghỉ phép"): when the
    asker is away, no window; else 0."""
    if not isinstance(value, Period) or abs((value.start - today).days) > _NEAR_DAYS:
        return 0
    k = end + (words[end : end + 1] != [] and words[end] in _SELF)
    if tuple(words[k : k + 2]) in _AWAY:
        return k + 2  # "mai c nghỉ phép mấy bữa"
    if words[k : k + 1] not in (["ra"], ["di"], ["vao"], ["len"], ["xuong"], ["ve"]):
        return 0
    return next(
        (j + 2 for j in range(k + 1, min(len(words), k + 6)) if tuple(words[j : j + 2]) in _AWAY),
        0,
    )


def _for_days(words: Sequence[str], k: int) -> int:
    """How many words from ``k`` say for how long, a few days ("mấy bữa", "vài hôm")."""
    return 2 if words[k : k + 1] in (["may"], ["vai"]) and words[k + 1 : k + 2] in _DAYS else 0


# Why the asker is away: a work trip, leave, a training course.
_AWAY = frozenset({("cong", "tac"), ("nghi", "phep"), ("tap", "huan"), ("boi", "duong")})
_DAYS = (["bua"], ["hom"], ["ngay"])


def _urges_others(found: _Found, mention: Mention) -> bool:
    """Whether a body just urged other bodies ("SNV vừa nhắn các sở gửi báo cáo", "VP UBND
    tỉnh mới đôn đốc các xã"): the one who sent word, not whom the question is about."""
    words, k = found.words, mention.end
    if k >= len(words) or words[k] not in _JUST or not agree(found.marks[k], _JUST[words[k]]):
        return False
    # "Sở Nội vụ vừa có công văn đôn đốc ...": urged by letter, whoever it went to.
    lettered = words[k + 1 : k + 2] in (["co"], ["gui"], ["ra"]) and words[k + 2 : k + 4] == [
        "cong",
        "van",
    ]
    k += 3 if lettered else 0
    verb = next((v for v in _URGED if tuple(words[k + 1 : k + 1 + len(v)]) == v), None)
    if verb is None:
        return False
    after = k + 1 + len(verb)
    return (
        lettered
        or words[after : after + 1] == ["cac"]
        or any(m.start == after for m in found.names)
    )


def _meets_at(words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is "họp" (to meet), not "hợp" of "phối hợp", "tổng hợp"."""
    return (
        0 <= k < len(words)
        and words[k] == "hop"
        and (k == 0 or words[k - 1] not in _JOINED_BEFORE_HOP)
    )


def _meeting_cadence(words: Sequence[str], start: int, end: int) -> bool:
    """Whether "quý rồi", "tháng rồi" (the last one) is a meeting's kind and the sentence's
    "rồi": a meeting said just before it ("mai họp BCĐ quý rồi", "giao ban tháng rồi")."""
    first = max(0, start - 5)  # "họp Ban chỉ đạo quý rồi"
    before = words[first:start]
    # ... but not the "hợp" of "tổng hợp", "phối hợp" ("tổng hợp tuần rồi": the digest).
    meeting = any(
        words[k] == "hop" and (k == 0 or words[k - 1] not in _HOP_NOT_MET)
        for k in range(first, start)
    ) or ("giao", "ban") in zip(before, before[1:], strict=False)
    return meeting and end - start == 2 and words[start] in _CADENCES and words[end - 1] == "roi"


def _reports_to_superiors(words: Sequence[str], k: int) -> bool:
    """Whether the asker's report to a superior is said at ``k`` ("báo cáo sếp", "báo cáo
    lãnh đạo", "báo cáo chủ tịch"; "nộp lãnh đạo", "gửi sếp", "trình giám đốc")."""
    n = 2 if words[k : k + 2] == _A_REPORT else 1 if words[k : k + 1] in _HANDS_TO else 0
    return bool(n) and words[k + n : k + n + 1] != [] and words[k + n] in _SUPERIORS


def _other_than_only(words: Sequence[str]) -> Role | None:
    """The role asked of where the other is the alternative "hay chỉ ... thôi" ("hay toàn ...
    thôi") offers."""
    for k in range(len(words) - 3):
        if words[k : k + 2] in (["hay", "chi"], ["hoac", "chi"], ["hay", "toan"]):
            only = _ROLE_WORDS.get((words[k + 2], words[k + 3]))
            if only is not None:
                return Role.SUPPORT if only is Role.LEAD else Role.LEAD
    return None


_ROLE_WORDS = {("chu", "tri"): Role.LEAD, ("phoi", "hop"): Role.SUPPORT}
_HANDS_TO = (["nop"], ["gui"], ["trinh"])


def _superior_asks(words: Sequence[str], k: int) -> bool:
    """Whether a superior asks at ``k`` ("..., sáng mai giám đốc hỏi", "mai sếp hỏi"), or
    needs it then ("chiều mai c phó chánh vp cần")."""
    k += words[k : k + 1] in (["c"], ["chi"], ["a"], ["anh"])
    k += words[k : k + 1] == ["pho"]
    said = 1 if words[k : k + 1] == ["sep"] else 2 if tuple(words[k : k + 2]) in _LEADERS else 0
    return bool(said) and bool(_SUPERIOR_WANTS.intersection(words[k + said : k + said + 2]))


# What a superior does with what the asker prepares: asks, needs, reviews it.
_SUPERIOR_WANTS = frozenset({"hoi", "can", "xem", "duyet"})


def _once(words: Sequence[str], i: int) -> int:
    """How many words from ``i`` say "once" after a length of time ("1 lần", "lần")."""
    return _ONCE.get(tuple(words[i : i + 2])) or _ONCE.get(tuple(words[i : i + 1])) or 0


def _inside(inner: Mention, outer: Mention) -> bool:
    """ "thương binh và xã hội" within "Sở Lao động - Thương binh và Xã hội"."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
        and outer.strength >= inner.strength
    )


def _targets(mention: Mention) -> set[Target]:
    return {t for t, _ in mention.options}


def _said(found: _Found, mention: Mention) -> list[str]:
    return found.words[mention.start : mention.end]


def _periods_across_clauses(
    hits: Sequence[PeriodFound], words: Sequence[str], clauses: Sequence[int]
) -> set[int]:
    """The words that end a clause and open a period read on into the next ("năm, trước
    15/12"), where they hold no number of their own ("từ 1/10, đến 15/12" holds one)."""
    cut: set[int] = set()
    for hit in hits if clauses else ():
        first = clauses[hit.start]
        end = next((k for k in range(hit.start, hit.end) if clauses[k] != first), None)
        if end is not None and not any(w[:1].isdigit() for w in words[hit.start : end]):
            cut.update(range(hit.start, end))
    return cut


def _merger_said(note: AgencyNote, said: Sequence[AgencyNote]) -> bool:
    """Whether a merger ``note`` tells is told by one of ``said`` already, from its other
    side (that the successor took over the body merged into it)."""
    sides = {Relation.MERGED_INTO: Relation.TOOK_OVER, Relation.TOOK_OVER: Relation.MERGED_INTO}
    other = sides.get(note.relation)
    return any(n.relation is other and (n.named, n.other) == (note.other, note.named) for n in said)


def _only_sections(mention: Mention) -> bool:
    return all(t.kind == "section" for t, _ in mention.options)


def _holds_not_within(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``words`` hold the run ``part`` other than as where something is ("việc báo
    cáo trong Kế hoạch": the plan, no kind of document a title names)."""
    n = len(part)
    return any(
        tuple(words[i : i + n]) == tuple(part) and (i == 0 or words[i - 1] not in _WITHIN)
        for i in range(len(words) - n + 1)
    )


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``words`` hold the run ``part``."""
    n = len(part)
    return n > 0 and any(tuple(words[i : i + n]) == tuple(part) for i in range(len(words) - n + 1))


def _next_is_number(words: Sequence[str], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1][:1].isdigit()
