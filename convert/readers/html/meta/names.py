"""Comparing names across a page's sources: site names, hosts, outlets and title parts."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil"})


def comparable(text: str) -> str:
    """`text` without punctuation, spaces or case, so "新华网" matches "新华网 " and "CSDN.NET" "csdnnet"."""
    return re.sub(r"\W+", "", text).casefold()


def registered_domain(url: str) -> str:
    """The domain a site registered: "www.example.co.uk/a" -> "example.co.uk", "" when there is none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed URL (e.g. an unbalanced "[" in the host)
        return ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return ""
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
