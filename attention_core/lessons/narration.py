"""The narration: every sentence the lecture says, one function per clip, read off its lesson.

A line is both a caption (shown, and written to the subtitles) and what the narrator says.
Its id is stable and names a recording in --voice-dir (`<id>.wav`), so a creator can record
their own voice line by line. Every number in a line is the lesson's, written as on screen;
every claim ("pulls hardest", "rises") is decided from the lesson's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..language import nt, t
from ..text import SYMBOLS, format_number, quoted
from .arc import Arc, similarity_name
from .base import Lesson

LINE_ID = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+$")  # also a safe file name
Q, K, V, O = (SYMBOLS[role] for role in ("query", "key", "value", "output"))  # written as on screen


@dataclass(frozen=True)
class Line(Lesson):
    id: str  # e.g. "gravity.sentence-1.pull"
    text: str  # the caption and the spoken sentence


@dataclass(frozen=True)
class ClipLesson(Lesson):
    """A lesson that one clip draws: `arc` its heading, question and takeaway; `narration` its
    lines in the order they are said, the question first and the takeaway last."""

    arc: Arc | None = field(default=None, kw_only=True)
    narration: tuple[Line, ...] = field(default=(), kw_only=True)


def lines(*pairs: tuple[str, str]) -> tuple[Line, ...]:
    made = tuple(Line(id, text) for id, text in pairs)
    for line in made:
        if not LINE_ID.match(line.id):
            raise ValueError(f"narration line id {line.id!r} is not of the form clip.part")
    if len({line.id for line in made}) != len(made):
        raise ValueError("narration line ids repeat")
    return made


def count_word(count: int) -> str:
    """A small count as a word ("two"), a larger one in digits."""
    words = (
        t("count.0", "zero"),
        t("count.1", "one"),
        t("count.2", "two"),
        t("count.3", "three"),
        t("count.4", "four"),
        t("count.5", "five"),
        t("count.6", "six"),
        t("count.7", "seven"),
        t("count.8", "eight"),
        t("count.9", "nine"),
        t("count.10", "ten"),
    )
    return words[count] if 0 <= count < len(words) else str(count)


def guess(lesson, prefix: str) -> tuple[str, str]:
    """The chapter's prediction prompt (its arc's guess) as the line `<prefix>.guess`."""
    return (f"{prefix}.guess", lesson.arc.guess)


# -- one function per clip: the lines between the question and the takeaway ------------------


def intro_lines(lesson) -> list[tuple[str, str]]:
    return [guess(lesson, "intro")]


def pull_line(reading) -> str:
    """What one sentence does to its focus word, decided by its weights: one number said."""
    if reading.strongest_pull is None:
        return t(
            "gravity.pull.alone",
            "No other word here is in the plane: {focus} keeps its own point.",
            focus=quoted(reading.focus),
        )
    tokens = list(reading.tokens)
    weight = reading.weights[tokens.index(reading.strongest_pull)]
    shown, own = format_number(weight), format_number(reading.weights[reading.focus_index])
    values = dict(strongest=quoted(reading.strongest_pull), weight=shown, focus=quoted(reading.focus))
    if own == shown:
        return t(
            "gravity.pull.as-much",
            "{strongest} pulls hardest, with weight {weight}: as much as {focus} keeps on itself.",
            **values,
        )
    if reading.weights[reading.focus_index] > weight:
        return t(
            "gravity.pull.less",
            "Of the other words, {strongest} pulls hardest, with weight {weight}; {focus} keeps more on itself.",
            **values,
        )
    return t(
        "gravity.pull.more",
        "{strongest} pulls hardest, with weight {weight}: more than {focus} keeps on itself.",
        **values,
    )


def closing_line(count: int) -> str:
    if count == 1:
        return t("gravity.closing.one", "One token, one embedding; the context vector belongs to this sentence.")
    return nt(
        "gravity.closing.many",
        "One token, one embedding, {number} context vector: one for each sentence.",
        "One token, one embedding, {number} context vectors: one for each sentence.",
        count,
        number=count_word(count),
    )


def gravity_lines(lesson) -> list[tuple[str, str]]:
    said = [
        ("gravity.plane", t("gravity.plane", "Each word is a point, its embedding: words that mean alike sit close."))
    ]
    told_faded = False
    for number, reading in enumerate(lesson.sentences, start=1):
        part = f"gravity.sentence-{number}"
        focus = quoted(reading.focus)
        said.append(
            (
                f"{part}.words",
                t(
                    "gravity.words.first",
                    "Sentence {number}. Each word pulls on {focus}, like gravity: the larger their {similarity}, "
                    "the stronger.",
                    number=number,
                    focus=focus,
                    similarity=similarity_name(lesson.similarity),
                )
                if number == 1
                else t(
                    "gravity.words.next",
                    "Sentence {number}: now these words pull on {focus}.",
                    number=number,
                    focus=focus,
                ),
            )
        )
        if not told_faded and not all(reading.takes_part):
            told_faded = True
            said.append(
                (
                    f"{part}.faded",
                    t(
                        "gravity.faded",
                        "Faded words are left out of this toy plane; a real model gives every token an embedding.",
                    ),
                )
            )
        if number - 1 == lesson.guess_sentence:
            said.append(guess(lesson, "gravity"))
        said.append((f"{part}.pull", pull_line(reading)))
        if reading.leaves_ghost:
            said.append(
                (
                    f"{part}.ghost",
                    t(
                        "gravity.ghost",
                        "{focus} keeps its embedding, the faded dot. Attention makes a new point: its context vector.",
                        focus=focus,
                    ),
                )
            )
    said.append(("gravity.closing", closing_line(len(lesson.sentences))))
    return said


def softmax_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "softmax.scores",
            t(
                "softmax.scores",
                "The same {similarity} scores of {focus} as before; softmax turns them into weights that sum to 1.",
                similarity=similarity_name(lesson.similarity),
                focus=quoted(lesson.focus),
            ),
        ),
        guess(lesson, "softmax"),
        (
            "softmax.slide",
            t(
                "softmax.slide",
                "Slide the score of {word}: the best word jumps from one to the other, the weighted average glides.",
                word=quoted(lesson.tokens[lesson.swept]),
            ),
        ),
        (
            "softmax.temperature",
            t(
                "softmax.temperature",
                "Temperature divides the scores: near 0, softmax picks the best word; large, every word weighs the same.",
            ),
        ),
        (
            "softmax.by-sum",
            t(
                "softmax.by-sum",
                "Why not divide by the sum? A sum can be 0, and a weight negative. Softmax weights are always positive.",
            ),
        ),
    ]


def rescore_line(lesson) -> str:
    """How the maps change the weight of the highlighted word: rises, falls or stays (one number said)."""
    j = lesson.highlight
    before, after = lesson.weights_before[j], lesson.weights[j]
    shown_before, shown_after = format_number(before), format_number(after)
    values = dict(word=quoted(lesson.tokens[j]), weight=shown_after)
    if shown_before == shown_after:
        return t(
            "projection.rescore.stays",
            "The weight of {word} stays at {weight}: these maps leave this pair as it was.",
            **values,
        )
    if after > before:
        return t(
            "projection.rescore.rises", "The weight of {word} rises to {weight}: the maps change who matches.", **values
        )
    return t(
        "projection.rescore.falls", "The weight of {word} falls to {weight}: the maps change who matches.", **values
    )


def self_line(lesson) -> str:
    """Q3: what the maps do to the focus word's weight on itself, decided from both weights."""
    f, h = lesson.focus_index, lesson.highlight
    before, after = format_number(lesson.weights_before[f]), format_number(lesson.weights[f])
    values = dict(focus=quoted(lesson.tokens[f]), weight=after)
    if before == after:
        return t("projection.self.same", "{focus} keeps {weight} on itself, as before the maps.", **values)
    if lesson.weights[f] < lesson.weights_before[f] and h != f and lesson.weights[h] > lesson.weights_before[h]:
        return t(
            "projection.self.past",
            "{focus} now keeps only {weight} on itself: its query looks past itself, to {other}.",
            other=quoted(lesson.tokens[h]),
            **values,
        )
    if lesson.weights[f] > lesson.weights_before[f]:  # decided from the numbers, not from how they are written
        return t("projection.self.more", "{focus} keeps {weight} on itself, more than before the maps.", **values)
    return t("projection.self.less", "{focus} keeps {weight} on itself, less than before the maps.", **values)


def score_change_line(lesson) -> str:
    """Say that the score changes from the gravity clip's similarity to a query dotted with a key."""
    if lesson.similarity == "scaled_dot":
        return t("projection.score.still", "The score is still a scaled dot product, now of a query with a key.")
    return t(
        "projection.score.now",
        "From here on, a score is a scaled dot product, not the {similarity}: a query dotted with a key.",
        similarity=similarity_name(lesson.similarity),
    )


def asymmetry_line(lesson) -> str:
    """Why two maps: the score of a pair depends on which word asks (decided from the two scores)."""
    focus, other = quoted(lesson.tokens[lesson.focus_index]), quoted(lesson.tokens[lesson.highlight])
    if lesson.highlight == lesson.focus_index:
        return t(
            "projection.asymmetry.general",
            "Two maps, {query} and {key}: a score depends on which word asks and which answers.",
            query=Q,
            key=K,
        )
    if format_number(lesson.focus_asks) == format_number(lesson.other_asks):
        return t(
            "projection.asymmetry.same",
            "Two maps, {query} and {key}: here {focus} asking {other} scores the same as the other way round, "
            "but in general it need not.",
            query=Q,
            key=K,
            focus=focus,
            other=other,
        )
    return t(
        "projection.asymmetry.differs",
        "Two maps, so a score depends on who asks: {focus} asking {other} scores differently from {other} asking "
        "{focus}.",
        focus=focus,
        other=other,
    )


def projection_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("projection.grids", t("projection.grids", "The faint grid and the axes are fixed; the blue grid will move.")),
        (
            "projection.query",
            t(
                "projection.query",
                "{query} is a learned linear map: it moves every point, p \u2192 p {query}.",
                query=Q,
            ),
        ),
        ("projection.key", t("projection.key", "{key}, a second learned map, makes a key for every word.", key=K)),
        ("projection.score", score_change_line(lesson)),
        guess(lesson, "projection"),
        ("projection.rescore", rescore_line(lesson)),
        ("projection.self", self_line(lesson)),
        ("projection.asymmetry", asymmetry_line(lesson)),
        (
            "projection.value",
            t("projection.value", "{value} does not make the weights: it only moves what gets averaged.", value=V),
        ),
        ("projection.context", t("projection.context", "The context vector is the weighted average of the values.")),
    ]


def formula_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("formula.dots", t("formula.dots", "Q K\u1d40: the query of the focus word dotted with every key.")),
        (
            "formula.scale",
            t(
                "formula.scale",
                "Divide by \u221ad\u2096. Here d\u2096 is only {d_k}, so this changes little; "
                "the next chapter shows why it matters.",
                d_k=lesson.d_k,
            ),
        ),
        (
            "formula.softmax",
            t("formula.softmax", "Softmax: the weights, positive and summing to 1, from Q and K only."),
        ),
        (
            "formula.values",
            t("formula.values", "Then V: the weights average the values. The output is the word's context vector."),
        ),
    ]


def scaling_lines(lesson) -> list[tuple[str, str]]:
    widest = lesson.rows[-1]
    return [
        (
            "scaling.spread",
            t(
                "scaling.spread",
                "The wider the vectors, the larger their dot products: the spread grows like \u221ad.",
            ),
        ),
        guess(lesson, "scaling"),
        (
            "scaling.saturate",
            t(
                "scaling.saturate",
                "Softmax saturates: at the widest, one word takes {weight} of the weight.",
                weight=format_number(widest.max_raw),
            ),
        ),
        (
            "scaling.divide",
            t(
                "scaling.divide",
                "Divide by \u221ad\u2096: the spread is about 1 at every width, and the largest weight falls to {weight}.",
                weight=format_number(widest.max_scaled),
            ),
        ),
    ]


MOST = 0.5  # a head "spends most" of its row on a word that takes more than half of it
LITTLE = 0.2  # and "little" on one that takes less than a fifth


def split_line(lesson) -> str:
    """Why several heads, decided from the heads' rows: each row sums to 1, so a head that spends
    most of it on one word has little left for another (one number said). The first two heads
    that look most at different words are the ones compared."""
    tokens, focus = lesson.tokens, lesson.focus_index
    looking = [head for head in lesson.heads if head.strongest != focus]  # heads that look past the word itself
    pairs = [(a, b) for i, a in enumerate(looking) for b in looking[i + 1 :] if a.strongest != b.strongest]
    if not looking:
        return t(
            "multihead.split.none", "One softmax row sums to 1: a single head must split its attention among the words."
        )
    if not pairs:
        return t(
            "multihead.split.same",
            "Here every head looks most at {word}: one softmax row sums to 1, so with other maps each head could "
            "take a word of its own.",
            word=quoted(tokens[looking[0].strongest]),
        )
    first, second = pairs[0]
    values = dict(
        first=quoted(first.name),
        second=quoted(second.name),
        one=quoted(tokens[first.strongest]),
        other=quoted(tokens[second.strongest]),
    )
    if first.weights[first.strongest] > MOST and first.weights[second.strongest] < LITTLE:
        return t(
            "multihead.split.spends",
            "No. A row sums to 1: head {first} spends {weight} on {one}, and little on {other}. Head {second} takes "
            "{other}.",
            weight=format_number(first.weights[first.strongest]),
            **values,
        )
    return t(
        "multihead.split.looks",
        "One softmax row sums to 1, so a single head splits its attention; here head {first} looks most at {one}, "
        "head {second} at {other}.",
        **values,
    )


def multihead_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "multihead.heads",
            nt(
                "multihead.heads",
                "Each of the {number} head has its own maps, so each pulls {focus} somewhere else.",
                "Each of the {number} heads has its own maps, so each pulls {focus} somewhere else.",
                len(lesson.heads),
                number=count_word(len(lesson.heads)),
                focus=quoted(lesson.focus),
            ),
        ),
        guess(lesson, "multihead"),
        ("multihead.split", split_line(lesson)),
        ("multihead.concat", t("multihead.concat", "The outputs of the heads, side by side, make one longer vector.")),
        (
            "multihead.output-map",
            t(
                "multihead.output-map",
                "{output} is a linear layer: its rows for each head decide how much of it is kept.",
                output=O,
            ),
        ),
        ("multihead.sum", t("multihead.sum", "The heads' contributions add up to the output: no head decides alone.")),
    ]


def mask_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("mask.self", t("mask.self", "Self-attention: each row is a word asking; each column, a word it looks at.")),
        guess(lesson, "mask"),
        (
            "mask.scores",
            t(
                "mask.scores",
                "A decoder writes left to right, so every score above the diagonal, looking ahead, is set to minus "
                "infinity.",
            ),
        ),
        (
            "mask.causal",
            t("mask.causal", "Softmax turns minus infinity into a weight of 0, and each row still sums to 1."),
        ),
        (
            "mask.cross",
            t("mask.cross", "Cross-attention: the decoder asks, with Q; the encoder's sentence answers, with K and V."),
        ),
    ]


def parallel_lines(lesson) -> list[tuple[str, str]]:
    n = len(lesson.tokens)
    if n == 1:
        everyone = t("parallel.attention.one", "Attention: the one word looks at itself and is updated, in one step.")
        recurrent = t(
            "parallel.recurrent.one",
            "A recurrent network must read word by word: each state needs the one before. One word, one step.",
        )
    else:
        everyone = (
            t("parallel.attention.two", "Attention: both words look at each other and are updated, in one step.")
            if n == 2
            else t(
                "parallel.attention.all",
                "Attention: all {number} words look at each other and are updated, in one step.",
                number=count_word(n),
            )
        )
        recurrent = t(
            "parallel.recurrent.many",
            "A recurrent network must read word by word: each state needs the one before. {Number} words, "
            "{number} steps.",
            Number=capitalized(count_word(n)),
            number=count_word(n),
        )
    return [
        guess(lesson, "parallel"),
        ("parallel.attention", everyone),
        ("parallel.recurrent", recurrent),
        (
            "parallel.positions",
            t(
                "parallel.positions",
                "With no recurrence, order must be added: each word's position is added to its embedding.",
            ),
        ),
    ]


def capitalized(text: str) -> str:
    """`text` with its first letter a capital, the rest as it is ("two" -> "Two")."""
    return text[:1].upper() + text[1:]


def history_lines(lesson) -> list[tuple[str, str]]:
    first, last = lesson.entries[0], lesson.entries[-1]
    return [
        (
            "history.years",
            t(
                "history.years",
                "{first}: attention helped an RNN translate. {last}: attention became the whole model.",
                first=first.year,
                last=last.year,
            ),
        ),
        (
            "history.scaling",
            t(
                "history.scaling",
                "Its heads were {d_k} wide, so every score was divided by {root}.",
                d_k=lesson.d_k,
                root=format_number(lesson.sqrt_d_k),
            ),
        ),
    ]


def row_line(lesson, reading) -> str:
    """Where the focus piece looks at the chosen head, decided by its weights (one number said)."""
    strongest = reading.pieces[reading.strongest]
    weight = reading.weights[reading.strongest]
    own = reading.weights[reading.focus_index]
    values = dict(focus=quoted(reading.focus), piece=quoted(strongest), weight=format_number(weight))
    if own > weight:
        return t(
            "realmodel.row.keeps",
            "Of the other pieces, {focus} gives {piece} the most weight, {weight}; it keeps more on itself.",
            **values,
        )
    return t("realmodel.row.gives", "Of the other pieces, {focus} gives {piece} the most weight, {weight}.", **values)


def paths_line(lesson) -> str:
    """The focus word's two vectors, first and last layer: apart, together or the same, and how."""
    cosines = [float(c) for c in lesson.cosines]
    first, last = format_number(cosines[0]), format_number(cosines[-1])
    shown = [round(c, 2) for c in cosines]  # as written: a change too small to show is no step
    if lesson.readings[0].focus != lesson.readings[1].focus:
        word = t(
            "realmodel.paths.both",
            "{first} and {second}",
            first=quoted(lesson.readings[0].focus),
            second=quoted(lesson.readings[1].focus),
        )
    else:
        word = quoted(lesson.readings[0].focus)
    if first == last:
        return t(
            "realmodel.paths.same", "The vectors of {word} in the two sentences end as alike as they start.", word=word
        )
    apart = cosines[-1] < cosines[0]
    steady = all((b < a) if apart else (b > a) for a, b in zip(shown, shown[1:]))
    values = dict(word=word, cosine=last, layers=lesson.layers)
    if apart and steady:
        return t(
            "realmodel.paths.apart-steadily",
            "The vectors of {word} in the two sentences move apart, layer by layer: cosine {cosine} after layer "
            "{layers}.",
            **values,
        )
    if apart:
        return t(
            "realmodel.paths.apart",
            "The vectors of {word} in the two sentences move apart, though not at every layer: cosine {cosine} after "
            "layer {layers}.",
            **values,
        )
    if steady:
        return t(
            "realmodel.paths.closer-steadily",
            "The vectors of {word} in the two sentences come closer, layer by layer: cosine {cosine} after layer "
            "{layers}.",
            **values,
        )
    return t(
        "realmodel.paths.closer",
        "The vectors of {word} in the two sentences come closer, though not at every layer: cosine {cosine} after "
        "layer {layers}.",
        **values,
    )


def start_line(lesson) -> str:
    """Why the two vectors do not start at cosine 1: layer 0 is the token plus its position."""
    first = format_number(lesson.cosines[0])
    if lesson.readings[0].focus != lesson.readings[1].focus:
        return t(
            "realmodel.start.pieces",
            "Before layer 1, each vector is its piece's embedding plus its position: cosine {cosine}.",
            cosine=first,
        )
    if first == format_number(1.0):
        return t(
            "realmodel.start.same",
            "Before layer 1, each vector is the piece's embedding plus its position: here, the same.",
        )
    return t(
        "realmodel.start.differs",
        "Before layer 1, each vector is the piece's embedding plus its position, so the two start at cosine "
        "{cosine}, not 1.",
        cosine=first,
    )


def real_model_lines(lesson) -> list[tuple[str, str]]:
    first = lesson.readings[0]
    added = sum(first.special)
    chosen = {
        "auto": lambda: t(
            "realmodel.chosen.auto", "the head that pulls hardest toward a context word in both sentences"
        ),
        "example": lambda: t("realmodel.chosen.example", "as the example asks"),
        "layer": lambda: t(
            "realmodel.chosen.layer", "in the example's layer, the head that pulls hardest toward a context word"
        ),
        "head": lambda: t(
            "realmodel.chosen.head", "the example's head, in the layer where it pulls hardest toward a context word"
        ),
    }[lesson.chosen_by]()
    said = [
        (
            "realmodel.pieces",
            t(
                "realmodel.pieces",
                "A real model, {model}, reads word pieces: {pieces} here, with {markers} markers it adds. Every piece "
                "has an embedding.",
                model=lesson.model,
                pieces=count_word(len(first.pieces)),
                markers=count_word(added),
            ),
        ),
        (
            "realmodel.head",
            t(
                "realmodel.head",
                "Layer {layer}, head {head} of {heads}: {chosen}.",
                layer=lesson.layer,
                head=lesson.head,
                heads=count_word(lesson.heads),
                chosen=chosen,
            ),
        ),
    ]
    for number, reading in enumerate(lesson.readings, start=1):
        said.append((f"realmodel.sentence-{number}", row_line(lesson, reading)))
    said.append(("realmodel.start", start_line(lesson)))
    said.append(("realmodel.paths", paths_line(lesson)))
    said.append(
        (
            "realmodel.heads",
            t(
                "realmodel.heads",
                "All {heads} heads of layer {layer}: each looks at the sentence in its own way.",
                heads=count_word(lesson.heads),
                layer=lesson.layer,
            ),
        )
    )
    return said


def recap_lines(lesson) -> list[tuple[str, str]]:
    return [(f"recap.{chapter.id}", chapter.takeaway) for chapter in lesson.chapters]


def attach(lesson: ClipLesson, arc: Arc, prefix: str, script) -> ClipLesson:
    """`lesson` with its arc and its narration: the arc's question, the lines `script` reads off
    the lesson, the arc's takeaway. Line ids start with `prefix` ("gravity.question")."""
    with_arc = replace(lesson, arc=arc)
    middle = script(with_arc)
    said = lines((f"{prefix}.question", arc.question), *middle, (f"{prefix}.takeaway", arc.takeaway))
    return replace(with_arc, narration=said)
