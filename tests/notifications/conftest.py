"""A real SMTP server on 127.0.0.1 (aiosmtpd), started per test on a free port."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    """What the SMTP server received: envelopes and parsed messages."""

    port: int
    envelopes: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's hook
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(e.original_content, policy=policy.default)
                for e in self.envelopes]


@pytest.fixture
def smtp_server(app) -> Iterator[Inbox]:
    """The server, and the app configured to send to it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox(free_port())
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=inbox.port,
                      MAIL_FROM="Lịch biên tập MTTQ <lich@mttq.test>")
    try:
        yield inbox
    finally:
        controller.stop()
