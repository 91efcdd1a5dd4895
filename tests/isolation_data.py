"""Two provinces side by side for the isolation matrix: each with its units, a user of every
role, a plan with registered and agreed slots, a thread, a change request, website news, an
audit entry, feeds, notifications and mail. Every text of a province carries its tag, so a
page of the other province can be searched for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import ChangeKind, ChangeState
from editorial.extensions import db
from editorial.feeds import services as feeds
from editorial.notifications.models import MailMessage, Notification
from editorial.notifications.rules import MailStatus
from editorial.observances.models import AnniversaryEntry, ReportRuleEntry
from editorial.plans.rules import Channel, SlotStatus
from editorial.registrations.models import Message, Registration
from editorial.registrations.rules import MessageKind, Side
from editorial.units.models import ProvinceSettings
from editorial.units.rules import UnitKind
from editorial.website.models import WebEvent, WebItem
from editorial.website.rules import ItemKind, ItemStatus
from tests.factories import make_plan, make_unit, make_user

SENT = datetime(2023, 3, 1, 2, 0, tzinfo=UTC)


@dataclass
class Province:
    """The ids of one province's rows and the texts only that province has."""

    tag: str
    login: str
    ids: dict[str, int] = field(default_factory=dict)
    marks: list[str] = field(default_factory=list)  # texts that only this province shows

    def text(self, words: str) -> str:
        """A text of this province (remembered as one of its marks)."""
        value = f"{words} {self.tag}"
        self.marks.append(value)
        return value

    def user(self, role: Role) -> str:
        return f"{self.login}-{role}"


def build(tag: str, login: str) -> Province:
    """One province with a little of everything; committed."""
    p = Province(tag, login)
    root = make_unit(p.text("Ủy ban MTTQ tỉnh"), kind=UnitKind.PROVINCE)
    dept = make_unit(p.text("Ban Tuyên giáo"), kind=UnitKind.DEPARTMENT, parent=root)
    commune = make_unit(p.text("Ủy ban MTTQ xã Đông"), kind=UnitKind.COMMUNE, parent=root)
    commune2 = make_unit(p.text("Ủy ban MTTQ xã Tây"), kind=UnitKind.COMMUNE, parent=root)
    org = make_unit(p.text("Hội LHPN"), kind=UnitKind.MEMBER_ORG, parent=root)
    commune.short_name = p.text("Xã Đông")
    db.session.add(ProvinceSettings(province_id=root.id, focal_unit_id=dept.id,
                                   quota_json='{"commune": [2, 1]}'))
    users = {Role.ADMIN: root, Role.EDITOR: dept, Role.VIEWER: root, Role.OFFICER: commune}
    made = {role: make_user(p.user(role), role, unit) for role, unit in users.items()}
    for role, user in made.items():
        user.name = p.text(f"Cán bộ {role}")
        p.ids[f"user_{role}"] = user.id
    officer2 = make_user(f"{login}-officer2", Role.OFFICER, commune2)
    officer2.name = p.text("Cán bộ xã Tây")
    plan = make_plan(2023, root, [commune, commune2, org],
                     channels=(Channel.RADIO_TV, Channel.NEWSPAPER))
    plan.title = p.text("Kế hoạch năm 2023")
    slots = [s for c in plan.columns for s in c.slots]
    for slot in slots:
        slot.topic = p.text(f"Chủ đề {slot.column.channel} tháng {slot.period_start.month}")
    registered, agreed = slots[3], slots[2]  # April and March on the radio, both Đông's
    registered.status, agreed.assigned_unit = SlotStatus.REGISTERED, commune
    agreed.status, agreed.air_date = SlotStatus.AGREED, date(2023, 3, 22)
    agreed.final_title = p.text("Phóng sự đã thống nhất")
    db.session.flush()
    title = p.text("Phóng sự đăng ký")
    db.session.add(Registration(slot_id=registered.id, unit_id=commune.id, final_title=title,
                                submitted_at=SENT, air_date=date(2023, 4, 20),
                                waiting_on=Side.EDITOR, outline=p.text("Đề cương")))
    db.session.add(Message(slot_id=registered.id, author_id=made[Role.OFFICER].id,
                           unit_id=commune.id, side=Side.UNIT, kind=MessageKind.PROPOSAL,
                           title=title, air_date=date(2023, 4, 20)))
    for slot in (registered, agreed):
        db.session.add(Message(slot_id=slot.id, author_id=made[Role.OFFICER].id,
                               unit_id=commune.id, side=Side.UNIT, kind=MessageKind.MESSAGE,
                               body=p.text(f"Tin nhắn tháng {slot.period_start.month}")))
    change = ChangeRequest(slot=agreed, kind=ChangeKind.TOPIC, state=ChangeState.PENDING,
                           requester=made[Role.OFFICER], unit=commune,
                           reason=p.text("Lý do đổi"),
                           new_topic=p.text("Chủ đề mới"))
    event = WebEvent(unit=commune, title=p.text("Sự kiện"), event_date=date(2023, 3, 16),
                     created_by=made[Role.OFFICER])
    item = WebItem(unit=commune, author=made[Role.OFFICER], kind=ItemKind.NEWS,
                   title=p.text("Tin chờ duyệt"), summary=p.text("Tóm tắt"), event=event)
    published = WebItem(unit=commune, author=made[Role.OFFICER], kind=ItemKind.ARTICLE,
                        title=p.text("Bài đã đăng"), status=ItemStatus.PUBLISHED,
                        published_on=date(2023, 3, 10))
    db.session.add_all([change, event, item, published])
    db.session.flush()
    audit.record(made[Role.EDITOR], "slot.edit", registered, {"topic": "cũ"},
                 {"topic": registered.topic}, note=p.text("Ghi chú nhật ký"))
    editor = made[Role.EDITOR]
    note = Notification(user_id=editor.id, kind="change", title=p.text("Thông báo"),
                        url=f"/changes/{change.id}")
    mail = MailMessage(recipient_id=editor.id, to_addr=f"{login}@example.org",
                       subject=p.text("Thư nhắc"), body=p.text("Nội dung thư"),
                       status=MailStatus.FAILED)
    db.session.add_all([note, mail])
    db.session.add_all([  # the province's own calendar data: a local day, a report rule
        AnniversaryEntry(province_id=root.id, key=f"local-{login}", name=p.text("Ngày thành lập"),
                         month=5, day=10),
        ReportRuleEntry(province_id=root.id, key=f"report-{login}", name=p.text("Báo cáo tháng"),
                        frequency="monthly", day=20, wording=p.text("Hạn báo cáo"),
                        unit_kinds="commune")])
    for user in made.values():
        feeds.settings_of(user)
    db.session.flush()
    p.ids.update(root=root.id, dept=dept.id, commune=commune.id, commune2=commune2.id,
                 org=org.id, plan=plan.id, column=plan.columns[0].id, slot=registered.id,
                 agreed=agreed.id, other_slot=slots[4].id, change=change.id, event=event.id,
                 item=item.id, published=published.id, notification=note.id, mail=mail.id)
    return p


def version_of(model: type, row_id: int) -> int:
    """A versioned row's current version, read fresh."""
    return db.session.scalar(select(model.version).where(model.id == row_id))
