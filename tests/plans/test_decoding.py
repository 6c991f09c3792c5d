import codecs
import os

import pytest
from django.utils import translation

from gongkai.demo.loader import PLAN_FILE
from gongkai.plans.importing import read_plan_file
from gongkai.plans.importing.decoding import decode_text
from gongkai.plans.importing.errors import PlanFileError

SAMPLE = PLAN_FILE  # the sample as shipped with the demo
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def sample_text():
    return SAMPLE.read_text(encoding="utf-8")


def error_of(data: bytes, max_bytes: int = 20 * MB) -> str:
    with pytest.raises(PlanFileError) as caught:
        decode_text(data, max_bytes=max_bytes)
    return caught.value.message


def test_empty():
    assert error_of(b"") == "The file is empty."


def test_too_large_names_the_limit():
    message = error_of(b"a" * (30 * MB), max_bytes=20 * MB)
    assert "20 MB" in message


def test_png_is_rejected_as_binary():
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000)
    assert "PNG" in error_of(data)


def test_random_binary_is_rejected():
    data = bytes(range(256)) * 8
    assert error_of(data) == "The file is not text (it contains binary data)."


def test_control_bytes_without_nul_are_rejected():
    assert "binary" in error_of(b"\x01\x02\x03\x04abc" * 100)


@pytest.mark.parametrize(
    ("magic", "name"),
    [(b"PK\x03\x04", "ZIP"), (b"%PDF-1.7\n", "PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE")],
)
def test_known_formats_are_named_as_not_supported(magic, name):
    message = error_of(magic + b"rest of file")
    assert name in message and "can be imported so far" in message


def test_malformed_utf8_that_is_not_gb18030():
    data = "沈阳市政务公开".encode() + b"\xff\xfe\xfd" + "工作要点".encode()
    message = error_of(data)
    assert "encoding" in message and "UTF-8" in message and "GBK" in message


def test_utf8_with_and_without_bom(sample_text):
    assert decode_text(sample_text.encode("utf-8"), max_bytes=MB) == sample_text
    assert decode_text(codecs.BOM_UTF8 + sample_text.encode("utf-8"), max_bytes=MB) == sample_text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(sample_text, encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode_text(bom + sample_text.encode(encoding), max_bytes=MB) == sample_text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_sample_decodes_to_the_same_text(sample_text, encoding):
    assert decode_text(sample_text.encode(encoding), max_bytes=MB) == sample_text


def test_gbk_sample_gives_the_same_plan(sample_text):
    from_utf8 = read_plan_file(sample_text.encode("utf-8"), max_bytes=MB)
    from_gbk = read_plan_file(sample_text.encode("gbk"), max_bytes=MB)
    assert from_gbk.to_json() == from_utf8.to_json()
    assert len(from_gbk.items()) == 28


def test_newlines_are_normalised():
    assert decode_text(b"a\tb\r\nc\rd", max_bytes=MB) == "a\tb\nc\nd"


def test_plain_ascii_is_fine():
    assert decode_text(b"hello\tworld\n", max_bytes=MB) == "hello\tworld\n"
