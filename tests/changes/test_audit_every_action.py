"""Every action the app records has words: the codes passed to audit.record anywhere in the
code are all labelled, and a log holding one entry of every labelled action shows no code."""

import re
from pathlib import Path

from sqlalchemy import select

from editorial.audit import services as audit
from editorial.audit.labels import ACTION_LABELS
from editorial.auth.models import User
from editorial.plans.models import Slot
from tests.changes.test_audit_readable import _log_part

SOURCE = Path(__file__).resolve().parents[2] / "editorial"
LITERAL = re.compile(r'record\(\s*[\w.]+,\s*"([a-z_]+(?:\.[a-z_]+)+)"')


def test_every_recorded_action_code_has_a_label():
    codes = {code for path in SOURCE.rglob("*.py")
             for code in LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert len(codes) > 25  # the pattern finds the calls
    assert codes <= set(ACTION_LABELS), sorted(codes - set(ACTION_LABELS))


def test_a_log_of_every_action_shows_no_code(demo, db, login_as, client):
    login_as("bientap")
    editor = db.session.scalar(select(User).where(User.login == "bientap"))
    slot = db.session.scalars(select(Slot).order_by(Slot.id)).first()
    for code in ACTION_LABELS:
        audit.record(editor, code, slot)
    db.session.commit()
    text = _log_part(client.get("/audit").get_data(as_text=True), "Nhật ký thay đổi")
    assert not [code for code in ACTION_LABELS if code in text]
    labels = {str(label) for label in ACTION_LABELS.values()}
    assert not {label for label in labels if label not in text}  # every entry shown, in words
