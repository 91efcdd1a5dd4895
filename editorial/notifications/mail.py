"""E-mail: compose (UTF-8, MIME-encoded headers), queue, send through SMTP with retries.

Without MAIL_SERVER, messages are held in the outbox table for admins to read."""

from __future__ import annotations

import smtplib
from collections.abc import Mapping
from datetime import datetime
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid, parseaddr
from typing import Any

from flask import current_app, render_template
from flask_babel import gettext as _
from sqlalchemy import or_, select, update

from editorial.auth.models import User
from editorial.errors import NotFound, RuleViolation
from editorial.extensions import db
from editorial.notifications import rules
from editorial.notifications.models import MailMessage
from editorial.notifications.rules import MailStatus

SUBJECT_PREFIX = "[Lịch biên tập MTTQ]"
DEFAULT_FROM = "Lịch biên tập MTTQ <no-reply@localhost>"
BATCH = 100


def smtp_configured(config: Mapping[str, Any]) -> bool:
    return bool(config.get("MAIL_SERVER"))


def absolute(path: str) -> str:
    """A link for mail: BASE_URL joined with the app path."""
    return current_app.config["BASE_URL"].rstrip("/") + "/" + path.lstrip("/")


def queue(user: User, address: str, headline: str, body: str, url: str, now: datetime,
          reminder_id: int | None = None) -> MailMessage:
    """Add a reminder mail: queued for SMTP, or held in the outbox without a server."""
    text = render_template("notifications/mail_reminder.txt", name=user.name, headline=headline,
                           body=body, link=absolute(url or "/"),
                           preferences=absolute("/notifications/preferences"))
    held = not smtp_configured(current_app.config)
    message = MailMessage(recipient_id=user.id, reminder_id=reminder_id, to_addr=address,
                          subject=f"{SUBJECT_PREFIX} {headline}"[:300], body=text,
                          status=MailStatus.HELD if held else MailStatus.QUEUED, created_at=now)
    db.session.add(message)
    return message


def queue_digest(user: User, address: str, notes: list, now: datetime) -> MailMessage:
    """Add one mail listing several notifications (the digest), each with its link."""
    items = [{"title": n.title, "body": n.body, "at": n.created_at,
              "link": absolute(n.url or "/notifications")} for n in notes]
    text = render_template("notifications/mail_digest.txt", name=user.name, items=items,
                           inbox=absolute("/notifications"),
                           preferences=absolute("/notifications/preferences"))
    subject = rules.digest_subject([n.title for n in notes])
    message = MailMessage(recipient_id=user.id, to_addr=address,
                          subject=f"{SUBJECT_PREFIX} {subject}"[:300], body=text,
                          status=_initial_status(), created_at=now)
    db.session.add(message)
    return message


def _initial_status() -> MailStatus:
    """Queued for SMTP, or held in the outbox when no server is configured."""
    return MailStatus.QUEUED if smtp_configured(current_app.config) else MailStatus.HELD


def compose(message: MailMessage, sender: str) -> MIMEText:
    """The MIME message: base64 UTF-8 text, RFC 2047-encoded Vietnamese headers.

    `email.header.Header` keeps the spaces between encoded words; Python 3.11's default
    policy folds long Vietnamese subjects and drops some of them."""
    mime = MIMEText(message.body, "plain", "utf-8")
    mime["Subject"] = Header(message.subject, "utf-8")
    mime["From"] = formataddr(parseaddr(sender), charset="utf-8")
    mime["To"] = message.to_addr
    mime["Date"] = formatdate(localtime=False)
    mime["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    return mime


def _connect(config: Mapping[str, Any]) -> smtplib.SMTP:
    """An SMTP session: SSL on port 465, STARTTLS when the server offers it, login if set."""
    host, port = config["MAIL_SERVER"], int(config.get("MAIL_PORT") or 25)
    timeout = float(config.get("MAIL_TIMEOUT", 10))
    smtp = (smtplib.SMTP_SSL if port == 465 else smtplib.SMTP)(host, port, timeout=timeout)
    smtp.ehlo()
    if port != 465 and smtp.has_extn("starttls"):
        smtp.starttls()
        smtp.ehlo()
    if config.get("MAIL_USERNAME"):
        smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
    return smtp


def deliver_queued(now: datetime) -> tuple[int, int]:
    """Send the queued mail that is due; (sent, failed). Commits after each message, so a
    message is claimed once and never sent twice by this loop."""
    config = current_app.config
    if not smtp_configured(config):
        return 0, 0
    ids = list(db.session.scalars(select(MailMessage.id).where(
        MailMessage.status == MailStatus.QUEUED,
        or_(MailMessage.next_attempt_at.is_(None), MailMessage.next_attempt_at <= now),
    ).order_by(MailMessage.id).limit(BATCH)))
    if not ids:
        return 0, 0
    try:
        smtp = _connect(config)
    except (OSError, smtplib.SMTPException) as error:
        for mail_id in ids:
            _failed(db.session.get(MailMessage, mail_id), now, error)
        db.session.commit()
        return 0, len(ids)
    with smtp:
        return _send_each(smtp, ids, now, config.get("MAIL_FROM") or DEFAULT_FROM)


def _send_each(smtp: smtplib.SMTP, ids: list[int], now: datetime, sender: str) -> tuple[int, int]:
    sent = failed = 0
    for mail_id in ids:
        claimed = db.session.execute(
            update(MailMessage).where(MailMessage.id == mail_id,
                                      MailMessage.status == MailStatus.QUEUED)
            .values(status=MailStatus.SENDING, next_attempt_at=now)
            .execution_options(synchronize_session=False))
        db.session.commit()
        if claimed.rowcount != 1:
            continue
        message = db.session.get(MailMessage, mail_id)
        try:
            smtp.send_message(compose(message, sender))
        except (OSError, smtplib.SMTPException) as error:
            _failed(message, now, error)
            failed += 1
        else:
            message.status, message.sent_at, message.last_error = MailStatus.SENT, now, None
            message.next_attempt_at = None
            sent += 1
        db.session.commit()
    return sent, failed


def _failed(message: MailMessage, now: datetime, error: Exception) -> None:
    """Count a failure: retry later with backoff, or give up for an admin to resend."""
    message.attempts += 1
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if rules.gives_up(message.attempts):
        message.status, message.next_attempt_at = MailStatus.FAILED, None
    else:
        message.status = MailStatus.QUEUED
        message.next_attempt_at = now + rules.retry_delay(message.attempts)


def resend(mail_id: int) -> MailMessage:
    """Put a failed or held message back in the queue (the mail job sends it next)."""
    message = db.session.get(MailMessage, mail_id)
    if message is None:
        raise NotFound(_("Không tìm thấy thư."))
    if not smtp_configured(current_app.config):
        raise RuleViolation(_("Chưa cấu hình máy chủ thư (MAIL_SERVER): thư vẫn nằm trong "
                              "hộp thư đi."))
    if message.status not in (MailStatus.FAILED, MailStatus.HELD):
        raise RuleViolation(_("Chỉ gửi lại được thư bị lỗi hoặc đang giữ trong hộp thư đi."))
    message.status, message.attempts = MailStatus.QUEUED, 0
    message.next_attempt_at = message.last_error = None
    db.session.flush()
    return message
