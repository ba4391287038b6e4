"""Small parsers for metadata values (dates given by the caller or a page)."""
from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$")


def parse_date(value: str) -> dt.date | None:
    """The calendar date of an ISO 8601 date or datetime string, or None if it is not one."""
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
