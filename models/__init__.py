"""Entities: typed SQLAlchemy 2 models. Domain rules that belong to an entity live on it."""

from models.agency import Agency, AgencyAlias, AgencyGroupMember, AgencyLevel
from models.audit import AuditLog
from models.base import Base
from models.calendar import CalendarDay as CalendarDay
from models.delivery import Notification, NotificationStatus, ProcessedUpdate, PublicImage
from models.people import (
    ChannelAccount,
    ChatBinding,
    ConversationState,
    Invite,
    Official,
    OfficialRole,
)
from models.plan import Assignment, Milestone, MilestoneStatus, Plan, Role, Task
from models.progress import Evidence, ProgressReport
from models.target import Target, TargetAgency, TargetStatus, TargetValue
from models.upload import UploadLink as UploadLink

__all__ = [
    "Agency",
    "AgencyAlias",
    "AgencyGroupMember",
    "AgencyLevel",
    "Assignment",
    "AuditLog",
    "Base",
    "ChannelAccount",
    "ChatBinding",
    "ConversationState",
    "Evidence",
    "Invite",
    "Milestone",
    "MilestoneStatus",
    "Notification",
    "NotificationStatus",
    "Official",
    "OfficialRole",
    "Plan",
    "ProcessedUpdate",
    "ProgressReport",
    "PublicImage",
    "Role",
    "Target",
    "TargetAgency",
    "TargetStatus",
    "TargetValue",
    "Task",
]
