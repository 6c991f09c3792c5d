"""Turning uploaded bytes into text: size and binary checks, then the encoding."""

import codecs
import re

from django.utils.translation import gettext as _

from .errors import PlanFileError

# Formats we can recognise but not yet read as a table.
_MAGIC = (
    (b"PK\x03\x04", "ZIP (DOCX/XLSX)"),
    (b"%PDF-", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (DOC/XLS)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Encodings charset-normalizer may propose; single-byte guesses would turn bad bytes into mojibake.
_FALLBACK_ENCODINGS = ("big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be")


def decode_text(data: bytes, *, max_bytes: int) -> str:
    if not data:
        raise PlanFileError(_("The file is empty."))
    if len(data) > max_bytes:
        raise PlanFileError(
            _("The file is larger than the limit of %(limit)s MB.") % {"limit": _megabytes(max_bytes)}
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _normalise(_decode_strict(data, encoding))
    _reject_binary(data)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # gb18030 accepts many byte strings; only trust it when it yields Chinese text.
        if encoding == "utf-8" or _CJK.search(text):
            return _normalise(text)
    return _normalise(_guess(data))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _unknown_encoding() from None


def _reject_binary(data: bytes) -> None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise PlanFileError(
                _("This is a %(format)s file. Only text tables (TAB-separated) and Gongkai plan "
                  "JSON files can be imported so far; copy the table into a text file.")
                % {"format": name}
            )
    sample = data[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 10:
        raise PlanFileError(_("The file is not text (it contains binary data)."))


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes  # slow to import; only needed for odd files

    best = from_bytes(data, cp_isolation=list(_FALLBACK_ENCODINGS)).best()
    if best is None or best.encoding not in _FALLBACK_ENCODINGS:
        raise _unknown_encoding()
    text = _decode_strict(data, best.encoding)
    if not _CJK.search(text):
        raise _unknown_encoding()
    return text


def _unknown_encoding() -> PlanFileError:
    return PlanFileError(
        _("The text encoding of the file is not recognised. Save it as UTF-8 (or GBK) and try again.")
    )


def _normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
