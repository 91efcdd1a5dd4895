"""Every Vietnamese UI string has an English translation in the catalogue."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
METHODS = [("editorial/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}


def _msgids() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(ROOT), METHODS, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_string_has_an_english_translation():
    with open(ROOT / "editorial/translations/en/LC_MESSAGES/messages.po", "rb") as po:
        catalog = read_po(po)
    missing = sorted(m for m in _msgids() if not (catalog.get(m) and catalog.get(m).string))
    assert not missing, f"{len(missing)} strings lack English: {missing[:10]}"
