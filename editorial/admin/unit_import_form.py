"""The unit file an admin uploads, and the same file carried from the preview to the confirm
button in the page itself (base64 in a hidden field), so no web process keeps it."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from editorial.errors import RuleViolation
from editorial.units.imports import MAX_BYTES


@dataclass(frozen=True)
class Upload:
    """A unit file: its bytes and its name (whose extension says .csv or .xlsx)."""

    data: bytes
    filename: str

    @property
    def carried(self) -> str:
        """The bytes as the hidden field holds them."""
        return base64.b64encode(self.data).decode("ascii")


def _checked(data: bytes, filename: str) -> Upload:
    if len(data) > MAX_BYTES:
        raise RuleViolation(_("Tệp quá lớn (tối đa %(n)s KB).", n=MAX_BYTES // 1000))
    if not filename.lower().endswith((".csv", ".xlsx")):
        raise RuleViolation(_("Chỉ nhận tệp .csv hoặc .xlsx."))
    return Upload(data, filename[-200:])


def uploaded(files: Mapping[str, FileStorage]) -> Upload:
    """The file of the upload form; refused when none was chosen or it is not a unit file."""
    file = files.get("file")
    if file is None or not file.filename:
        raise RuleViolation(_("Hãy chọn tệp .csv hoặc .xlsx để nhập."))
    return _checked(file.read(MAX_BYTES + 1), file.filename)


def carried(form: Mapping[str, str]) -> tuple[Upload, str]:
    """The file the preview showed, and the fingerprint of that preview."""
    content, filename = form.get("content") or "", form.get("filename") or ""
    if not content or not filename:
        raise RuleViolation(_("Không còn tệp đã xem trước; hãy tải tệp lên lại."))
    try:
        data = base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise RuleViolation(_("Không còn tệp đã xem trước; hãy tải tệp lên lại.")) from None
    return _checked(data, filename), form.get("fingerprint") or ""
