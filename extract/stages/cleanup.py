"""Stage 1: clean leftover wiki markup out of a raw plot synopsis.

``clean(raw)`` returns the clean prose, an :class:`OffsetMap` from clean offsets back to raw
offsets, and the actor parentheticals it took out of the prose ("Raj (Raj Kiran)") as
:class:`ActorNote` records. It never raises and runs in linear time, in three passes:

1. markup: ``[[ ]]`` and ``{{ }}`` pairs are matched once with a stack, then one left-to-right
   scanner renders links, templates, refs, comments, HTML tags, bold/italic quotes and entities
   into pieces that remember the raw offset they came from (unbalanced openers never cause a
   rescan: every lookahead is bounded or stops at the next opener);
2. layout: space runs collapse, spaces before ``, . ; : ! ? )`` and after ``(`` go, empty ``()``
   go, headings and extra blank lines go;
3. actors: actor parentheticals right after a character name are removed and recorded, and
   bare web addresses (what is left of a cut reference) and citation marks ("[3]", "[citation
   needed]") go.

Passes 2 and 3 only select characters of the text before them, so the offset map is composed
once at the end.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from html import unescape
from html.entities import html5

from extract.lexicons import (
    MODELS_DIR,
    function_words,
    honorifics,
    is_first_name,
    person_nouns,
    role_nouns,
    surnames,
)

TEMPLATES_PATH = MODELS_DIR / "rules" / "wiki_templates.tsv"


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class ActorNote:
    """An actor parenthetical removed from the prose, e.g. ``Raj (Raj Kiran)``."""

    anchor: int  # clean offset right after the character name
    character: str  # the character name ending at ``anchor`` ("" if none)
    actor: str  # the actor's name, markup removed


class OffsetMap:
    """Maps clean offsets to raw offsets.

    Stored as sorted segments (clean_start, raw_start, copied), looked up by bisection.

    Within a segment, clean offset i maps to ``raw_start + (i - clean_start)``. Synthesised
    characters get one-character segments with ``copied=False`` that point at their markup.
    """

    __slots__ = ("_clean_starts", "_raw_starts", "_copied", "_length", "_raw_end")

    def __init__(
        self, segments: Sequence[tuple[int, int, bool]], length: int, raw_end: int
    ) -> None:
        """``segments`` cover [0, length); ``raw_end`` is what offset ``length`` maps to."""
        self._clean_starts = [segment[0] for segment in segments]
        self._raw_starts = [segment[1] for segment in segments]
        self._copied = [bool(segment[2]) for segment in segments]
        self._length = length
        self._raw_end = raw_end

    def __len__(self) -> int:
        """Length of the clean text the map belongs to."""
        return self._length

    def raw_offset(self, clean_offset: int) -> int:
        """Raw offset of a clean offset; ``len(text)`` maps to the raw end of the last char."""
        if not 0 <= clean_offset <= self._length:
            raise IndexError(f"clean offset {clean_offset} outside [0, {self._length}]")
        if clean_offset == self._length:
            return self._raw_end
        k = bisect_right(self._clean_starts, clean_offset) - 1
        return self._raw_starts[k] + clean_offset - self._clean_starts[k]

    def clean_offset_from(self, raw_offset: int) -> int:
        """The first clean offset whose raw offset is `raw_offset` or after it."""
        k = bisect_right(self._raw_starts, raw_offset) - 1
        if k < 0:
            return 0
        starts = self._clean_starts
        segment_end = starts[k + 1] if k + 1 < len(starts) else self._length
        into = raw_offset - self._raw_starts[k]
        if self._copied[k] and into < segment_end - starts[k]:
            return starts[k] + into
        return segment_end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of the clean span [start, end); an empty span stays empty."""
        if start > end:
            raise ValueError(f"span start {start} after end {end}")
        raw_start = self.raw_offset(start)
        if start == end:
            return raw_start, raw_start
        return raw_start, self.raw_offset(end - 1) + 1

    def is_copied(self, clean_offset: int) -> bool:
        """True when the clean char at ``clean_offset`` is a verbatim copy of its raw char."""
        if not 0 <= clean_offset < self._length:
            return False
        return self._copied[bisect_right(self._clean_starts, clean_offset) - 1]

    def to_list(self) -> list[list]:
        """``[[clean_start, raw_start, copied], ...]``; the last row is the end sentinel
        ``[len(text), raw_end, False]``."""
        rows = [
            [clean, raw, copied]
            for clean, raw, copied in zip(
                self._clean_starts, self._raw_starts, self._copied, strict=True
            )
        ]
        rows.append([self._length, self._raw_end, False])
        return rows

    @classmethod
    def from_list(cls, data: Sequence[Sequence]) -> OffsetMap:
        """Inverse of :meth:`to_list`."""
        *segments, (length, raw_end, _) = data
        return cls([(int(c), int(r), bool(k)) for c, r, k in segments], int(length), int(raw_end))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self.to_list() == other.to_list()

    def __hash__(self) -> int:
        return hash((tuple(self._clean_starts), tuple(self._raw_starts), self._length))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._clean_starts)} segments, length={self._length})"


@dataclass(frozen=True)
class CleanText:
    """The clean text of a synopsis, its map back to the raw text, and the actors taken out."""

    text: str
    offsets: OffsetMap
    actors: tuple[ActorNote, ...]
    closed_quotes: tuple[int, ...] = ()  # where a typeset closing quote was read as italics


def clean(raw: str) -> CleanText:
    """Turn a raw synopsis with wiki markup into clean prose (see the module docstring)."""
    s, pieces, kinds = _render_markup(raw)
    slices, gaps, marks = _Layout(s).run()
    t_starts, s_starts, t1 = _index_slices(s, slices)

    def kind_at(t: int) -> int:
        k = bisect_right(t_starts, t) - 1
        return kinds.kind_at(s_starts[k] + t - t_starts[k])

    link_starts = []
    for s_pos in kinds.unterminated_starts():
        k = bisect_right(s_starts, s_pos) - 1
        if k >= 0 and s_pos < slices[k][1]:
            link_starts.append(t_starts[k] + s_pos - s_starts[k])

    remover = _ActorRemover(t1, frozenset(gaps), frozenset(marks), kind_at)
    removals = _tidy_removals(
        t1, sorted([*remover.run(link_starts), *_bare_urls(t1), *_citation_marks(t1)])
    )
    final = _subtract(slices, t_starts, removals)
    text = "".join([s[a:b] for a, b in final])
    offsets = _offset_map(final, pieces, len(text))
    actors = _place_notes(text, remover.notes, removals)
    closed = tuple(offsets.clean_offset_from(end) for end in _typeset_closing_quote_ends(raw))
    return CleanText(text, offsets, actors, closed)


# --------------------------------------------------------------------------- characters


def _char_rewrites() -> dict[int, str | None]:
    """Chars never copied: CR -> LF, other whitespace -> space, controls and invisibles -> gone."""
    rewrites: dict[int, str | None] = {}
    for code in range(0x3001):
        char = chr(code)
        if char in "\n ":
            continue
        if char == "\r":
            rewrites[code] = "\n"
        elif char.isspace():
            rewrites[code] = " "
        elif unicodedata.category(char) == "Cc":
            rewrites[code] = None
    invisible = [0xAD, 0x200B, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F)]
    invisible += [*range(0x2060, 0x2065), *range(0x2066, 0x206A)]
    rewrites.update(dict.fromkeys(invisible))
    return rewrites


_CHAR_REWRITES = _char_rewrites()
_REWRITTEN_CLASS = "".join(re.escape(chr(code)) for code in sorted(_CHAR_REWRITES))

_TEXT, _LINK, _UNTERMINATED_LINK = 0, 1, 2  # what a piece of pass-1 output came from


# --------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class _TemplateRule:
    """How one template renders: literal strings, positional argument numbers, optional groups."""

    parts: tuple[str | int | tuple[str | int, ...], ...]
    values: dict[int, dict[str, str]]

    @property
    def required(self) -> list[int]:
        return [part for part in self.parts if isinstance(part, int)]

    def parts_for(self, present: Callable[[int], bool]) -> Iterator[str | int]:
        """The parts to render, given which arguments are present."""
        for part in self.parts:
            if not isinstance(part, tuple):
                yield part
            elif all(present(n) for n in part if isinstance(n, int)):
                yield from part


def _parse_output(pattern: str) -> tuple[str | int | tuple[str | int, ...], ...]:
    """Parse an output pattern such as ``₹$1[ $2]``; literals are entity-decoded."""
    parts: list = []
    group: list | None = None
    literal: list[str] = []

    def flush() -> None:
        if literal:
            text = unescape("".join(literal)).translate(_CHAR_REWRITES)
            (parts if group is None else group).append(text)
            literal.clear()

    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "$" and pattern[i + 1 : i + 2].isdigit() and pattern[i + 1] != "0":
            flush()
            (parts if group is None else group).append(int(pattern[i + 1]))
            i += 2
            continue
        if char == "[" and group is None:
            flush()
            group = []
        elif char == "]" and group is not None:
            flush()
            parts.append(tuple(group))
            group = None
        elif char in "[]":
            raise ValueError(f"unbalanced [ ] in template output {pattern!r}")
        else:
            literal.append(char)
        i += 1
    if group is not None:
        raise ValueError(f"unbalanced [ ] in template output {pattern!r}")
    flush()
    numbers = [n for part in parts for n in (part if isinstance(part, tuple) else (part,))]
    numbers = [n for n in numbers if isinstance(n, int)]
    if numbers != sorted(set(numbers)):
        raise ValueError(f"arguments must appear once, in increasing order: {pattern!r}")
    return tuple(parts)


def _parse_values(spec: str) -> dict[int, dict[str, str]]:
    """Parse ``2:l=lakh,c=crore;3:...``."""
    values: dict[int, dict[str, str]] = {}
    for group in filter(None, (g.strip() for g in spec.split(";"))):
        number, _, pairs = group.partition(":")
        table = values.setdefault(int(number), {})
        for pair in filter(None, (p.strip() for p in pairs.split(","))):
            key, _, value = pair.partition("=")
            table[key.strip().lower()] = value
    return values


def _template_key(name: str) -> str | None:
    """MediaWiki-style normalised template name, or None when it cannot be a plain name."""
    if len(name) > 100 or any(char in name for char in "{}[]<>\n"):
        return None
    name = " ".join(name.replace("_", " ").split())
    if name[:9].lower() == "template:":
        name = name[9:].lstrip()
    return name[:1].upper() + name[1:]


@cache
def _template_rules() -> tuple[dict[str, _TemplateRule], tuple[tuple[str, _TemplateRule], ...]]:
    """Load models/rules/wiki_templates.tsv once: (rules by name, rules by name prefix)."""
    exact: dict[str, _TemplateRule] = {}
    prefixed: list[tuple[str, _TemplateRule]] = []
    lines = TEMPLATES_PATH.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    if not rows or rows[0].split("\t")[:2] != ["template", "output"]:
        raise ValueError(f"{TEMPLATES_PATH}: missing header 'template<TAB>output<TAB>values'")
    for row in rows[1:]:
        name, output, values = (row.split("\t") + ["", ""])[:3]
        rule = _TemplateRule(_parse_output(output), _parse_values(values))
        key = _template_key(name.rstrip("*"))
        if not key:
            raise ValueError(f"{TEMPLATES_PATH}: bad template name {name!r}")
        if name.endswith("*"):
            prefixed.append((key, rule))
        else:
            exact[key] = rule
    return exact, tuple(prefixed)


def _template_rule(name: str) -> _TemplateRule | None:
    key = _template_key(name)
    if not key:
        return None
    exact, prefixed = _template_rules()
    rule = exact.get(key)
    if rule is None:
        rule = next((r for prefix, r in prefixed if key.startswith(prefix)), None)
    return rule


# --------------------------------------------------------------------------- pass 1: markup

_TOP_SPECIAL = re.compile("[" + r"\[\]{}<&|" + _REWRITTEN_CLASS + "]|''")
_FRAME_SPECIAL = re.compile("[" + r"\[\]{}<&|=" + _REWRITTEN_CLASS + "]|''")
_BRACKET_TOKEN = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|")
_BAD_LINK_TARGET = re.compile(r"[\[\]{}<>\n\r]|  ")
_LINK_TARGET = re.compile(r"(?:[^\[\]{}<>|\n ]| (?! )){0,255}+")
_TEMPLATE_NAME = re.compile(r"[^|{}\[\]<\n]*+")
_EXT_LINK = re.compile(r"\[(?:https?://|ftp://|//|mailto:)[^\s\[\]<>{}|\"]*+")
_EXT_LABEL = re.compile(r"[ \t]++([^\[\]{}<|\n]*+)\]")
_QUOTE_RUN = re.compile(r"'{2,}+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}+|#[xX][0-9A-Fa-f]{1,6}+|[A-Za-z][A-Za-z0-9]{1,31}+);")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,15}+)(?![A-Za-z0-9])[^<>]{0,500}+>")
_REMOVED_ELEMENTS = (
    "ref|gallery|math|chem|score|timeline|syntaxhighlight|source|templatedata|graph|imagemap"
    "|mapframe|maplink"
)
_REMOVED_START = re.compile(
    r"<!--|<(/?)(" + _REMOVED_ELEMENTS + r")(?![A-Za-z0-9])[^<>]{0,500}+>", re.IGNORECASE
)
_ELEMENT_END = re.compile(r"</(" + _REMOVED_ELEMENTS + r")\s{0,20}+>", re.IGNORECASE)
_HTML_TAGS = frozenset(
    "abbr b bdi bdo big blockquote br caption center cite code data dd del dfn div dl dt em font"
    " h1 h2 h3 h4 h5 h6 hr i ins kbd li mark nowiki ol p poem pre q rp rt ruby s samp small span"
    " strike strong sub sup table td th time tr tt u ul var wbr references onlyinclude"
    " includeonly noinclude".split()
)
_BREAK_TAGS = frozenset("br p div hr li dd dt td th tr blockquote caption".split())
_NOT_IN_LINK_TARGET = frozenset(("", *"[]{}<>|\n"))
_DROPPED_NAMESPACES = ("file:", "image:", "category:", "media:")


def _removed_ranges(raw: str) -> dict[int, int]:
    """Comments and elements removed with their content (refs, galleries...): start -> end.

    An unterminated ``<!--`` or ``<ref>`` loses only its opening tag, never the rest of the text.
    """
    comment_ends = [m.start() for m in re.finditer("-->", raw)]
    element_ends: dict[str, tuple[list[int], list[int]]] = {}
    for m in _ELEMENT_END.finditer(raw):
        starts, ends = element_ends.setdefault(m.group(1).lower(), ([], []))
        starts.append(m.start())
        ends.append(m.end())
    ranges: dict[int, int] = {}
    covered = 0
    for m in _REMOVED_START.finditer(raw):
        start = m.start()
        if start < covered:
            continue
        token = m.group()
        end = m.end()
        if token == "<!--":
            k = bisect_left(comment_ends, start + 4)
            if k < len(comment_ends):
                end = comment_ends[k] + 3
        elif not m.group(1) and not token[:-1].rstrip().endswith("/"):
            starts, ends = element_ends.get(m.group(2).lower(), ([], []))
            k = bisect_left(starts, m.end())
            if k < len(starts):
                end = ends[k]
        ranges[start] = end
        covered = end
    return ranges


def _match_brackets(
    raw: str, removed: dict[int, int]
) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """Match ``{{ }}`` and ``[[ ]]`` with one stack.

    Returns template opener -> closer, and link opener -> (closer, first pipe or -1) for links
    whose target is plausible. A closer pops unmatched openers of the other kind on its way.
    """
    removed_starts = sorted(removed)
    next_removed = 0
    stack: list[list[int]] = []  # [is_link, opener, first pipe]
    open_count = [0, 0]  # templates, links on the stack
    templates: dict[int, int] = {}
    links: dict[int, tuple[int, int]] = {}
    for m in _BRACKET_TOKEN.finditer(raw):
        pos = m.start()
        while next_removed < len(removed_starts) and removed[removed_starts[next_removed]] <= pos:
            next_removed += 1
        if next_removed < len(removed_starts) and removed_starts[next_removed] <= pos:
            continue
        token = m.group()
        if token == "|":
            if stack and stack[-1][2] < 0:
                stack[-1][2] = pos
        elif token in ("[[", "{{"):
            is_link = int(token == "[[")
            stack.append([is_link, pos, -1])
            open_count[is_link] += 1
        else:
            is_link = int(token == "]]")
            if not open_count[is_link]:
                continue
            while True:
                kind, opener, pipe = stack.pop()
                open_count[kind] -= 1
                if kind == is_link:
                    break
            if not is_link:
                templates[opener] = pos
            elif _plausible_link_target(raw, opener, pipe if pipe >= 0 else pos):
                links[opener] = (pos, pipe)
    return templates, links


def _plausible_link_target(raw: str, opener: int, end: int) -> bool:
    target = raw[opener + 2 : end]
    return 0 < len(target) <= 255 and not target.isspace() and not _BAD_LINK_TARGET.search(target)


def _quote_literals(raw: str) -> dict[int, int]:
    """Bold/italic quote runs that keep literal apostrophes: run start -> how many.

    Follows MediaWiki per line: ``''''`` is ``'`` + bold, 6+ quotes keep the extras, and when a
    line has an odd number of both bold and italic runs one bold run becomes ``'`` + italic.
    """
    literals: dict[int, int] = {}
    line: list[tuple[int, int]] = []
    previous_end = 0
    for m in _QUOTE_RUN.finditer(raw):
        if line and raw.find("\n", previous_end, m.start()) >= 0:
            _resolve_quote_line(raw, line, literals)
            line = []
        line.append(m.span())
        previous_end = m.end()
    if line:
        _resolve_quote_line(raw, line, literals)
    return literals


def _typeset_closing_quote_ends(raw: str) -> list[int]:
    """Where two quotes end that close a quotation two backquotes opened on their line, as
    typeset English writes quotations (``Let It Go''). MediaWiki reads them as italics, and so
    does the cleanup; coref is told where they were (`CleanText.closed_quotes`)."""
    ends = []
    line_start = closed = 0
    for m in _QUOTE_RUN.finditer(raw):
        newline = raw.rfind("\n", line_start, m.start())
        if newline >= 0:
            line_start, closed = newline + 1, 0
        if m.end() - m.start() == 2 and raw.count("``", line_start, m.start()) > closed:
            ends.append(m.end())
            closed += 1
    return ends


def _resolve_quote_line(raw: str, runs: list[tuple[int, int]], literals: dict[int, int]) -> None:
    kept = []
    for start, end in runs:
        length = end - start
        literal = 1 if length == 4 else max(0, length - 5)
        kept.append([start, literal, length - literal])
    italics = sum(1 for _, _, length in kept if length in (2, 5))
    bolds = sum(1 for _, _, length in kept if length in (3, 5))
    if italics % 2 and bolds % 2:
        best: dict[str, list[int]] = {}
        for run in kept:
            if run[2] != 3:
                continue
            before = run[0] + run[1]
            x1 = raw[before - 1] if before >= 1 else " "
            x2 = raw[before - 2] if before >= 2 else " "
            kind = "space" if x1 in " \n" else "single" if x2 in " \n" else "multi"
            best.setdefault(kind, run)
        run = best.get("single") or best.get("multi") or best.get("space")
        if run:
            run[1] += 1
    for start, literal, _ in kept:
        if literal:
            literals[start] = literal


def _decode_entity(token: str) -> str | None:
    """``&amp;`` -> ``&``, ``&#8377;`` -> ``₹``; None when it is no entity."""
    body = token[1:-1]
    if body[0] != "#":
        return html5.get(body + ";")
    code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


class _Frame:
    """An open ``[[ ]]`` or ``{{ }}`` pair whose closer is known; collects its arguments."""

    __slots__ = ("is_link", "open", "close", "args", "pipes", "named", "nonempty")

    def __init__(self, is_link: bool, open_pos: int, close_pos: int) -> None:
        self.is_link = is_link
        self.open = open_pos
        self.close = close_pos
        self.args: list[list] = [[]]  # output items of each argument (name/target first)
        self.pipes: list[int] = []  # raw offset of the pipe before each argument after the first
        self.named: list[bool] = [False]  # argument has a top-level "=" (key=value)
        self.nonempty: list[bool] = [False]  # argument renders some non-space text


class _KindIndex:
    """Intervals of pass-1 output that came from link text."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[int] = []

    def add(self, start: int, end: int, kind: int) -> None:
        if self.ends and self.ends[-1] == start and self.kinds[-1] == kind:
            self.ends[-1] = end
        else:
            self.starts.append(start)
            self.ends.append(end)
            self.kinds.append(kind)

    def kind_at(self, pos: int) -> int:
        k = bisect_right(self.starts, pos) - 1
        return self.kinds[k] if k >= 0 and pos < self.ends[k] else _TEXT

    def unterminated_starts(self) -> list[int]:
        return [s for s, k in zip(self.starts, self.kinds, strict=True) if k == _UNTERMINATED_LINK]


class _MarkupScanner:
    """Pass 1: one left-to-right scan that renders markup into output items.

    An item is a piece ``(raw_start, text, copied, kind)`` or a nested list of items (what a
    closed link or template rendered to), so closing a frame never copies its content.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.removed = _removed_ranges(raw)
        self.template_close, self.link_close = _match_brackets(raw, self.removed)
        self.quote_literals = _quote_literals(raw)
        self.root: list = []
        self.frames: list[_Frame] = []
        self.link_depth = 0
        self.mark_until = -1  # raw offset up to which copied text is an unterminated link's name
        self.ext_close = -1  # raw offset of the "]" that closes the open external link

    def run(self) -> list:
        raw = self.raw
        frames = self.frames
        i = 0
        while i < len(raw):
            while frames and i > frames[-1].close:
                self._close_frame()
            m = (_FRAME_SPECIAL if frames else _TOP_SPECIAL).search(raw, i)
            j = m.start() if m else len(raw)
            if j > i:
                self._copy(i, j)
            if m is None:
                break
            i = self._special(j)
        while frames:
            self._close_frame()
        return self.root

    # output

    def _append(self, item: tuple | list, nonempty: bool) -> None:
        if self.frames:
            frame = self.frames[-1]
            frame.args[-1].append(item)
            if nonempty:
                frame.nonempty[-1] = True
        else:
            self.root.append(item)

    def _copy(self, start: int, end: int) -> None:
        raw = self.raw
        if self.link_depth:
            kind = _LINK
        elif start < self.mark_until:
            cut = min(end, self.mark_until)
            self._append((start, raw[start:cut], True, _UNTERMINATED_LINK), True)
            start, kind = cut, _TEXT
            if start == end:
                return
        else:
            kind = _TEXT
        text = raw[start:end]
        self._append((start, text, True, kind), not text.isspace())

    def _synth(self, pos: int, text: str) -> None:
        self._append((pos, text, False, _LINK if self.link_depth else _TEXT), not text.isspace())

    # dispatch

    def _special(self, j: int) -> int:
        char = self.raw[j]
        if char == "[":
            return self._open_square(j)
        if char == "{":
            return self._open_curly(j)
        if char in "]}":
            return self._close_bracket(j)
        if char == "|":
            return self._pipe(j)
        if char == "<":
            return self._angle(j)
        if char == "&":
            return self._entity(j)
        if char == "'":
            return self._quotes(j)
        if char == "=":
            return self._equals(j)
        if char == "\r" and self.raw.startswith("\n", j + 1):
            return j + 1
        rewrite = _CHAR_REWRITES[ord(char)]
        if rewrite:
            self._synth(j, rewrite)
        return j + 1

    def _open_square(self, j: int) -> int:
        raw = self.raw
        if raw.startswith("[[", j):
            link = self.link_close.get(j)
            if link is None:
                return self._unterminated_link(j)
            close, pipe = link
            target = raw[j + 2 : pipe if pipe >= 0 else close].strip().lower()
            if target.startswith(_DROPPED_NAMESPACES):
                return close + 2
            self.frames.append(_Frame(True, j, close))
            self.link_depth += 1
            return j + 2
        m = _EXT_LINK.match(raw, j)
        if m is None:
            self._copy(j, j + 1)
            return j + 1
        if raw.startswith("]", m.end()):
            return m.end() + 1
        label = _EXT_LABEL.match(raw, m.end())
        if label is None:
            return m.end()
        self.ext_close = label.end() - 1
        return label.start(1)

    def _unterminated_link(self, j: int) -> int:
        """``[[X`` without its ``]]``: drop the brackets (and ``target|``), keep the name."""
        raw = self.raw
        start = j + 2
        if raw[start : start + 1] in _NOT_IN_LINK_TARGET:
            return start
        target_end = _LINK_TARGET.match(raw, start).end()
        if target_end > start and raw.startswith("|", target_end):
            start = target_end + 1
        name_end = _name_run(raw, start)[0]
        if name_end > start:
            self.mark_until = name_end
        return start

    def _open_curly(self, j: int) -> int:
        raw = self.raw
        if not raw.startswith("{{", j):
            self._copy(j, j + 1)
            return j + 1
        close = self.template_close.get(j)
        if close is not None:
            self.frames.append(_Frame(False, j, close))
            return j + 2
        end = _TEMPLATE_NAME.match(raw, j + 2).end()
        return end + 1 if raw.startswith("|", end) else end

    def _close_bracket(self, j: int) -> int:
        if self.frames and self.frames[-1].close == j:
            self._close_frame()
            return j + 2
        if j == self.ext_close:
            self.ext_close = -1
            return j + 1
        if self.raw.startswith(("]]", "}}"), j):
            return j + 2
        self._copy(j, j + 1)
        return j + 1

    def _pipe(self, j: int) -> int:
        if not self.frames:
            self._synth(j, " ")
            return j + 1
        frame = self.frames[-1]
        frame.args.append([])
        frame.pipes.append(j)
        frame.named.append(False)
        frame.nonempty.append(False)
        return j + 1

    def _equals(self, j: int) -> int:
        if self.frames and not self.frames[-1].is_link and len(self.frames[-1].args) > 1:
            self.frames[-1].named[-1] = True
        self._copy(j, j + 1)
        return j + 1

    def _angle(self, j: int) -> int:
        end = self.removed.get(j)
        if end is not None:
            return end
        m = _HTML_TAG.match(self.raw, j)
        if m is None or m.group(1).lower() not in _HTML_TAGS:
            self._copy(j, j + 1)
            return j + 1
        if m.group(1).lower() in _BREAK_TAGS:
            self._synth(j, " ")
        return m.end()

    def _entity(self, j: int) -> int:
        m = _ENTITY.match(self.raw, j)
        decoded = _decode_entity(m.group()) if m else None
        if decoded is None:
            self._copy(j, j + 1)
            return j + 1
        text = decoded.translate(_CHAR_REWRITES)
        if text:
            self._synth(j, text)
        return m.end()

    def _quotes(self, j: int) -> int:
        literal = self.quote_literals.get(j, 0)
        if literal:
            self._copy(j, j + literal)
        return _QUOTE_RUN.match(self.raw, j).end()

    # frames

    def _close_frame(self) -> None:
        frame = self.frames.pop()
        if frame.is_link:
            self.link_depth -= 1
            items, nonempty = self._render_link(frame)
        else:
            items, nonempty = self._render_template(frame)
        if items:
            self._append(items, nonempty)

    def _render_link(self, frame: _Frame) -> tuple[list, bool]:
        """``[[target|label]]`` -> label; ``[[target]]`` and ``[[target|]]`` -> target."""
        if len(frame.args) > 1 and frame.nonempty[-1]:
            return frame.args[-1], True
        target = frame.args[0]
        if target and isinstance(target[0], tuple) and target[0][1].startswith(":"):
            pos, text, copied, kind = target[0]
            target[0] = (pos + 1, text[1:], copied, kind)
        return target, frame.nonempty[0]

    def _render_template(self, frame: _Frame) -> tuple[list, bool]:
        """Render through its rule in wiki_templates.tsv; unknown templates render nothing."""
        raw = self.raw
        rule = _template_rule(raw[frame.open + 2 : frame.pipes[0] if frame.pipes else frame.close])
        if rule is None:
            return [], False
        positional = [k for k in range(1, len(frame.args)) if not frame.named[k]]

        def present(n: int) -> bool:
            return n <= len(positional) and frame.nonempty[positional[n - 1]]

        if not all(present(n) for n in rule.required):
            return [], False
        kind = _LINK if self.link_depth else _TEXT
        items: list = []
        nonempty = False
        boundary = frame.open  # raw offset that literal text after the last argument points at
        for part in rule.parts_for(present):
            if isinstance(part, str):
                items.append((boundary, part, False, kind))
                nonempty = nonempty or not part.isspace()
                continue
            k = positional[part - 1]
            start = frame.pipes[k - 1] + 1
            end = frame.pipes[k] if k < len(frame.pipes) else frame.close
            value = None
            if part in rule.values and end - start <= 40:
                value = rule.values[part].get(raw[start:end].strip().lower())
            items.append(frame.args[k] if value is None else (start, value, False, kind))
            nonempty = True
            boundary = end
        return items, nonempty


def _render_markup(raw: str) -> tuple[str, list[tuple[int, int, bool, int]], _KindIndex]:
    """Pass 1: the rendered text, its pieces ``(start, raw_start, copied, length)``, link kinds."""
    texts: list[str] = []
    pieces: list[tuple[int, int, bool, int]] = []
    kinds = _KindIndex()
    pos = 0
    stack = [iter(_MarkupScanner(raw).run())]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            raw_start, text, copied, kind = item
            if not text:
                continue
            texts.append(text)
            end = pos + len(text)
            last = pieces[-1] if pieces else None
            if copied and last and last[2] and last[1] + last[3] == raw_start:
                pieces[-1] = (last[0], last[1], True, last[3] + len(text))
            else:
                pieces.append((pos, raw_start, copied, len(text)))
            if kind:
                kinds.add(pos, end, kind)
            pos = end
        else:
            stack.pop()
    return "".join(texts), pieces, kinds


# --------------------------------------------------------------------------- names

_NAME_TOKEN = re.compile(r"(?:[^\W\d_]\.)++|[^\W\d_][\w'’\-]{0,39}+")  # "J.R." or a word
_PARTICLES = frozenset(
    "de da del della der den di du dos das van von bin binti ibn al el la le ter y".split()
)
_NOT_NAMES = frozenset(
    """A An The He She It They We I You His Her Hers Its Their Our My Your This That These Those
    There Here When While After Before Then Later Meanwhile However Although Though But And Or Nor
    So Yet If As At In On Of For From To With By Into Also See Known Both Each Every All Some
    Many One Two Three Part Chapter Act Scene Season Episode Film Book""".split()
)
# Alone, a date; in a longer name or before an actor, a name ("May McAvoy", "April (Joan Peers)").
_CALENDAR_WORDS = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
_NAME_SUFFIXES = function_words("name_suffix")
_NAME_ABBREVIATIONS = function_words("name_abbreviation")
_SUFFIX_BEFORE = re.compile(r"(?:,? )([A-Z][A-Za-z]{1,3})\.?$")  # " Jr." or ", Sr" before a "("
# "played by", "also played by", "played as an adult by", "played by an uncredited", "an
# uncredited", "unbilled" (an actor, group 1) or "as", "also", "billed as" before an actor's name
_ACTOR_PREFIX = re.compile(
    r"(?:(?:also |both |all )?"
    r"((?:[Pp]layed|[Pp]ortrayed|[Vv]oiced)(?: as an? [a-z]+)? by(?: an? (?:uncredited|unbilled))?"
    r"|(?:an? )?(?:uncredited|unbilled|top-billed))|[Aa]s|also|billed as) "
)


# what may follow an actor's name inside the parenthetical: an aside after a comma or a dash
# ("in a dual role", "aka ...", "credited as ..."), "again", a stray bracket of broken markup
_ACTOR_ASIDE = re.compile(r"(?:(?:,|\s[—–-])\s[^()\n]*|\sagain|\]+)?")


# a nickname in quotes inside a full name, before the family name: 'George "Gabby" Hayes'
_QUOTED_NICKNAME = re.compile(r"[\"“'‘][A-Z][\w.]*(?: [A-Z][\w.]*)?[\"”'’] (?=[A-Z])")


def _name_run(
    text: str, pos: int, is_gap: Callable[[int], bool] | None = None
) -> tuple[int, list[str]]:
    """Capitalised words from ``pos`` separated by single spaces ("Raj Kiran", "J. R. de Souza").

    Stops at a double space (or a space ``is_gap`` flags), a lower-case word or punctuation,
    after six words. Returns the end of the run and its words (particles only inside).
    """
    words: list[str] = []
    kept = 0
    end = pos
    while len(words) < 6:
        if kept and (nickname := _QUOTED_NICKNAME.match(text, pos)):  # George "Gabby" Hayes
            pos = nickname.end()
        m = _NAME_TOKEN.match(text, pos)
        if m is None:
            break
        word = m.group()
        particle = word in _PARTICLES
        if not (word[0].isupper() or (particle and kept)):
            break
        if word in _NAME_SUFFIXES and kept:  # "Jr." (or ", Jr.") closes the name
            end = m.end() + text.startswith(".", m.end())
            return end, [*words[:kept], text[m.start() : end]]
        words.append(word)
        pos = m.end()
        if word in _NAME_ABBREVIATIONS and text.startswith(". ", pos):  # "John St. Polis"
            words[-1], pos = word + ".", pos + 1
        if not particle:
            kept, end = len(words), pos
        if kept and text.startswith(", ", pos):  # ", Jr." after the name
            suffix = _NAME_TOKEN.match(text, pos + 2)
            if suffix is not None and suffix.group() in _NAME_SUFFIXES:
                pos += 2
                continue
        if pos + 1 < len(text) and text[pos] == " " and text[pos + 1] != " ":
            if is_gap and is_gap(pos):
                break
            pos += 1
        else:
            break
    return end, words[:kept]


def _is_person_name(words: list[str]) -> bool:
    """1-5 capitalised words, no acronym or function word, at least one full word; a month or
    a day only inside a longer name."""
    if not 1 <= len(words) <= 5:
        return False
    full_word = False
    for word in words:
        if word.rstrip(".") in _NAME_SUFFIXES:
            continue
        if word in _NOT_NAMES or (len(words) == 1 and word in _CALENDAR_WORDS):
            return False
        if len(word) > 1 and word.isupper() and "." not in word:
            return False
        full_word = full_word or (word[0].isupper() and not word.endswith("."))
    return full_word


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "'’-"


def _word_start(text: str, end: int) -> int:
    """Start of the word (at most 40 chars) ending at ``end``, or -1."""
    start = end
    while start > 0 and end - start < 40 and _is_word_char(text[start - 1]):
        start -= 1
    if start == end or (start > 0 and _is_word_char(text[start - 1])):
        return -1
    return start


def _is_character_word(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_NAMES and not (len(word) > 1 and word.isupper())


# --------------------------------------------------------------------------- pass 2: layout

_LAYOUT_CHUNK = re.compile(
    r"(?:[^ \n()\[\]{}']|'(?!'))++(?: (?![,.;:!?)])(?:[^ \n()\[\]{}']|'(?!'))++)*+"
)
_NO_SPACE_BEFORE = frozenset(",.;:!?)")
_SPACED_MARKS = frozenset(",.;:")  # kept as "marks" when a space before them is dropped


class _Layout:
    """Pass 2: select the chars of the pass-1 text that make normalised prose.

    Collapses space runs (remembering where a run was longer than one space: a "gap", the
    trace of removed text that pass 3 relies on), drops spaces before ``, . ; : ! ? )`` (and
    remembers the ``, . ; :`` that lost one: a "mark", the trace of a cut link) and after ``(``,
    empty ``()``, doubled ``[ ] { } '`` that removals glued together, heading lines,
    leading/trailing spaces and blank lines beyond one.
    """

    def __init__(self, s: str) -> None:
        self.s = s
        self.starts: list[int] = []  # kept slices of s: s[starts[k]:ends[k]]
        self.ends: list[int] = []
        self.gaps: list[int] = []  # offsets in the output of spaces that stand for a longer run
        self.marks: list[int] = []  # offsets in the output of ", . ; :" that lost a space before
        self.length = 0  # output length so far
        self.newlines: list[int] = []  # up to two line breaks waiting for the next line

    def run(self) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        s = self.s
        pos = 0
        while True:
            newline = s.find("\n", pos)
            self._line(pos, len(s) if newline < 0 else newline)
            if newline < 0:
                break
            if self.starts and len(self.newlines) < 2:
                self.newlines.append(newline)
            pos = newline + 1
        merged: list[tuple[int, int]] = []
        for a, b in zip(self.starts, self.ends, strict=True):
            if merged and merged[-1][1] == a:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        return merged, self.gaps, self.marks

    def _line(self, start: int, end: int) -> None:
        s, starts, ends, gaps, marks = self.s, self.starts, self.ends, self.gaps, self.marks
        length, newlines = self.length, self.newlines
        line_mark = (len(starts), len(gaps), len(marks), length, newlines)
        chunk = _LAYOUT_CHUNK.match
        last = ""  # last char output on this line ("" before the first)
        space = -1  # offset in s of a pending space
        gap = False  # the pending space stands for more than one space
        opens: list = []  # flat: per "(" output, the 8 state values before it, len(starts) after
        line_first = 0  # index in starts of the line's first slice
        line_start = 0  # output offset where the line's text starts
        pos = start
        while pos < end:
            m = chunk(s, pos, end)
            opening = False
            if m:
                a = pos
                b = pos = m.end()
                if space < 0 and last == "'" and s[a] == "'":
                    a += 1
                    if a == b:
                        continue
                char = s[a]
            else:
                char = s[pos]
                a = pos
                b = pos = pos + 1
                if char == " ":
                    if space < 0:
                        space = a
                    else:
                        gap = True
                    continue
                if char == "(":
                    opening = True
                    state = (len(starts), len(gaps), len(marks), length, newlines, last, space, gap)
                elif char == ")" and opens:
                    out_after = opens.pop()
                    state = opens[-8:]
                    del opens[-8:]
                    if out_after == len(starts):  # "()" with nothing kept inside: drop both
                        out_len, gaps_len, marks_len, length, newlines, last, space, gap = state
                        del starts[out_len:], ends[out_len:], gaps[gaps_len:], marks[marks_len:]
                        continue
                elif char != ")" and space < 0 and last == char:
                    continue  # "[[", "]]", "{{", "}}", "''" glued together by removals
            if not last:
                for newline in newlines:
                    starts.append(newline)
                    ends.append(newline + 1)
                length += len(newlines)
                newlines = []
                line_first, line_start = len(starts), length
            elif space >= 0 and last != "(" and char not in _NO_SPACE_BEFORE:
                starts.append(space)
                ends.append(space + 1)
                length += 1
                if gap:
                    gaps.append(length - 1)
            elif space >= 0 and last != "(" and char in _SPACED_MARKS:
                marks.append(length)  # "Young , and": the trace of a cut link, for pass 3
            space, gap = -1, False
            starts.append(a)
            ends.append(b)
            length += b - a
            last = s[b - 1]
            if opening:
                opens += state
                opens.append(len(starts))
        if last and length - line_start >= 3 and s[starts[line_first]] == s[ends[-1] - 1] == "=":
            # a heading ("== Plot ==") once markup is gone
            out_len, gaps_len, marks_len, length, newlines = line_mark
            del starts[out_len:], ends[out_len:], gaps[gaps_len:], marks[marks_len:]
        self.length, self.newlines = length, newlines


# --------------------------------------------------------------------------- pass 3: actors, urls

_PAREN_AFTER_WORD = re.compile(r"(?<=[\w'’.,\"”-]) ?\(")  # after a word, "Jr.", "Diane," or a quote
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_OPENING_QUOTES = ('"', "“", "'", "‘")
_CLOSING_QUOTES = frozenset("\"”'’")
# Text read after a candidate "(": short first (most names fit), at most the longest stretch
# an actor residue can need (prefix + six 40-char words + what follows).
_VIEW_LIMITS = (24, 96, 320)


# a wiki link's disambiguation left after an actor's name: "(Robert Ames (actor))"
_PERFORMER_WORDS = "|".join(sorted(function_words("performer_disambiguation")))
_DISAMBIGUATION = re.compile(rf" \((?:{_PERFORMER_WORDS})\)\)")
_LIST_SEPARATOR = re.compile(r",? and |, ")  # between the names of a list
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:,? and |, )$")
_LIST_END = re.compile(r"(?:, respectively)?\)")

_BARE_URL = re.compile(r" ?(?:https?://|ftp://|www\.)[^\s<>\[\]{}|\"]++")


def _bare_urls(text: str) -> list[tuple[int, int]]:
    """The bare web addresses left where a reference was cut ("the battle.http://www.abc.net"),
    with the space before them."""
    return [match.span() for match in _BARE_URL.finditer(text)]


# Wikipedia's citation and note marks as copied with the prose: "[3]", "[a]", "[note 2]",
# "[citation needed]" (models/lexicons/function_words.tsv: editorial_mark)
_EDITORIAL_WORDS = "|".join(re.escape(mark) for mark in sorted(function_words("editorial_mark")))
_CITATION_MARK = re.compile(
    rf" ?(?:\[(?:\d{{1,3}}|[a-z]|(?:[Nn]otes?|[Nn]|nb) ?\d{{1,3}}|{_EDITORIAL_WORDS})\])+"
)


def _citation_marks(text: str) -> list[tuple[int, int]]:
    """The citation and note marks of the text, with the space before them."""
    return [match.span() for match in _CITATION_MARK.finditer(text)]


class _ActorRemover:
    """Pass 3: find actor parentheticals after character names in the pass-2 text.

    Candidates are processed right to left, and each is judged on the text to its right with
    the removals already decided there applied, so a second clean() of the output finds nothing
    new to remove. Removals are kept sorted by descending start, disjoint.
    """

    def __init__(
        self,
        text: str,
        gaps: frozenset[int],
        marks: frozenset[int],
        kind_at: Callable[[int], int],
    ) -> None:
        self.text = text
        self.gaps = gaps
        self.marks = marks
        self.kind_at = kind_at
        self._unmatched: set[int] | None = None
        self._prose_words: frozenset[str] | None = None
        self.removals: list[tuple[int, int]] = []
        self.notes: list[tuple[int, str, str]] = []  # (anchor, character, actor)

    def run(self, link_starts: list[int]) -> list[tuple[int, int]]:
        """Decide the removals; returns them sorted by start."""
        candidates = [(m.end() - 1, True) for m in _PAREN_AFTER_WORD.finditer(self.text)]
        candidates += [(pos, False) for pos in link_starts]
        for pos, is_paren in sorted(candidates, reverse=True):
            name_end = self._name_end_before(pos, is_paren)
            quoted = self._quoted_name_before(pos) if is_paren and name_end < 0 else None
            if quoted is not None and (found := self._residue(pos, True)) is not None:
                self._remove(
                    quoted[0], found[0], found[1], character=quoted[1], anchor=quoted[0] - 1
                )
                continue
            if name_end < 0:
                described = self._actor_after_description(pos) if is_paren else None
                listed = self._actor_list(pos) if is_paren and described is None else None
                if described is not None:
                    self._remove(*described, character="")
                elif listed is not None and (described_end := self._lower_case_word_end(pos)) >= 0:
                    self._remove(described_end, listed[0], " and ".join(listed[1]), character="")
                elif is_paren and (aside := self._actor_with_aside(pos)) is not None:
                    self._remove(*aside, character="")
                continue
            found = self._residue(pos, is_paren)
            if found is None and is_paren and (listed := self._actor_list(pos)) is not None:
                self._remove_listed(name_end, *listed)
                continue
            if found is None and is_paren and (aside := self._actor_with_aside(pos)) is not None:
                self._remove(name_end, aside[1], aside[2])
                continue
            while found is not None:
                end, actor = found
                self._remove(name_end, end, actor)
                next_paren = self._paren_after(end)
                found = self._residue(next_paren, True) if next_paren >= 0 else None
        return self.removals[::-1]

    def _name_end_before(self, pos: int, is_paren: bool) -> int:
        """End of the character name right before ``pos`` (also before a comma: "Diane,
        (Pauline Frederick)"), or -1."""
        text = self.text
        end = pos
        if end > 0 and text[end - 1] == " ":
            end -= 1
            if is_paren and end > 1 and text[end - 1] == "," and text[end - 2].isalnum():
                end -= 1
        elif not is_paren:
            return -1
        if _name_before_suffix(text, end) >= 0:
            return end
        if end == 0 or not text[end - 1].isalnum():  # "Tom'" + "(...)'s" would glue "''"
            return -1
        start = _word_start(text, end)
        return end if start >= 0 and _is_character_word(text[start:end]) else -1

    def _quoted_name_before(self, pos: int) -> tuple[int, str] | None:
        """(end, name) of a capitalised name in quotes right before the "(" at ``pos`` ('his
        girl, "Ritzy" (Fay Wray)', '"The Boy" (Harold Lloyd)'): the end after the closing
        quote, where the actor's parenthetical is cut; None for anything else."""
        end = self._end_before_space(pos)
        if end < 2 or self.text[end - 1] not in _CLOSING_QUOTES:
            return None
        opening = max(self.text.rfind(quote, 0, end - 1) for quote in _OPENING_QUOTES)
        name = self.text[opening + 1 : end - 1] if opening >= 0 else ""
        words = name.split(" ")
        if not 1 <= len(words) <= 5 or not _is_character_word(words[-1]):
            return None
        return (end, name) if words[0][:1].isupper() else None

    def _residue(self, pos: int, is_paren: bool) -> tuple[int, str] | None:
        """End of the actor residue starting at ``pos`` (a "(" or a link's name), and the actor.

        After an optional "played/portrayed/voiced by" or "as", a name run (or link text) is an
        actor when a ")" follows it. Broken forms: link text before a gap (double space), or in an
        unclosed "(" before the end of the paragraph, a lower-case word or a mark (``, . ; :``
        that had a space before it: "Carla ([[Karen Young , and"); a "... by" name in an unclosed
        "(" before a gap, the end of the paragraph, a mark or a lower-case word; a plain name in
        an unclosed "(" before a gap, the end of the paragraph or a mark.
        """
        for limit in _VIEW_LIMITS:
            view = _View(self.text, pos + 1 if is_paren else pos, self.removals, limit)
            chars = view.chars
            start = 0
            strong = False
            if is_paren and (prefix := _ACTOR_PREFIX.match(chars)):
                start, strong = prefix.end(), prefix.group(1) is not None
            end, words = _name_run(chars, start)
            fits = end + 2 <= len(chars) and not chars.startswith(" (", end)  # "(actor))" cut
            if fits or view.complete or chars.endswith("\n"):
                break
        if not words:
            return None
        linked = self.kind_at(view.to_text(start)) != _TEXT
        if is_paren and chars.startswith(")", end):
            if linked or _is_person_name(words):
                return view.to_text(end) + 1, chars[start:end]
        if is_paren and (note := _DISAMBIGUATION.match(chars, end)) and _is_person_name(words):
            return view.to_text(note.end() - 1) + 1, chars[start:end]  # "(Robert Ames (actor))"

        def is_gap(i: int) -> bool:
            return view.to_text(i) in self.gaps

        if self.gaps:
            end, words = _name_run(chars, start, is_gap)
        ending = view.ending(end, is_gap, lambda i: view.to_text(i) in self.marks)
        if self._unmatched is None:
            self._unmatched = _unmatched_opens(self.text)
        unmatched = pos in self._unmatched
        if not is_paren:
            accepted = ending in ("gap", "eop")
        elif linked:
            accepted = ending == "gap" or (unmatched and ending in ("eop", "lower", "mark"))
        else:
            endings = ("gap", "eop", "mark", "lower") if strong else ("gap", "eop", "mark")
            accepted = unmatched and ending in endings and _is_person_name(words)
        return (view.to_text(end - 1) + 1, chars[start:end]) if accepted else None

    def _actor_after_description(self, pos: int) -> tuple[int, int, str] | None:
        """(description end, residue end, actor) for a closed parenthetical that holds only a
        full name, opening with a known first name or none of whose words the story uses
        elsewhere, after a lower-case word: "a dancer (Doris Kenyon)", "the child (Jackie
        Coogan)", "a native musician (Kamiyama Sojin)", or only an actor's surname ("a wealthy
        young man (Chaplin)"); else None."""
        end = self._lower_case_word_end(pos)
        if end < 0:
            return None
        view = _View(self.text, pos + 1, self.removals, _VIEW_LIMITS[1])
        start = 0
        if prefix := _ACTOR_PREFIX.match(view.chars):
            start = prefix.end()
        run_end, words = _name_run(view.chars, start)
        if not view.chars.startswith(")", run_end) or not _is_person_name(words):
            return None
        if len(words) > 1 and not (
            is_first_name(words[0]) or self._is_credit_after_a_person(words, end)
        ):
            return None
        if len(words) == 1 and not self._is_surname_of_an_actor(words[0], end):
            return None
        return end, view.to_text(run_end) + 1, view.chars[start:run_end]

    def _is_credit_after_a_person(self, words: list[str], description_end: int) -> bool:
        """A name after a person or role noun none of whose words the story uses outside
        parentheses: a credit ("a native musician (Kamiyama Sojin)"), not a character named
        there first, nor a place ("the city (New York)")."""
        return (
            self._ends_a_person_noun(description_end)
            and words[0].rstrip(".") not in honorifics()  # "the housekeeper (Mrs Quincy)"
            and not any(word in self._words_in_prose() for word in words)
        )

    def _actor_with_aside(self, pos: int) -> tuple[int, int, str] | None:
        """(end of the text before, residue end, actor) for a closed parenthetical that opens
        with an actor's full name (a known first name first) and says no more than an aside
        after a comma or dash, "again" or a stray bracket, after any words: "a hunchback (Lon
        Chaney, in a dual role)", "Peter Standish (Leslie Howard again)", "LN-18 (Maureen
        O'Sullivan)", "a gold-digger (Dorothy Burgess)"; else None."""
        view = _View(self.text, pos + 1, self.removals, _VIEW_LIMITS[1])
        chars = view.chars
        start = prefix.end() if (prefix := _ACTOR_PREFIX.match(chars)) else 0
        run_end, words = _name_run(chars, start)
        if len(words) < 2 or not is_first_name(words[0]) or not _is_person_name(words):
            return None
        close = chars.find(")", run_end)
        if close < 0 or not _ACTOR_ASIDE.fullmatch(chars[run_end:close]):
            return None
        before = self._end_before_space(pos)
        comma = self.text[before - 1 : before] == ","  # "a chorus girl, (Billie Dove)"
        word_end = before - 1 if comma else before
        word_start = _word_start(self.text, word_end) if word_end > 0 else -1
        quoted = word_end > 0 and self.text[word_end - 1] in _CLOSING_QUOTES  # the "Vamp" (X Y)
        if not quoted and (
            word_start < 0 or self.text[word_start:word_end].capitalize() in _NOT_NAMES
        ):
            return None  # "The (Sam Roe) sleeps", "In 1920. (Sam Roe)": no part to play
        if comma and chars[close + 1 : close + 2] in {".", ","}:
            before -= 1  # one mark is enough: "a chorus girl."
        return before, view.to_text(close) + 1, chars[start:run_end]

    def _is_surname_of_an_actor(self, word: str, description_end: int) -> bool:
        """A lone word in parentheses after a person or role noun names its actor ("a wealthy
        young man (Chaplin)", "a drunk reveller (Chaplin)") when it is a surname, not a first
        name ("one of the suspects (Angela)"), and the story never uses it outside parentheses."""
        return (
            self._ends_a_person_noun(description_end)
            and not word.endswith(".")
            and (not is_first_name(word) or word.lower() in surnames())
            and word not in self._words_in_prose()
        )

    def _ends_a_person_noun(self, end: int) -> bool:
        """Whether the word ending at `end` is a person or role noun ("a drunk reveller")."""
        noun = self.text[_word_start(self.text, end) : end].lower()
        return noun in person_nouns() or noun in role_nouns()

    def _words_in_prose(self) -> frozenset[str]:
        """The words of the text outside parentheses, without a possessive "'s"."""
        if self._prose_words is None:
            prose = _PARENTHETICAL.sub(" ", self.text)
            words = (m.group() for m in _NAME_TOKEN.finditer(prose))
            self._prose_words = frozenset(re.sub(r"['’]s$", "", word) for word in words)
        return self._prose_words

    def _actor_list(self, pos: int) -> tuple[int, list[str]] | None:
        """(residue end, actors) for a closed parenthetical that lists two or more full names,
        at least half of them opening with a known first name: "(Grant Withers and Loretta
        Young)", "(Evalyn Knapp, Ray Gallagher and James Cagney)", "(Ole Olsen and Chic
        Johnson)", "(A and B, respectively)", "(Hugh Herbert and an uncredited Hobart
        Cavanaugh)"; else None."""
        view = _View(self.text, pos + 1, self.removals, _VIEW_LIMITS[2])
        chars = view.chars
        actors: list[str] = []
        known_first_names = 0
        at = 0
        while True:
            if prefix := _ACTOR_PREFIX.match(chars, at):  # "and an uncredited Hobart Cavanaugh"
                at = prefix.end()
            run_end, words = _name_run(chars, at)
            if len(words) < 2 or not _is_person_name(words):
                return None
            actors.append(chars[at:run_end])
            known_first_names += is_first_name(words[0])
            close = _LIST_END.match(chars, run_end)
            if close is not None:
                break
            separator = _LIST_SEPARATOR.match(chars, run_end)
            if separator is None:
                return None
            at = separator.end()
        if len(actors) < 2 or 2 * known_first_names < len(actors):
            return None
        return view.to_text(close.end() - 1) + 1, actors

    def _end_before_space(self, pos: int) -> int:
        """Where the text before the "(" at `pos` ends, a space between left out."""
        return pos - 1 if pos > 0 and self.text[pos - 1] == " " else pos

    def _lower_case_word_end(self, pos: int) -> int:
        """The end of the lower-case word before the "(" at `pos` (a description: "two sign
        painters (...)"), or -1."""
        end = self._end_before_space(pos)
        start = _word_start(self.text, end) if end > 0 else -1
        alphabetic = start >= 0 and self.text[start:end].isalpha()
        return end if alphabetic and self.text[start].islower() else -1

    def _remove_listed(self, name_end: int, end: int, actors: list[str]) -> None:
        """Remove a list of actors after a name; when as many names are coordinated there
        ("Geoffrey West and Marion Ferguson (Grant Withers and Loretta Young)"), note each
        one's actor, in order; else note none."""
        characters = self._coordinated_characters(name_end, len(actors))
        if characters is None:
            self._remove(name_end, end, " and ".join(actors), character="")
            return
        for (anchor, character), actor in zip(characters[:-1], actors, strict=False):
            self.notes.append((anchor, character, actor))
        self._remove(name_end, end, actors[-1], character=characters[-1][1])

    def _coordinated_characters(self, end: int, count: int) -> list[tuple[int, str]] | None:
        """(anchor, name) of `count` names coordinated with ", " or "and", the last ending at
        `end`, in text order; None when there are not that many."""
        found: list[tuple[int, str]] = []
        while True:
            name = self._character(end)
            if not name or not _is_character_word(name.split()[0]):
                return None
            found.append((end, name))
            if len(found) == count:
                return found[::-1]
            before = _LIST_SEPARATOR_BEFORE.search(self.text, 0, end - len(name))
            if before is None:
                return None
            end = before.start()

    def _paren_after(self, pos: int) -> int:
        """Offset of a "(" at ``pos`` or one space after it, skipping removed text; else -1."""
        view = _View(self.text, pos, self.removals, limit=2)
        skip = 1 if view.chars.startswith(" ") else 0
        return view.to_text(skip) if view.chars[skip : skip + 1] == "(" else -1

    def _remove(
        self,
        name_end: int,
        end: int,
        actor: str,
        character: str | None = None,
        anchor: int | None = None,
    ) -> None:
        """Remove the residue and note the actor of the character (by default, the name run
        ending at ``name_end``, where the note is anchored unless `anchor` says otherwise)."""
        character = self._character(name_end) if character is None else character
        self.notes.append((name_end if anchor is None else anchor, character, actor))
        while self.removals and self.removals[-1][0] <= end:
            end = max(end, self.removals.pop()[1])
        self.removals.append((name_end, end))

    def _character(self, end: int) -> str:
        """The run of up to six capitalised words ending at ``end``, also across "of" ("the
        Prince of Persia", "King Rudolf V of Ruritania"; function words dropped)."""
        text = self.text
        name_end = _name_before_suffix(text, end)
        starts = [_word_start(text, end if name_end < 0 else name_end)]
        while len(starts) < 6:
            space = starts[-1] - 1
            if space < 1 or text[space] != " " or space in self.gaps:
                break
            if space >= 2 and text[space - 1] == "." and text[space - 2].isupper():
                start = space - 2  # an initial, as in "R. Kiran"
                if start > 0 and _is_word_char(text[start - 1]):
                    break
            else:
                start = _word_start(text, space)
                if start < 0:
                    break
                word = text[start:space]
                if not (_is_character_word(word) or word in _PARTICLES or word == "of"):
                    break
            starts.append(start)
        while len(starts) > 1 and (
            text[starts[-1] : text.find(" ", starts[-1])] in _PARTICLES | _CALENDAR_WORDS | {"of"}
        ):
            starts.pop()
        return text[starts[-1] : end]


def _name_before_suffix(text: str, end: int) -> int:
    """The end of the name before a suffix ending at ``end`` ("Richard Gaylor Jr.", "Andy
    Charles, Jr.", "Phelps III"), or -1."""
    suffix = _SUFFIX_BEFORE.search(text, max(0, end - 6), end)
    if suffix is None or suffix.group(1) not in _NAME_SUFFIXES:
        return -1
    name_end = suffix.start()
    start = _word_start(text, name_end)
    return name_end if start >= 0 and _is_character_word(text[start:name_end]) else -1


class _View:
    """Up to ``limit`` chars of text from ``start`` with removed ranges skipped, up to a newline."""

    def __init__(self, text: str, start: int, removals: list[tuple[int, int]], limit: int) -> None:
        parts: list[str] = []
        self.view_starts: list[int] = []
        self.text_starts: list[int] = []
        self.complete = False  # the view reaches the end of the text
        k = len(removals) - 1
        while k >= 0 and removals[k][1] <= start:
            k -= 1
        if k >= 0 and removals[k][0] <= start:
            start = removals[k][1]
            k -= 1
        size = 0
        while size < limit:
            next_removal = removals[k][0] if k >= 0 else len(text)
            stop = min(next_removal, start + limit - size)
            newline = text.find("\n", start, stop)
            if newline >= 0:
                stop = newline + 1
            if stop > start:
                self.view_starts.append(size)
                self.text_starts.append(start)
                parts.append(text[start:stop])
                size += stop - start
            if newline >= 0 or stop >= len(text):
                self.complete = newline < 0
                break
            if stop != next_removal:
                break
            start = removals[k][1]
            k -= 1
        self.chars = "".join(parts)

    def to_text(self, i: int) -> int:
        """Text offset of view offset ``i``."""
        k = bisect_right(self.view_starts, i) - 1
        return self.text_starts[k] + i - self.view_starts[k]

    def ending(
        self, end: int, is_gap: Callable[[int], bool], is_mark: Callable[[int], bool]
    ) -> str:
        """What follows a name run: "eop", "gap", "mark" (``, . ; :`` that lost a space before
        it), "lower" (a lower-case word) or "other"."""
        chars = self.chars
        if end >= len(chars):
            return "eop" if self.complete else "other"
        if chars[end] == "\n":
            return "eop"
        if chars[end] in _SPACED_MARKS and is_mark(end):
            return "mark"
        if chars[end] == " ":
            if is_gap(end):
                return "gap"
            if chars[end + 1 : end + 2].islower():
                return "lower"
        return "other"


def _unmatched_opens(text: str) -> set[int]:
    """Offsets of "(" with no matching ")" on their line."""
    unmatched: set[int] = set()
    stack: list[int] = []
    for m in re.finditer(r"[()\n]", text):
        char = m.group()
        if char == "(":
            stack.append(m.start())
        elif char == ")":
            if stack:
                stack.pop()
        else:
            unmatched.update(stack)
            stack.clear()
    unmatched.update(stack)
    return unmatched


# --------------------------------------------------------------------------- assembly


def _index_slices(s: str, slices: list[tuple[int, int]]) -> tuple[list[int], list[int], str]:
    """Offsets in the pass-2 text and in s where each kept slice starts, and that text."""
    t_starts: list[int] = []
    length = 0
    for a, b in slices:
        t_starts.append(length)
        length += b - a
    return t_starts, [a for a, _ in slices], "".join([s[a:b] for a, b in slices])


def _tidy_removals(text: str, removals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge touching removals; keep the space before one that a letter or digit follows; take
    the spaces after one that opens a line, so no line starts with a space."""
    merged: list[list[int]] = []
    for start, end in removals:
        if start == 0 or text[start - 1] == "\n":
            end = len(text) - len(text[end:].lstrip(" "))
        if merged and merged[-1][1] >= start:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    tidy = []
    for start, end in merged:
        if text[start] == " " and end < len(text) and text[end].isalnum():
            start += 1
        tidy.append((start, end))
    return tidy


def _subtract(
    slices: list[tuple[int, int]], t_starts: list[int], removals: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The slices of s that remain once removals (in pass-2 offsets) are cut out."""
    kept: list[tuple[int, int]] = []
    k = 0
    for (a, b), t0 in zip(slices, t_starts, strict=True):
        t, t_end = t0, t0 + b - a
        while t < t_end:
            while k < len(removals) and removals[k][1] <= t:
                k += 1
            if k < len(removals) and removals[k][0] <= t:
                t = removals[k][1]
                continue
            stop = min(t_end, removals[k][0]) if k < len(removals) else t_end
            kept.append((a + t - t0, a + stop - t0))
            t = stop
    return kept


def _offset_map(
    slices: list[tuple[int, int]], pieces: list[tuple[int, int, bool, int]], length: int
) -> OffsetMap:
    """Compose the kept slices of s with the pieces that map s to the raw text."""
    segments: list[tuple[int, int, bool]] = []
    last_length = 0
    clean_pos = 0
    k = 0
    for a, b in slices:
        while pieces[k][0] + pieces[k][3] <= a:
            k += 1
        while a < b:
            start, raw_start, copied, size = pieces[k]
            stop = min(b, start + size)
            if copied:
                raw_pos = raw_start + a - start
                previous = segments[-1] if segments else None
                if (
                    previous
                    and previous[2]
                    and previous[0] + last_length == clean_pos
                    and previous[1] + last_length == raw_pos
                ):
                    last_length += stop - a
                else:
                    segments.append((clean_pos, raw_pos, True))
                    last_length = stop - a
            else:
                segments.extend((clean_pos + i, raw_start, False) for i in range(stop - a))
                last_length = 1
            clean_pos += stop - a
            a = stop
            if a == start + size:
                k += 1
    raw_end = 0
    if segments:
        clean_start, raw_start, _ = segments[-1]
        raw_end = raw_start + length - 1 - clean_start + 1
    return OffsetMap(segments, length, raw_end)


def _place_notes(
    text: str, notes: list[tuple[int, str, str]], removals: list[tuple[int, int]]
) -> tuple[ActorNote, ...]:
    """Move note anchors to clean offsets; drop notes whose character name was removed too."""
    starts = [start for start, _ in removals]
    removed_before = [0]
    for start, end in removals:
        removed_before.append(removed_before[-1] + end - start)
    placed = []
    for anchor, character, actor in notes:
        k = bisect_left(starts, anchor) - 1
        if k >= 0 and removals[k][1] >= anchor:
            continue
        clean_anchor = anchor - removed_before[k + 1]
        if text[clean_anchor - len(character) : clean_anchor] != character:
            character = ""
        placed.append(ActorNote(clean_anchor, character, actor))
    return tuple(sorted(placed, key=lambda note: note.anchor))
