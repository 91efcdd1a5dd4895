"""Text helpers shared by search and look-ups: Vietnamese without diacritics."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case text without diacritics, so "Kế Sách" and "ke sach" compare equal."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def search_key(text: str) -> str:
    """`fold`, with punctuation turned into spaces: "Chôl-Chnăm" and "chol chnam" match."""
    return fold(re.sub(r"[\W_]+", " ", text))


_OUTER = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'"}


def quote(text: str) -> str:
    """A title in “…” within a sentence: quotes it already wears are taken off and quotes
    inside it become ‘…’, so a reminder never reads “Ngày hội “Đại đoàn kết””."""
    text = text.strip()
    while len(text) > 1 and _OUTER.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    inner = re.sub(r"[“\"«]([^”\"»]*)[”\"»]", r"‘\1’", text)
    return f"“{inner}”"
