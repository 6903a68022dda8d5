"""The narration: every sentence the lecture says, one function per clip, read off its lesson.

A line is both a caption (shown, and written to the subtitles) and what the narrator says.
Its id is stable and names a recording in --voice-dir (`<id>.wav`), so a creator can record
their own voice line by line. Every number in a line is the lesson's, written as on screen;
every claim ("pulls hardest", "rises") is decided from the lesson's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
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
        return f"No other word here is in the plane: {quoted(reading.focus)} keeps its own point."
    tokens = list(reading.tokens)
    weight = reading.weights[tokens.index(reading.strongest_pull)]
    shown, own = format_number(weight), format_number(reading.weights[reading.focus_index])
    strongest, focus = quoted(reading.strongest_pull), quoted(reading.focus)
    if own == shown:
        return f"{strongest} pulls hardest, with weight {shown}: as much as {focus} keeps on itself."
    if reading.weights[reading.focus_index] > weight:
        return f"Of the other words, {strongest} pulls hardest, with weight {shown}; {focus} keeps more on itself."
    return f"{strongest} pulls hardest, with weight {shown}: more than {focus} keeps on itself."


def closing_line(count: int) -> str:
    if count == 1:
        return "One token, one embedding; the context vector belongs to this sentence."
    return f"One token, one embedding, {count_word(count)} context vectors: one for each sentence."


def gravity_lines(lesson) -> list[tuple[str, str]]:
    said = [("gravity.plane", "Each word is a point, its embedding: words that mean alike sit close.")]
    told_faded = False
    for number, reading in enumerate(lesson.sentences, start=1):
        part = f"gravity.sentence-{number}"
        said.append(
            (
                f"{part}.words",
                f"Sentence {number}. Each word pulls on {quoted(reading.focus)}, like gravity: "
                f"the larger their {similarity_name(lesson.similarity)}, the stronger."
                if number == 1
                else f"Sentence {number}: now these words pull on {quoted(reading.focus)}.",
            )
        )
        if not told_faded and not all(reading.takes_part):
            told_faded = True
            said.append(
                (
                    f"{part}.faded",
                    "Faded words are left out of this toy plane; a real model gives every token an embedding.",
                )
            )
        if number - 1 == lesson.guess_sentence:
            said.append(guess(lesson, "gravity"))
        said.append((f"{part}.pull", pull_line(reading)))
        if reading.leaves_ghost:
            said.append(
                (
                    f"{part}.ghost",
                    f"{quoted(reading.focus)} keeps its embedding, the faded dot. "
                    "Attention makes a new point: its context vector.",
                )
            )
    said.append(("gravity.closing", closing_line(len(lesson.sentences))))
    return said


def softmax_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "softmax.scores",
            f"The same {similarity_name(lesson.similarity)} scores of {quoted(lesson.focus)} "
            "as before; softmax turns them into weights that sum to 1.",
        ),
        guess(lesson, "softmax"),
        (
            "softmax.slide",
            f"Slide the score of {quoted(lesson.tokens[lesson.swept])}: "
            "the best word jumps from one to the other, the weighted average glides.",
        ),
        (
            "softmax.temperature",
            "Temperature divides the scores: near 0, softmax picks the best word; large, every word weighs the same.",
        ),
        (
            "softmax.by-sum",
            "Why not divide by the sum? A sum can be 0, and a weight negative. Softmax weights are always positive.",
        ),
    ]


def rescore_line(lesson) -> str:
    """How the maps change the weight of the highlighted word: rises, falls or stays (one number said)."""
    j = lesson.highlight
    before, after = lesson.weights_before[j], lesson.weights[j]
    shown_before, shown_after = format_number(before), format_number(after)
    word = quoted(lesson.tokens[j])
    if shown_before == shown_after:
        return f"The weight of {word} stays at {shown_after}: these maps leave this pair as it was."
    verb = "rises" if after > before else "falls"
    return f"The weight of {word} {verb} to {shown_after}: the maps change who matches."


def self_line(lesson) -> str:
    """Q3: what the maps do to the focus word's weight on itself, decided from both weights."""
    f, h = lesson.focus_index, lesson.highlight
    focus, other = quoted(lesson.tokens[f]), quoted(lesson.tokens[h])
    before, after = format_number(lesson.weights_before[f]), format_number(lesson.weights[f])
    if before == after:
        return f"{focus} keeps {after} on itself, as before the maps."
    if lesson.weights[f] < lesson.weights_before[f] and h != f and lesson.weights[h] > lesson.weights_before[h]:
        return f"{focus} now keeps only {after} on itself: its query looks past itself, to {other}."
    return f"{focus} keeps {after} on itself, {'more' if after > before else 'less'} than before the maps."


def score_change_line(lesson) -> str:
    """Say that the score changes from the gravity clip's similarity to a query dotted with a key."""
    if lesson.similarity == "scaled_dot":
        return "The score is still a scaled dot product, now of a query with a key."
    return (
        f"From here on, a score is a scaled dot product, not the {similarity_name(lesson.similarity)}: "
        "a query dotted with a key."
    )


def asymmetry_line(lesson) -> str:
    """Why two maps: the score of a pair depends on which word asks (decided from the two scores)."""
    focus, other = lesson.tokens[lesson.focus_index], lesson.tokens[lesson.highlight]
    if lesson.highlight == lesson.focus_index:
        return f"Two maps, {Q} and {K}: a score depends on which word asks and which answers."
    if format_number(lesson.focus_asks) == format_number(lesson.other_asks):
        return (
            f"Two maps, {Q} and {K}: here {quoted(focus)} asking {quoted(other)} scores the same "
            "as the other way round, but in general it need not."
        )
    return (
        f"Two maps, so a score depends on who asks: {quoted(focus)} asking {quoted(other)} "
        f"scores differently from {quoted(other)} asking {quoted(focus)}."
    )


def projection_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("projection.grids", "The faint grid and the axes are fixed; the blue grid will move."),
        ("projection.query", f"{Q} is a learned linear map: it moves every point, p \u2192 p {Q}."),
        ("projection.key", f"{K}, a second learned map, makes a key for every word."),
        ("projection.score", score_change_line(lesson)),
        guess(lesson, "projection"),
        ("projection.rescore", rescore_line(lesson)),
        ("projection.self", self_line(lesson)),
        ("projection.asymmetry", asymmetry_line(lesson)),
        ("projection.value", f"{V} does not make the weights: it only moves what gets averaged."),
        ("projection.context", "The context vector is the weighted average of the values."),
    ]


def formula_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("formula.dots", "Q K\u1d40: the query of the focus word dotted with every key."),
        (
            "formula.scale",
            f"Divide by \u221ad\u2096. Here d\u2096 is only {lesson.d_k}, so this changes little; "
            "the next chapter shows why it matters.",
        ),
        ("formula.softmax", "Softmax: the weights, positive and summing to 1, from Q and K only."),
        ("formula.values", "Then V: the weights average the values. The output is the word's context vector."),
    ]


def scaling_lines(lesson) -> list[tuple[str, str]]:
    widest = lesson.rows[-1]
    return [
        ("scaling.spread", "The wider the vectors, the larger their dot products: the spread grows like \u221ad."),
        guess(lesson, "scaling"),
        (
            "scaling.saturate",
            f"Softmax saturates: at the widest, one word takes {format_number(widest.max_raw)} of the weight.",
        ),
        (
            "scaling.divide",
            "Divide by \u221ad\u2096: the spread is about 1 at every width, and the largest "
            f"weight falls to {format_number(widest.max_scaled)}.",
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
        return "One softmax row sums to 1: a single head must split its attention among the words."
    if not pairs:
        return (
            f"Here every head looks most at {quoted(tokens[looking[0].strongest])}: one softmax row sums "
            "to 1, so with other maps each head could take a word of its own."
        )
    first, second = pairs[0]
    one, other = tokens[first.strongest], tokens[second.strongest]
    if first.weights[first.strongest] > MOST and first.weights[second.strongest] < LITTLE:
        return (
            f"No. A row sums to 1: head {quoted(first.name)} spends "
            f"{format_number(first.weights[first.strongest])} on {quoted(one)}, and little on {quoted(other)}. "
            f"Head {quoted(second.name)} takes {quoted(other)}."
        )
    return (
        f"One softmax row sums to 1, so a single head splits its attention; here head {quoted(first.name)} "
        f"looks most at {quoted(one)}, head {quoted(second.name)} at {quoted(other)}."
    )


def multihead_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "multihead.heads",
            f"Each of the {count_word(len(lesson.heads))} heads has its own maps, "
            f"so each pulls {quoted(lesson.focus)} somewhere else.",
        ),
        guess(lesson, "multihead"),
        ("multihead.split", split_line(lesson)),
        ("multihead.concat", "The outputs of the heads, side by side, make one longer vector."),
        ("multihead.output-map", f"{O} is a linear layer: its rows for each head decide how much of it is kept."),
        ("multihead.sum", "The heads' contributions add up to the output: no head decides alone."),
    ]


def mask_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("mask.self", "Self-attention: each row is a word asking; each column, a word it looks at."),
        guess(lesson, "mask"),
        (
            "mask.scores",
            "A decoder writes left to right, so every score above the diagonal, "
            "looking ahead, is set to minus infinity.",
        ),
        ("mask.causal", "Softmax turns minus infinity into a weight of 0, and each row still sums to 1."),
        ("mask.cross", "Cross-attention: the decoder asks, with Q; the encoder's sentence answers, with K and V."),
    ]


def parallel_lines(lesson) -> list[tuple[str, str]]:
    n = len(lesson.tokens)
    everyone = {
        1: "the one word looks at itself and is updated",
        2: "both words look at each other and are updated",
    }.get(n, f"all {count_word(n)} words look at each other and are updated")
    words, steps = ("one word", "one step") if n == 1 else (f"{count_word(n)} words", f"{count_word(n)} steps")
    return [
        guess(lesson, "parallel"),
        ("parallel.attention", f"Attention: {everyone}, in one step."),
        (
            "parallel.recurrent",
            "A recurrent network must read word by word: each state needs the one before. "
            f"{words.capitalize()}, {steps}.",
        ),
        (
            "parallel.positions",
            "With no recurrence, order must be added: each word's position is added to its embedding.",
        ),
    ]


def history_lines(lesson) -> list[tuple[str, str]]:
    first, last = lesson.entries[0], lesson.entries[-1]
    return [
        (
            "history.years",
            f"{first.year}: attention helped an RNN translate. {last.year}: attention became the whole model.",
        ),
        (
            "history.scaling",
            f"Its heads were {lesson.d_k} wide, so every score was divided by {format_number(lesson.sqrt_d_k)}.",
        ),
    ]


def row_line(lesson, reading) -> str:
    """Where the focus piece looks at the chosen head, decided by its weights (one number said)."""
    strongest = reading.pieces[reading.strongest]
    weight = reading.weights[reading.strongest]
    own = reading.weights[reading.focus_index]
    keeps = "; it keeps more on itself" if own > weight else ""
    return (
        f"Of the other pieces, {quoted(reading.focus)} gives {quoted(strongest)} the most weight, "
        f"{format_number(weight)}{keeps}."
    )


def paths_line(lesson) -> str:
    """The focus word's two vectors, first and last layer: apart, together or the same, and how."""
    cosines = [float(c) for c in lesson.cosines]
    first, last = format_number(cosines[0]), format_number(cosines[-1])
    shown = [round(c, 2) for c in cosines]  # as written: a change too small to show is no step
    word = quoted(lesson.readings[0].focus)
    if lesson.readings[0].focus != lesson.readings[1].focus:
        word = f"{quoted(lesson.readings[0].focus)} and {quoted(lesson.readings[1].focus)}"
    if first == last:
        return f"The vectors of {word} in the two sentences end as alike as they start."
    apart = cosines[-1] < cosines[0]
    steady = all((b < a) if apart else (b > a) for a, b in zip(shown, shown[1:]))
    way = "move apart" if apart else "come closer"
    how = "layer by layer" if steady else "though not at every layer"
    return f"The vectors of {word} in the two sentences {way}, {how}: cosine {last} after layer {lesson.layers}."


def start_line(lesson) -> str:
    """Why the two vectors do not start at cosine 1: layer 0 is the token plus its position."""
    first = format_number(lesson.cosines[0])
    if lesson.readings[0].focus != lesson.readings[1].focus:
        return f"Before layer 1, each vector is its piece's embedding plus its position: cosine {first}."
    if first == format_number(1.0):
        return "Before layer 1, each vector is the piece's embedding plus its position: here, the same."
    return (
        f"Before layer 1, each vector is the piece's embedding plus its position, so the two start "
        f"at cosine {first}, not 1."
    )


def real_model_lines(lesson) -> list[tuple[str, str]]:
    first = lesson.readings[0]
    added = sum(first.special)
    hardest = "pulls hardest toward a context word"
    chosen = {
        "auto": f"the head that {hardest} in both sentences",
        "example": "as the example asks",
        "layer": f"in the example's layer, the head that {hardest}",
        "head": f"the example's head, in the layer where it {hardest}",
    }[lesson.chosen_by]
    said = [
        (
            "realmodel.pieces",
            f"A real model, {lesson.model}, reads word pieces: {count_word(len(first.pieces))} "
            f"here, with {count_word(added)} markers it adds. Every piece has an embedding.",
        ),
        ("realmodel.head", f"Layer {lesson.layer}, head {lesson.head} of {count_word(lesson.heads)}: {chosen}."),
    ]
    for number, reading in enumerate(lesson.readings, start=1):
        said.append((f"realmodel.sentence-{number}", row_line(lesson, reading)))
    said.append(("realmodel.start", start_line(lesson)))
    said.append(("realmodel.paths", paths_line(lesson)))
    said.append(
        (
            "realmodel.heads",
            f"All {count_word(lesson.heads)} heads of layer {lesson.layer}: each looks at the sentence in its own way.",
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
