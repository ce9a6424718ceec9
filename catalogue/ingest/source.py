"""Turning a file's bytes into text, refusing what is not a readable text."""

import unicodedata

from .results import ParseError

MAX_BYTES = 5 * 1024 * 1024  # a scraped article is a few kilobytes; this is far past any
# control characters other than tab, newline, carriage return and form feed
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def decode_source(data: bytes) -> str:
    """Return the text of `data` decoded as UTF-8, or raise ParseError saying why not."""
    if not data or not data.strip():
        raise ParseError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ParseError(
            f"the file is {len(data):,} bytes; texts larger than {MAX_BYTES:,} bytes are refused"
        )
    if b"\x00" in data:
        raise ParseError("the file is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start} cannot be decoded)"
        ) from None
    check_text(text)
    return text


def check_text(text: str) -> None:
    """Raise ParseError when `text` is empty or reads as binary data."""
    if not text.strip().lstrip("\ufeff").strip():
        raise ParseError("the file is empty")
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ParseError(f"the file is binary, not text ({controls} control characters)")
