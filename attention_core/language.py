"""The lecture's language: every sentence it says or shows, from a translation catalogue, and
numbers written the language's way.

English is the source: each message is written in the code as `t(context, english, **values)`
(or `nt(context, singular, plural, count, **values)` where a count decides the form), with
named placeholders for words and numbers: `t("gravity.pull.more", "{strongest} pulls hardest,
with weight {weight}: ...", strongest=..., weight=...)`. The context is the message's stable
id. Another language is a gettext catalogue, `assets/languages/<code>.po`, read with Babel:
every message of the template (`messages.pot`, written by `tools/messages.py` from the code)
translated, with the same placeholders. Which catalogue is in use is set for a stretch of work
with `writing_in(language)`, as gettext's "current language" is: the lessons and the scenes
built inside it speak that language.

Numbers keep their digits in every language (one rounding, decided once) and take the
language's decimal sign from Babel's locale data: 0.57 in English, 0,57 in Spanish.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import hashlib
import string
import sys
from dataclasses import dataclass, field

from .assets import assets_folder

SOURCE = "en"  # the language the code is written in
FOLDER = assets_folder() / "languages"
TEMPLATE = FOLDER / "messages.pot"


class LanguageError(ValueError):
    """A language that cannot be used: no catalogue, or a catalogue with a broken message."""


@dataclass(frozen=True)
class Language:
    """One language: its code, its translated messages by context, its plural rule.

    `messages` maps a message's context to its translation: one string, or for a message with
    plural forms, one string per form. `digest` is the catalogue's sha256 (empty for English),
    which enters the reuse key: a clip made from another translation is made again."""

    code: str
    messages: dict = field(default_factory=dict)
    plural_index: object = None  # count -> which of the catalogue's plural forms (its Plural-Forms)
    digest: str = ""
    decimal_sign: str = "."

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE


ENGLISH = Language(SOURCE)
_current: contextvars.ContextVar[Language] = contextvars.ContextVar("language", default=ENGLISH)


def available() -> list[str]:
    """The languages a lecture can be made in: English and every shipped catalogue."""
    return [SOURCE, *sorted(path.stem for path in FOLDER.glob("*.po"))]


@functools.lru_cache(maxsize=None)
def template_messages() -> dict[str, tuple[str, ...]]:
    """Every message of the template, by context: (english,) or (singular, plural)."""
    from babel.messages.pofile import read_po

    with TEMPLATE.open("rb") as template:
        catalogue = read_po(template)
    found = {}
    for message in catalogue:
        if message.id:
            found[message.context] = tuple(message.id) if isinstance(message.id, tuple) else (message.id,)
    return found


def placeholders(text: str) -> set[str]:
    """The named placeholders of a message: {focus}, {weight}..."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The language `code` ("en", "es", ...): its catalogue read and checked. LanguageError
    naming the language, or the catalogue's line and message, if it cannot be used."""
    if code == SOURCE:
        return ENGLISH
    path = FOLDER / f"{code}.po"
    if not path.is_file():
        raise LanguageError(
            f"no catalogue for language {code!r}; the languages are {', '.join(available())} "
            f"(to add one, copy {FOLDER.name}/es.po to {FOLDER.name}/{code}.po and translate it)"
        )
    from babel import Locale, UnknownLocaleError
    from babel.messages.pofile import read_po
    from babel.numbers import get_decimal_symbol

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(
            f"{path.name}: {code!r} is not a language Babel knows; name the catalogue by its language code "
            "(pt.po, pt_BR.po)"
        ) from None
    data = path.read_bytes()
    catalogue = read_po(data.splitlines(keepends=True), locale=code)
    translated = {message.context: message for message in catalogue if message.id}
    messages = {}
    for context, english in template_messages().items():
        message = translated.get(context)
        strings = (
            () if message is None else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or not all(strings):
            raise LanguageError(f"{path.name}: message {context!r} is not translated; translate {english[0]!r}")
        wanted = set().union(*(placeholders(text) for text in english))
        for text in strings:
            if placeholders(text) != wanted:
                missing, extra = sorted(wanted - placeholders(text)), sorted(placeholders(text) - wanted)
                said = "; ".join(
                    part
                    for part in (
                        f"missing {', '.join('{' + name + '}' for name in missing)}" if missing else "",
                        f"extra {', '.join('{' + name + '}' for name in extra)}" if extra else "",
                    )
                    if part
                )
                raise LanguageError(f"{path.name}: message {context!r} (line {message.lineno}): {said}")
        messages[context] = strings if len(english) > 1 else strings[0]
    unknown = sorted(set(translated) - set(template_messages()))
    if unknown:
        raise LanguageError(f"{path.name}: message {unknown[0]!r} is not in the template; remove it")
    return Language(
        code=code,
        messages=messages,
        plural_index=gettext.c2py(catalogue.plural_expr),  # the catalogue's own rule, as gettext reads it
        digest=hashlib.sha256(data).hexdigest(),
        decimal_sign=get_decimal_symbol(locale),
    )


def current() -> Language:
    """The language being written now (English outside any `writing_in`)."""
    return _current.get()


@contextlib.contextmanager
def writing_in(language_used: Language | str):
    """Inside: `t`, `nt` and the numbers speak `language_used`."""
    chosen = language(language_used) if isinstance(language_used, str) else language_used
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def t(context: str, english: str, **values) -> str:
    """The message `context` in the current language, its placeholders filled with `values`.
    A message the language's catalogue lacks (a creator's own chapter's) is said in English,
    with a warning (`untranslated`)."""
    spoken = current()
    if spoken.is_source:
        return english.format(**values)
    if context not in spoken.messages:
        return untranslated(spoken, context, english).format(**values)
    return spoken.messages[context].format(**values)


def untranslated(spoken, context: str, english: str) -> str:
    """`english`, for the message `context` that the catalogue of `spoken` lacks: warned about
    once per process and message (on stderr, as render.py's other warnings)."""
    if (spoken.code, context) not in UNTRANSLATED:
        UNTRANSLATED.add((spoken.code, context))
        print(
            f"render.py: {spoken.code}: no translation of the message {context!r}; it is said in English",
            file=sys.stderr,
        )
    return english


UNTRANSLATED: set[tuple[str, str]] = set()


def nt(context: str, singular: str, plural: str, count: int, **values) -> str:
    """The message `context` in the form `count` takes (also a placeholder: {count})."""
    spoken = current()
    if spoken.is_source:
        text = singular if count == 1 else plural
    elif context not in spoken.messages:
        text = untranslated(spoken, context, singular if count == 1 else plural)
    else:
        forms = spoken.messages[context]
        text = forms[min(int(spoken.plural_index(count)), len(forms) - 1)]
    return text.format(count=count, **values)
