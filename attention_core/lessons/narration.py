"""The narration: every sentence the lecture says, one function per clip, read off its lesson.

A line is both a caption (shown, and written to the subtitles) and what the narrator says.
Its id is stable and names a recording in --voice-dir (`<id>.wav`), so a creator can record
their own voice line by line. Every number in a line is the lesson's, written as on screen;
every claim ("pulls hardest", "rises") is decided from the lesson's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..text import SYMBOLS, format_number, format_pair, quoted
from .base import Lesson

LINE_ID = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+$")  # also a safe file name
Q, K, V, O = (SYMBOLS[role] for role in ("query", "key", "value", "output"))  # written as on screen


@dataclass(frozen=True)
class Line(Lesson):
    id: str  # e.g. "gravity.sentence-1.pull"
    text: str  # the caption and the spoken sentence


@dataclass(frozen=True)
class ClipLesson(Lesson):
    """A lesson that one clip draws; `narration` holds its lines in the order they are said."""

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


# -- one function per clip ----------------------------------------------------------------


def intro_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("intro.title", lesson.title),
        ("intro.promise", "How attention re-reads a word in the light of its sentence."),
        ("intro.chapters", f"{count_word(len(lesson.chapters)).capitalize()} chapters, from words as points "
                           f"to {lesson.chapters[-1]}."),
    )


def pull_line(reading) -> str:
    """What one sentence does to its focus word, decided by its weights."""
    if reading.strongest_pull is None:
        return f"No other word here has an embedding: {quoted(reading.focus)} keeps its own point."
    weight = reading.weights[list(reading.tokens).index(reading.strongest_pull)]
    return (f"{quoted(reading.strongest_pull)} pulls hardest on {quoted(reading.focus)}, with weight "
            f"{format_number(weight)}: its context vector here is about {format_pair(reading.context)}.")


def closing_line(count: int) -> str:
    if count == 1:
        return "One token, one embedding; the context vector belongs to this sentence."
    return (f"One token, one embedding, {count_word(count)} contexts: the static embedding stays, "
            f"each sentence gives its own context vector.")


def gravity_lines(lesson) -> tuple[Line, ...]:
    said = [("gravity.plane", "Each word has one point in the plane: its embedding.")]
    for number, reading in enumerate(lesson.sentences, start=1):
        part = f"gravity.sentence-{number}"
        said.append((f"{part}.words", f"Sentence {number}: its words pull on {quoted(reading.focus)}; "
                                      "faded words have no embedding and take no part."))
        if reading.leaves_ghost:
            said.append((f"{part}.ghost", f"{quoted(reading.focus)} keeps its embedding (the faded dot). "
                                          "Attention makes a new dot: its context vector."))
        said.append((f"{part}.pull", pull_line(reading)))
    said.append(("gravity.closing", closing_line(len(lesson.sentences))))
    return lines(*said)


def softmax_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("softmax.scores", f"Scores of the words for {quoted(lesson.focus)} ({lesson.similarity}); "
                           "softmax turns them into weights that sum to 1."),
        ("softmax.slide", f"Slide the score of {quoted(lesson.tokens[lesson.swept])}: "
                          "the best word jumps, the weighted average glides."),
        ("softmax.temperature", "Temperature divides the scores: near 0 softmax is argmax; "
                                "large, every word weighs the same."),
        ("softmax.by-sum", "Why not divide by the sum? It can be 0 (no answer) and it can give a negative "
                           "weight. Softmax weights are always positive and sum to 1."),
    )


def rescore_line(lesson) -> str:
    """How the maps change the weight of the highlighted word: rises, falls or stays."""
    j = lesson.highlight
    before, after = lesson.weights_before[j], lesson.weights[j]
    shown_before, shown_after = format_number(before), format_number(after)
    verb = "stays at" if shown_before == shown_after else "rises from" if after > before else "falls from"
    change = shown_after if verb == "stays at" else f"{shown_before} to {shown_after}"
    return f"The maps change who matches: the weight of {quoted(lesson.tokens[j])} {verb} {change}."


def asymmetry_line(lesson) -> str:
    """Why two maps: the score of a pair depends on which word asks."""
    focus, other = lesson.tokens[lesson.focus_index], lesson.tokens[lesson.highlight]
    if lesson.highlight == lesson.focus_index:
        return f"Two maps, {Q} and {K}: a score depends on which word asks and which answers."
    return (f"Two maps, so a score depends on who asks: {quoted(focus)} asking {quoted(other)} scores "
            f"{format_number(lesson.focus_asks)}, {quoted(other)} asking {quoted(focus)} "
            f"{format_number(lesson.other_asks)}.")


def projection_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("projection.grids", "Two grids: the faint one and the axes are fixed; the blue one will move."),
        ("projection.query", f"{Q} moves every point: p \u2192 p {Q}. The axes stay where they are."),
        ("projection.key", f"{K} makes a key for every word, with its own map."),
        ("projection.rescore", rescore_line(lesson)),
        ("projection.asymmetry", asymmetry_line(lesson)),
        ("projection.value", f"{V} does not make the weights: it only moves what gets averaged."),
        ("projection.context", "The context vector is the weighted average of the values, drawn in V's "
                               f"space: about {format_pair(lesson.context)}."),
    )


def formula_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("formula.dots", "Q K\u1d40: the query of the focus word dotted with every key."),
        ("formula.scale", f"Divide by \u221ad\u2096 = \u221a{lesson.d_k} = {format_number(lesson.sqrt_d_k)}: "
                          "keeps the scores from growing with the width."),
        ("formula.softmax", "Softmax: the weights, positive and summing to 1. They come from Q and K only."),
        ("formula.values", "Then V: the weights average the values. The output is the word's context vector, "
                           f"about {format_pair(lesson.output)}."),
    )


def scaling_lines(lesson) -> tuple[Line, ...]:
    widest = lesson.rows[-1]
    return lines(
        ("scaling.spread", "The wider the vectors, the larger the dot products: their spread grows like \u221ad."),
        ("scaling.saturate", "Softmax of large scores saturates: at d = "
                             f"{widest.dimension} the largest of {count_word(len(widest.row_raw))} weights is "
                             f"{format_number(widest.max_raw)}."),
        ("scaling.divide", "Divide by \u221ad\u2096: the spread is about 1 for every width, "
                           f"and softmax spreads out again; the largest weight at d = {widest.dimension} "
                           f"is now {format_number(widest.max_scaled)}."),
    )


def multihead_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("multihead.heads", f"Each of the {count_word(len(lesson.heads))} heads has its own maps, "
                            "so each pulls the word somewhere else."),
        ("multihead.split", "One softmax row sums to 1: a single head must split its attention."),
        ("multihead.concat", "The outputs of the heads, side by side, make one longer vector."),
        ("multihead.output-map", f"{O} is a linear layer: each head's rows decide how much of its output is kept."),
        ("multihead.sum", "The heads' contributions add up to the output, about "
                          f"{format_pair(lesson.output)}: no head decides alone."),
    )


def mask_lines(lesson) -> tuple[Line, ...]:
    return lines(
        ("mask.self", "Self-attention: each row is one word asking; each column a word it can look at."),
        ("mask.causal", "A decoder writes left to right, so the future is masked: those weights are 0, "
                        "and each row still sums to 1."),
        ("mask.cross", "Cross-attention: the decoder asks (Q), the encoder's sentence answers (K, V)."),
    )


def parallel_lines(lesson) -> tuple[Line, ...]:
    n = len(lesson.tokens)
    everyone = {1: "the one word looks at itself and is updated",
                2: "both words look at each other and are updated together"}.get(
        n, f"all {count_word(n)} words look at each other and are updated together")
    words, steps = ("one word", "one step") if n == 1 else (f"{count_word(n)} words", f"{count_word(n)} steps")
    return lines(
        ("parallel.attention", f"Attention: {everyone}, in one step."),
        ("parallel.recurrent", "A recurrent network must read word by word: each state needs the one before. "
                               f"{words.capitalize()}, {steps}."),
        ("parallel.positions", "With no recurrence, word order must be added: positional information goes into "
                               "each embedding before attention."),
    )


def history_lines(lesson) -> tuple[Line, ...]:
    first, last = lesson.entries[0], lesson.entries[-1]
    return lines(
        ("history.years", f"{first.year}: attention helped an RNN translate. "
                          f"{last.year}: attention became the whole model."),
        ("history.scaling", f"With d\u2096 = {lesson.d_k} per head, scores are divided by "
                            f"{format_number(lesson.sqrt_d_k)}: a score of {format_number(lesson.raw_score)} "
                            f"becomes {format_number(lesson.scaled_score)}."),
    )


def row_line(lesson, reading) -> str:
    """Where the focus piece looks at the chosen head, decided by its weights."""
    strongest = reading.pieces[reading.strongest]
    weight = reading.weights[reading.strongest]
    own = reading.weights[reading.focus_index]
    keeps = f"; it keeps {format_number(own)} on itself" if own > weight else ""
    return (f"Of the other pieces, {quoted(reading.focus)} gives {quoted(strongest)} the most weight, "
            f"{format_number(weight)}{keeps}.")


def paths_line(lesson) -> str:
    """The focus word's two vectors, first and last layer: apart, together or the same."""
    first, last = format_number(lesson.cosines[0]), format_number(lesson.cosines[-1])
    word = quoted(lesson.readings[0].focus)
    if lesson.readings[0].focus != lesson.readings[1].focus:
        word = f"{quoted(lesson.readings[0].focus)} and {quoted(lesson.readings[1].focus)}"
    if first == last:
        trend = f"stay as alike as they start, cosine {first}"
    elif lesson.cosines[-1] < lesson.cosines[0]:
        trend = f"move apart: cosine {first} at the start, {last} after layer {lesson.layers}"
    else:
        trend = f"come closer: cosine {first} at the start, {last} after layer {lesson.layers}"
    return f"Layer by layer, the vectors of {word} in the two sentences {trend}."


def real_model_lines(lesson) -> tuple[Line, ...]:
    first = lesson.readings[0]
    added = sum(first.special)
    hardest = "pulls hardest toward a context word"
    chosen = {"auto": f"the head that {hardest} in both sentences",
              "example": "as the example asks",
              "layer": f"in the example's layer, the head that {hardest}",
              "head": f"the example's head, in the layer where it {hardest}"}[lesson.chosen_by]
    said = [
        ("realmodel.pieces", f"A real model, {lesson.model}, reads word pieces: {count_word(len(first.pieces))} "
                             f"here, {count_word(added)} of them markers it adds, [CLS] and [SEP]."),
        ("realmodel.head", f"Layer {lesson.layer}, head {lesson.head} of {count_word(lesson.heads)}: {chosen}."),
    ]
    for number, reading in enumerate(lesson.readings, start=1):
        said.append((f"realmodel.sentence-{number}", row_line(lesson, reading)))
    said.append(("realmodel.paths", paths_line(lesson)))
    said.append(("realmodel.heads", f"All {count_word(lesson.heads)} heads of layer {lesson.layer}: "
                                    "each looks at the sentence in its own way."))
    return lines(*said)


def attach(lesson: ClipLesson, script) -> ClipLesson:
    """`lesson` with its narration, which `script` reads off the finished lesson."""
    return replace(lesson, narration=script(lesson))
