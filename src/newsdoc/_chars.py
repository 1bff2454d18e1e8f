"""Character classes that more than one format needs."""

from __future__ import annotations

import re
from typing import Final


#: One character that XML 1.0 cannot carry, even as a character reference:
#: C0 controls other than tab, line feed and carriage return, lone
#: surrogates, and U+FFFE / U+FFFF (the spec's ``Char`` production).
XML_UNSAFE: Final = re.compile(
    "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
