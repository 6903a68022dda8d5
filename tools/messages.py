"""The translation template, from the code: every `t(context, english, ...)` and
`nt(context, singular, plural, count, ...)` in attention_core/, scenes/ and clips/, extracted with
Babel into assets/languages/messages.pot; with --update, each catalogue (<code>.po) brought up
to date with it (Babel's merge: a new message untranslated, a changed one marked fuzzy).

    python tools/messages.py            # write messages.pot
    python tools/messages.py --update   # and merge it into every <code>.po
    python tools/messages.py --check    # exit 1 if messages.pot is not what the code says
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attention_core.language import FOLDER, TEMPLATE  # noqa: E402

KEYWORDS = {"t": ((1, "c"), 2), "nt": ((1, "c"), 2, 3)}  # context first, then the English
FOLDERS = ("attention_core", "scenes", "clips")
FIXED_DATE = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)  # the same bytes on every run


def extracted() -> Catalog:
    """Every message of the code, once per context; SystemExit naming a context that two
    different English messages share."""
    catalogue = Catalog(project="attention-clips", creation_date=FIXED_DATE, revision_date=FIXED_DATE)
    seen: dict[str, object] = {}
    for folder in FOLDERS:
        found = extract_from_dir(ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=())
        for filename, lineno, message, _comments, context in found:
            if context is None:
                raise SystemExit(f"{folder}/{filename}:{lineno}: a message without a context; give t() an id first")
            if context in seen and seen[context] != message:
                raise SystemExit(f"{folder}/{filename}:{lineno}: context {context!r} names two different messages")
            seen[context] = message
            catalogue.add(message, locations=[(f"{folder}/{filename}", lineno)], context=context)
    return catalogue


def as_bytes(catalogue: Catalog) -> bytes:
    written = io.BytesIO()
    write_po(written, catalogue, width=100, sort_by_file=True, include_lineno=False)
    return written.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="merge the template into every catalogue")
    parser.add_argument("--check", action="store_true", help="exit 1 if the template is out of date")
    arguments = parser.parse_args()
    template = as_bytes(extracted())
    if arguments.check:
        if not TEMPLATE.is_file() or TEMPLATE.read_bytes() != template:
            print(f"{TEMPLATE.relative_to(ROOT)} is out of date: run python tools/messages.py", file=sys.stderr)
            return 1
        return 0
    TEMPLATE.write_bytes(template)
    if arguments.update:
        for path in sorted(FOLDER.glob("*.po")):
            with path.open("rb") as existing:
                catalogue = read_po(existing, locale=path.stem)
            catalogue.update(read_po(io.BytesIO(template)), update_header_comment=False)
            catalogue.revision_date = FIXED_DATE
            path.write_bytes(as_bytes(catalogue))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
