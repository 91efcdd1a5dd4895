"""The backup file: a gzip'd tar holding `manifest.json`, one JSON-lines file per table
(`data/<table>.jsonl`, one row per line) and the upload folder under `uploads/`."""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any

from editorial.ops.codec import decode_row

FORMAT = "lich-bien-tap-mttq-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
UPLOADS = "uploads/"


class ArchiveError(Exception):
    """The file is not a backup this code can read, or it is damaged."""


def upload_files(folder: Path | None) -> list[Path]:
    """The regular files under the upload folder (symbolic links are not followed), sorted."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def write(path: Path, manifest: dict[str, Any], tables: Sequence[tuple[str, IO[bytes]]],
          folder: Path | None, files: Sequence[Path]) -> None:
    """Write the archive beside `path` and move it into place once complete (owner-only: it
    holds password hashes and every user's data)."""
    partial = path.with_name(path.name + ".partial")
    with tarfile.open(partial, "w:gz") as tar:
        _add(tar, MANIFEST, io.BytesIO(json.dumps(manifest, ensure_ascii=False, indent=1)
                                       .encode("utf-8")))
        for name, spool in tables:
            _add(tar, f"data/{name}.jsonl", spool)
        for file in files:
            relative = file.relative_to(folder).as_posix()
            tar.add(file, arcname=UPLOADS + relative, recursive=False)
    partial.chmod(0o600)
    partial.replace(path)


def _add(tar: tarfile.TarFile, name: str, stream: IO[bytes]) -> None:
    """Add a stream as a regular file of the tar."""
    stream.seek(0, os.SEEK_END)
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = stream.tell(), int(time.time()), 0o600
    stream.seek(0)
    tar.addfile(info, stream)


class Archive:
    """A backup opened for reading: its manifest, each table's rows, its uploaded files."""

    def __init__(self, path: Path) -> None:
        try:
            self._tar = tarfile.open(path, "r:gz")
            self.manifest: dict[str, Any] = json.load(self._member(MANIFEST))
        except (OSError, tarfile.TarError, ValueError) as error:
            raise ArchiveError(f"{path}: không đọc được bản sao lưu ({error})") from None
        if self.manifest.get("format") != FORMAT:
            raise ArchiveError(f"{path}: không phải bản sao lưu của Lịch biên tập")
        if self.manifest.get("format_version") != FORMAT_VERSION:
            raise ArchiveError(f"{path}: định dạng phiên bản {self.manifest.get('format_version')}"
                               f" không được hỗ trợ (cần {FORMAT_VERSION})")

    def close(self) -> None:
        self._tar.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _member(self, name: str) -> IO[bytes]:
        try:
            stream = self._tar.extractfile(name)
        except KeyError:
            stream = None
        if stream is None:
            raise ArchiveError(f"bản sao lưu thiếu {name}")
        return stream

    @property
    def tables(self) -> list[dict[str, Any]]:
        """The manifest's tables in the order they were written: name, rows, columns."""
        return list(self.manifest["tables"])

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of one table, values decoded."""
        with io.TextIOWrapper(self._member(f"data/{table}.jsonl"), encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                try:
                    yield decode_row(json.loads(line))
                except ValueError as error:
                    raise ArchiveError(f"data/{table}.jsonl dòng {number}: {error}") from None

    @property
    def has_uploads(self) -> bool:
        return bool(self.manifest.get("uploads", {}).get("included"))

    def extract_uploads(self, target: Path) -> int:
        """Write the archive's uploaded files under `target`; refuses unsafe names."""
        count = 0
        for member in self._tar:
            if not member.name.startswith(UPLOADS) or member.isdir():
                continue
            relative = PurePosixPath(member.name.removeprefix(UPLOADS))
            if (not member.isfile() or relative.is_absolute() or ".." in relative.parts
                    or not relative.parts):
                raise ArchiveError(f"tệp không an toàn trong bản sao lưu: {member.name}")
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with self._tar.extractfile(member) as source, destination.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            count += 1
        return count
