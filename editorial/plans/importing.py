"""Reading a signed plan's table (month · suggested content · coordinating unit) from a
.docx or .xlsx file, matching its unit names to units, and flagging what a person must fix
before the rows become slots. Pure: bytes in, dataclasses out."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Final, Literal

from editorial.text import search_key

ALL: Final = "all"  # match_unit's answer for "các huyện, thị xã, thành phố" and the like
AllUnits = Literal["all"]

DONE_MARK = re.compile(r"\s*\(\s*đã\s+thực\s+hiện\s*\)", re.IGNORECASE)
_HEADERS = {"month": ("thang",), "content": ("noi dung",), "unit": ("don vi",)}
_CHANNELS_HEADER = "kenh"  # optional: the exporter's last column, the row's channels
_FRONT_PREFIXES = (  # longest first: "uy ban mttq viet nam" before "uy ban mttq"
    "ban thuong truc", "uy ban mat tran to quoc viet nam", "uy ban mat tran to quoc",
    "mat tran to quoc viet nam", "mat tran to quoc", "uy ban mttq viet nam", "uy ban mttqvn",
    "uy ban mttq vn", "uy ban mttq", "ub mttq viet nam", "ub mttqvn", "ub mttq vn", "ub mttq",
    "ubmttq viet nam", "ubmttqvn", "ubmttq vn", "ubmttq", "mttq viet nam", "mttqvn", "mttq vn",
    "mttq",
)
_LEVELS = ("thi tran", "thi xa", "thanh pho", "dac khu", "huyen", "phuong", "xa", "tp", "tx")
_ALL_WORDS = {"cac", "tat", "ca", "va", "don", "vi", "dia", "phuong", "co", "so", "huyen",
              "thi", "xa", "thanh", "pho", "tran", "dac", "khu", "toan", "bo", "tp", "tx"}


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of the plan's table as read; `month` is None when the cell is not a month."""

    number: int  # 1-based, counting the rows under the header
    month_text: str
    month: int | None
    content: str
    unit_text: str
    done: bool = False
    channels_text: str = ""  # the "Kênh" cell when the table has one


@dataclass(frozen=True, slots=True)
class UnitName:
    """A unit and every name it may be written under: full, short, former (formed-from)."""

    id: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A read row with its matched unit and the problems to fix before importing it."""

    row: TableRow
    unit_id: int | None
    all_units: bool
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_table(data: bytes, filename: str) -> list[TableRow]:
    """The rows of the plan's table in a .docx (the first table with the three headers)
    or a .xlsx (its first sheet); ValueError with a Vietnamese message otherwise."""
    kind = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if kind not in ("docx", "xlsx"):
        raise ValueError(f"Tệp “{filename}” không phải .docx hoặc .xlsx.")
    try:
        grids = list(_docx_grids(data) if kind == "docx" else _xlsx_grids(data))
    except Exception as error:  # a broken zip, a file of another type renamed…
        raise ValueError(f"Không mở được tệp “{filename}”: tệp hỏng hoặc sai định dạng.") \
            from error
    for grid in grids:
        if (rows := _rows_under_header(grid)) is not None:
            return rows
    raise ValueError(f"Không tìm thấy bảng có các cột “Tháng”, “Nội dung”, “Đơn vị” "
                     f"trong tệp “{filename}”.")


def document_title(data: bytes, filename: str) -> str:
    """The first heading of a .docx (the plan's title as the exporter writes it), or ""."""
    if not filename.lower().endswith(".docx"):
        return ""
    from docx import Document  # imported here: only the .docx path needs it

    try:
        paragraphs = Document(BytesIO(data)).paragraphs
    except Exception:  # read_table reports a broken file; a title is only a proposal
        return ""
    texts = [" ".join(p.text.split()) for p in paragraphs]
    for i, paragraph in enumerate(paragraphs):
        if (paragraph.style is not None and texts[i]
                and paragraph.style.name.startswith(("Heading", "Title"))):
            return _with_kind(texts[i], texts[i - 1] if i else "")
    return ""


def _with_kind(subject: str, before: str) -> str:
    """A subject under "KẾ HOẠCH" (the Decree 30 layout the exporter writes) is the title
    "Kế hoạch thực hiện …"; a heading on its own is the title as it stands."""
    if search_key(before) != search_key("KẾ HOẠCH") or search_key(subject).startswith("ke hoach"):
        return subject
    return f"Kế hoạch {subject[0].lower()}{subject[1:]}"


def _docx_grids(data: bytes) -> Iterator[list[list[str]]]:
    from docx import Document  # imported here: only the .docx path needs it

    for table in Document(BytesIO(data)).tables:
        yield [[cell.text for cell in row.cells] for row in table.rows]


def _xlsx_grids(data: bytes) -> Iterator[list[list[str]]]:
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        yield [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_columns(cells: Sequence[str]) -> dict[str, int] | None:
    """Where the month, content and unit columns are, if this row is the header."""
    keys = [search_key(c) for c in cells]
    found: dict[str, int] = {}
    for field, words in _HEADERS.items():
        at = next((i for i, k in enumerate(keys) if any(k.startswith(w) for w in words)), None)
        if at is None:
            return None
        found[field] = at
    if len(set(found.values())) != 3:
        return None
    extra = [i for i, k in enumerate(keys) if k == _CHANNELS_HEADER and i not in found.values()]
    return found | ({"channels": extra[0]} if extra else {})


def _rows_under_header(grid: list[list[str]]) -> list[TableRow] | None:
    """The rows below the header row (among the first five), or None without one."""
    for at, cells in enumerate(grid[:5]):
        if (cols := _header_columns(cells)) is not None:
            body = [c for c in grid[at + 1:] if _header_columns(c) is None]  # repeated headers
            rows = [_table_row(cells, cols) for cells in body if any(x.strip() for x in cells)]
            return [_numbered(r, n) for n, r in enumerate(rows, start=1)]
    return None


def _table_row(cells: Sequence[str], cols: dict[str, int]) -> TableRow:
    """One body row: clean spacing, read the month, take "(Đã thực hiện)" out as `done`."""
    month_text, content, unit = (
        " ".join(cells[cols[f]].split()) if cols[f] < len(cells) else ""
        for f in ("month", "content", "unit")
    )
    done = any(DONE_MARK.search(t) for t in (month_text, content, unit))
    month_text, content, unit = (
        " ".join(DONE_MARK.sub("", t).split()) for t in (month_text, content, unit)
    )
    channels = cells[cols["channels"]] if cols.get("channels", len(cells)) < len(cells) else ""
    return TableRow(0, month_text, parse_month(month_text), content, unit, done,
                    " ".join(channels.split()))


def _numbered(row: TableRow, number: int) -> TableRow:
    return dataclasses.replace(row, number=number)


def parse_month(text: str) -> int | None:
    """ "Tháng 1", "1", "01", "Tháng 01/2026", "T1" → 1; anything else → None."""
    found = re.fullmatch(r"(?:thang|t)?\s*0*(\d{1,2})(?:\s+\d{4})?", search_key(text))
    return int(found[1]) if found else None


def _strip(key: str, prefixes: Iterable[str]) -> str:
    """`key` without any of the leading `prefixes`, repeatedly."""
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if key == p or key.startswith(p + " "):
                key, changed = key[len(p):].strip(), True
    return key


def _keys(name: str) -> tuple[str, str]:
    """(name without the Front's prefix, that without the level word): two ways to match."""
    full = _strip(search_key(name), _FRONT_PREFIXES)
    return full, _strip(full, _LEVELS)


def is_all_units(text: str) -> bool:
    """ "Các huyện, thị xã, thành phố", "tất cả đơn vị", "all" and the like."""
    key = _strip(search_key(text), _FRONT_PREFIXES)
    words = key.split()
    if key in ("all", "tat ca", "toan bo"):
        return True
    return bool(words) and words[0] in ("cac", "tat", "toan") and set(words) <= _ALL_WORDS


def match_unit(text: str, units: Sequence[UnitName]) -> int | AllUnits | None:
    """The id of the unit `text` names, `ALL` for every unit, None if none or ambiguous.

    Without diacritics, the Front's prefix ("Ủy ban MTTQVN", "UBMTTQ"…) and the level word
    ("huyện", "thị xã", "phường"…); a full name is tried before the bare place name."""
    if is_all_units(text):
        return ALL
    full, core = _keys(text)
    if not core:
        return None
    # With a level word ("phường Sóc Trăng") the full name decides first; a bare place name
    # is compared with every unit's bare names, so a former city and a ward stay apart.
    tries = ((0, full), (1, core)) if full != core else ((1, core),)
    for which, wanted in tries:
        ids = {u.id for u in units for n in u.names if _keys(n)[which] == wanted}
        if len(ids) == 1:
            return ids.pop()
        if len(ids) > 1:
            return None  # "Sóc Trăng" alone: the former city or today's ward?
    return None


def check_rows(rows: Iterable[TableRow], units: Sequence[UnitName]) -> list[PreviewRow]:
    """Each row with its unit matched and its problems, in Vietnamese."""
    seen: dict[tuple[int | None, str], int] = {}
    preview = []
    for row in rows:
        matched = match_unit(row.unit_text, units) if row.unit_text else None
        problems = _problems(row, matched, seen)
        seen.setdefault((row.month, search_key(row.content)), row.number)
        unit_id = matched if isinstance(matched, int) else None
        preview.append(PreviewRow(row, unit_id, matched == ALL, tuple(problems)))
    return preview


def _problems(
    row: TableRow, matched: int | str | None, seen: dict[tuple[int | None, str], int]
) -> list[str]:
    problems = []
    if row.month is None:
        problems.append(f"Không đọc được tháng “{row.month_text}”.")
    elif not 1 <= row.month <= 12:
        problems.append(f"Tháng {row.month} không nằm trong khoảng 1–12.")
    if not row.content:
        problems.append("Nội dung trống.")
    if not row.unit_text:
        problems.append("Chưa ghi đơn vị phối hợp thực hiện.")
    elif matched is None:
        problems.append(f"Không tìm thấy đơn vị “{row.unit_text}”.")
    if row.content and (first := seen.get((row.month, search_key(row.content)))):
        problems.append(f"Trùng với dòng {first} (cùng tháng, cùng nội dung).")
    return problems


def read_channels(text: str, names: Mapping[str, Iterable[str]]) -> tuple[list[str], list[str]]:
    """The channels a "Kênh" cell names ("Đài PT-TH, Báo"), as keys of `names` (each key's
    words, compared without diacritics), and the parts that name none."""
    wanted = {search_key(n): key for key, words in names.items() for n in words}
    found: list[str] = []
    unknown: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;\n]+", text)):
        key = wanted.get(search_key(part)) if part else None
        if key is not None and key not in found:
            found.append(key)
        elif part and key is None:
            unknown.append(part)
    return found, unknown
