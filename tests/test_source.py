"""Reading bytes: the encodings and line endings government files come in, and clear refusals."""

from pathlib import Path

import pytest

from budget_audit import InputError, load
from budget_audit.source import decode, read_source

TEXT = "第一部分 测试中心概况\n表 1. 收支总表\n合计 1.00\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        "\ufeff".encode() + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf8-crlf", "gb18030-crlf"],
)
def test_every_supported_encoding_gives_the_same_lines(data: bytes) -> None:
    source = decode(data, "x.txt")
    assert source.lines == tuple(TEXT.split("\n"))


def test_text_in_neither_encoding_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="not UTF-8 or GB18030"):
        decode(b"\xff\xfe\xff\xfe abc", "bad.txt")


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match="NUL"):
        decode(b"PK\x03\x04\x00\x00", "x.zip")


def test_missing_file_empty_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        read_source(tmp_path / "empty.txt")
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)


def test_a_text_that_is_no_disclosure_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("这是一份普通的文本文件。\n没有任何预算表格。\n", "utf-8")
    with pytest.raises(InputError, match="does not look like a department budget disclosure"):
        load(plain)


def test_gb18030_corpus_file_reads_like_the_utf8_one(tmp_path: Path) -> None:
    original = (
        Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "qingshan-2026.txt"
    )
    converted = tmp_path / "qingshan-gb18030.txt"
    converted.write_bytes(original.read_text("utf-8").encode("gb18030"))
    assert load(converted).source.encoding == "gb18030"
    assert len(load(converted).all_facts) == len(load(original).all_facts)
