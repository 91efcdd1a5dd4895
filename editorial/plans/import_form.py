"""The import form: the uploaded file (or the previewed file carried back in base64), the
year, the channels and the title, parsed into an ImportRequest with Vietnamese errors."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage, MultiDict

from editorial.errors import RuleViolation
from editorial.plans.forms import parse_year
from editorial.plans.imports import ImportRequest
from editorial.plans.rules import Channel

DEFAULT_CHANNELS = (Channel.RADIO_TV, Channel.NEWSPAPER)  # seed 001: both carry each topic


def parse_channels(values: Iterable[str]) -> tuple[Channel, ...]:
    """The chosen channels, in the channels' order; at least one."""
    chosen = set(values)
    channels = tuple(c for c in Channel if c.value in chosen)
    if not channels:
        raise RuleViolation(_("Hãy chọn ít nhất một kênh cho kế hoạch."))
    return channels


CHUNK = 256 * 1024  # under the server's limit for one form field (a multipart body has no total)


def encode(data: bytes) -> list[str]:
    """The file as the preview page carries it back (no state kept on the server): base64,
    in pieces, so a plan with pictures in it still fits the form."""
    text = base64.b64encode(data).decode("ascii")
    return [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def _decode(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise RuleViolation(_("Tệp gửi lại không hợp lệ; hãy tải tệp lên lại.")) from None


def parse(form: MultiDict, files: MultiDict) -> ImportRequest:
    """The upload (first step) or the carried file (confirmation) with the form's choices."""
    upload: FileStorage | None = files.get("file")
    if upload is not None and upload.filename:
        data, filename = upload.read(), upload.filename
    elif form.get("data"):
        data, filename = _decode("".join(form.getlist("data"))), form.get("filename", "")
    else:
        raise RuleViolation(_("Hãy chọn tệp kế hoạch (.docx hoặc .xlsx)."))
    return ImportRequest(data=data, filename=filename, year=parse_year(form.get("year")),
                         channels=parse_channels(form.getlist("channel")),
                         title=form.get("title", "")[:300])
