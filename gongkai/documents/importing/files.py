"""Where the attachments a listing names come from: a folder (--files DIR) or an uploaded ZIP.

A name in a listing is hostile like any upload: only a relative path inside the folder or archive is
looked up (no “..”, no absolute path, no way out through a link), and the ZIP is limited in the number
of its entries, in each entry's size and in their total, and in how far an entry expands (zip bombs).
"""

import posixpath
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_TOTAL = 2 * 1024**3  # uncompressed
MAX_RATIO = 200  # an entry expanding more than this is a bomb, not a document


class FilesError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def safe_name(name):
    """The listing's name as a relative POSIX path, or None when it points outside (absolute, “..”)."""
    text = str(name or "").strip().replace("\\", "/")
    if not text or text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return None
    normal = posixpath.normpath(text)
    if normal.startswith("../") or normal in ("..", ".") or "/../" in f"/{normal}/":
        return None
    return normal


class NoFiles:
    """No folder or ZIP given: every attachment a row names is missing."""

    description = ""

    def exists(self, name):
        return False

    def read(self, name):
        raise FileNotFoundError(name)


class FolderFiles:
    def __init__(self, folder):
        self.root = Path(folder).resolve()
        if not self.root.is_dir():
            raise FilesError(_("The attachment folder %(folder)s does not exist.") % {"folder": folder})
        self.description = str(folder)

    def _path(self, name):
        relative = safe_name(name)
        if relative is None:
            return None
        path = (self.root / relative).resolve()
        return path if path.is_relative_to(self.root) and path.is_file() else None

    def exists(self, name):
        return self._path(name) is not None

    def size(self, name):
        return self._path(name).stat().st_size

    def read(self, name):
        path = self._path(name)
        if path is None:
            raise FileNotFoundError(name)
        return path.read_bytes()


class ZipFiles:
    """An uploaded ZIP of attachments, its entries checked before any is read."""

    def __init__(self, path_or_file, *, name=""):
        try:
            self.archive = zipfile.ZipFile(path_or_file)
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise FilesError(_("The attachments are not a readable ZIP file.")) from error
        self.description = name
        if len(infos) > MAX_ZIP_ENTRIES:
            raise FilesError(_("The ZIP holds more than %(n)d files.") % {"n": MAX_ZIP_ENTRIES})
        if sum(info.file_size for info in infos) > MAX_ZIP_TOTAL:
            raise FilesError(_("The ZIP would unpack to more than %(gb)d GB.") % {"gb": MAX_ZIP_TOTAL // 1024**3})
        self.entries = {}
        for info in infos:
            if info.is_dir():
                continue
            relative = safe_name(_entry_name(info))
            if relative is None:
                continue  # an entry pointing outside is never offered: no row can name it
            self.entries[relative] = info

    def exists(self, name):
        return safe_name(name) in self.entries

    def size(self, name):
        return self.entries[safe_name(name)].file_size

    def read(self, name):
        info = self.entries.get(safe_name(name))
        if info is None:
            raise FileNotFoundError(name)
        limit = settings.DOCUMENT_ATTACHMENT_MAX_BYTES
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise FilesError(_("“%(name)s” in the ZIP is too large once unpacked.") % {"name": name})
        try:
            with self.archive.open(info) as entry:
                data = entry.read(limit + 1)  # the header's size may lie: never read more than the limit
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
            # RuntimeError: an encrypted entry; NotImplementedError: a compression zipfile cannot read
            raise FilesError(_("“%(name)s” in the ZIP cannot be unpacked.") % {"name": name}) from error
        if len(data) > limit:
            raise FilesError(_("“%(name)s” in the ZIP is too large once unpacked.") % {"name": name})
        return data


def _entry_name(info):
    """The entry's name; archives made on Chinese Windows store GBK names without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename
