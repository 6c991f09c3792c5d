"""The text of an attachment, for search and for the personal-data scan before publishing.

`extract(data, kind)` never raises: a damaged or unreadable file gives an `Extracted` with empty
text and a `problem` message (translated) for the person who uploaded it. `extract_text(data, kind)`
is the same, text only, for callers that just store the text.

Limits keep a hostile or huge file from taking the server's time and memory: at most MAX_CHARS
characters, at most MAX_PDF_PAGES pages of a PDF, and DOCX/XLSX packages that unpack to more than
MAX_UNPACKED_BYTES are refused before parsing (a "zip bomb" compresses gigabytes into kilobytes).
Images have no text (no OCR): their text is "".
"""

import datetime
import io
import logging
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai import uploads

logger = logging.getLogger(__name__)

MAX_CHARS = 2_000_000
MAX_PDF_PAGES = 500
MAX_UNPACKED_BYTES = 300 * 2**20

# NUL and other control characters: PostgreSQL refuses NUL in text, and none of them is readable text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Extracted:
    text: str
    problem: str = ""  # why there is no (or only part of the) text, for the person; "" when all is well
    truncated: bool = False  # the file had more text than was read (page or length limit)

    @property
    def ok(self):
        return not self.problem


class _TooLarge(Exception):
    pass


class _Collector:
    """Text pieces up to MAX_CHARS; `add` says whether to go on."""

    def __init__(self):
        self.parts, self.size = [], 0
        self.full = False  # MAX_CHARS reached
        self.truncated = False  # the length or a page limit left text unread

    def add(self, piece):
        piece = _CONTROL.sub("", piece or "")
        room = MAX_CHARS - self.size - (1 if self.parts else 0)  # the line break that joins the pieces
        if len(piece) > room:
            piece, self.full, self.truncated = piece[:max(room, 0)], True, True
        self.size += len(piece) + (1 if self.parts else 0)
        self.parts.append(piece)
        return not self.full

    def text(self):
        return "\n".join(self.parts).strip()


def _check_unpacked_size(data):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
            raise _TooLarge


def _pdf(data, out):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        if len(pages) > MAX_PDF_PAGES:
            out.truncated = True
        for page in pages[:MAX_PDF_PAGES]:
            if not out.add(page.extract_text() or ""):
                break
            page.close()  # pdfplumber caches every page's objects; a long PDF would fill memory


def _docx_blocks(container, out):
    """Paragraphs and tables in document order; a table row by row, its cells tab-separated."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            if not _docx_table(block, out):
                return False
        elif not out.add(block.text):
            return False
    return True


def _docx_table(table, out):
    # Merged cells come back once per grid column / row they span: keep the first. The set holds the
    # XML elements themselves (not their id()s, which lxml reuses once a proxy is freed).
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            inner = _Collector()
            _docx_blocks(cell, inner)
            cells.append(inner.text().replace("\n", " "))
        if any(cells) and not out.add("\t".join(cells)):
            return False
    return True


def _docx(data, out):
    import docx

    _check_unpacked_size(data)
    _docx_blocks(docx.Document(io.BytesIO(data)), out)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx(data, out):
    import openpyxl

    _check_unpacked_size(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "iter_rows"):  # a chart sheet
                continue
            if not out.add(sheet.title):
                return
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell_text(value) for value in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells and not out.add("\t".join(cells)):
                    return
    finally:
        workbook.close()


_READERS = {uploads.PDF: _pdf, uploads.DOCX: _docx, uploads.XLSX: _xlsx}


def extract(data, kind):
    """The text of a file of `kind` (a gongkai.uploads.FileKind) as an Extracted; never raises."""
    reader = _READERS.get(kind)
    if reader is None or not data:
        return Extracted(text="")
    out = _Collector()
    try:
        reader(data, out)
    except _TooLarge:
        return Extracted(text="", problem=_("The file unpacks to more than %(limit)d MB; its text was not read.")
                         % {"limit": MAX_UNPACKED_BYTES // 2**20})
    except Exception:  # noqa: BLE001 — parsers of hostile files fail in every way; none may become a 500
        logger.info("text extraction failed for a %s file", kind.name, exc_info=True)
        return Extracted(text="", problem=_("The text of this %(kind)s file could not be read; the file may be "
                                            "damaged or protected by a password.") % {"kind": kind.name})
    if out.truncated:
        return Extracted(text=out.text(), truncated=True,
                         problem=_("The file is very long; only its first part was read for search and the "
                                   "personal-data check."))
    return Extracted(text=out.text())


def extract_text(data, kind):
    """Only the text of `extract`: "" for images, unknown kinds and files that cannot be read."""
    return extract(data, kind).text
