"""The shipped Cần Thơ unit file reads cleanly with the importer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import editorial.demo
from editorial.units.importing import has_errors, preview, read_rows, save_order

CSV = Path(editorial.demo.__file__).resolve().parent / "data" / "can_tho_units.csv"


def _preview():
    """The preview of the shipped file into an empty province."""
    return preview(read_rows(CSV.read_bytes(), CSV.name), [])


def test_the_file_has_no_errors_and_unique_codes() -> None:
    rows = _preview()
    assert not has_errors(rows)
    codes = [row.unit.code for row in rows]
    assert None not in codes and len(set(codes)) == len(codes)
    assert len(save_order(rows)) == len(rows)


def test_one_province_and_its_103_communes() -> None:
    rows = _preview()
    kinds = Counter(row.unit.kind for row in rows)
    assert (kinds["province"], kinds["commune"], kinds["member_org"]) == (1, 103, 5)
    communes = [row.unit for row in rows if row.unit.kind == "commune"]
    assert sum(u.short_name.startswith("Xã ") for u in communes) == 72
    assert sum(u.short_name.startswith("Phường ") for u in communes) == 31
    assert all(u.parent == "92" and u.name.startswith("Ủy ban MTTQ Việt Nam ") for u in communes)
    assert rows[0].unit.name == "Ủy ban MTTQ Việt Nam thành phố Cần Thơ"
    assert {u.valid_from.isoformat() for u in communes} == {"2025-07-01"}
