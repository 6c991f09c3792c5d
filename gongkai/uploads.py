"""Uploaded files are hostile until checked (DESIGN.md, house rule 11).

The type is decided from the content, never from the name or the browser's claim; the size is
limited; the stored name is derived from the content hash. Every failure is a clear message.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    extension: str


PDF = FileKind("PDF", "application/pdf", ".pdf")
DOCX = FileKind("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
XLSX = FileKind("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
PNG = FileKind("PNG", "image/png", ".png")
JPEG = FileKind("JPEG", "image/jpeg", ".jpg")
GIF = FileKind("GIF", "image/gif", ".gif")
WEBP = FileKind("WebP", "image/webp", ".webp")

EVIDENCE_KINDS = (PDF, DOCX, XLSX, PNG, JPEG, GIF, WEBP)


def sniff(data):
    """The kind of file `data` is, from its first bytes (and, for ZIP containers, their contents)."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return None


def _office_kind(data):
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    kind: FileKind
    original_name: str
    sha256: str

    @property
    def size(self):
        return len(self.data)


def check_upload(upload, *, allowed, max_bytes):
    """Read and check one uploaded file; raises ValidationError with a message naming the file."""
    name = (upload.name or "file").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; files may be at most %(limit)d MB.")
            % {"name": name, "size": upload.size / 2**20, "limit": max_bytes // 2**20}
        )
    data = upload.read()
    if not data:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name})
    kind = sniff(data)
    if kind not in allowed:
        raise ValidationError(
            _("“%(name)s” is not a file of an accepted kind (%(kinds)s). Its content decides, not its name.")
            % {"name": name, "kinds": "、".join(k.name for k in allowed)}
        )
    return CheckedFile(data=data, kind=kind, original_name=name, sha256=hashlib.sha256(data).hexdigest())
