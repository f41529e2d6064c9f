"""Libraries and organisations missing from the reference data, from the shape of their names.

A name is built around a head noun from the language tables (кутубхона, библиотека, kitaphana,
кітапхана, китепкана, library; университет, жамғарма, institute, ...). Where the head ends the
name (Turkic languages, English) the name grows leftwards over capitalised words, name
modifiers (миллий, давлат, республика, болалар, ...), places and a "named after" construction
with its honoree ("К.Баялинов номидаги"); where the head comes first (Russian) it grows over the
adjectives before it and the genitive or "имени ..." complement after it. Country and city come
from a place inside the name or a parenthesis right after it: "(Бишкек, Қирғизистон)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cislib.extract.lang import Language
from cislib.extract.quotes import find_quotes
from cislib.extract.reading import Reading, Section
from cislib.extract.recognizers.events import tables_for
from cislib.extract.text import PhraseTable, stemmer_for, stems_of
from cislib.identifiers import mint, slugify

_NAME_GAP = re.compile(r"[ \t]*(?:-[ \t]*\n?)?[ \t]*\n?[ \t]*|[ \t]*-[ \t]*")
_INITIAL_GAP = re.compile(r"\.[ \t]*")
_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,80})\)")
_SPACES = re.compile(r"\s+")
_BROKEN_HYPHEN = re.compile(r"-\s*\n\s*")
PLACE_TYPES = ("City", "Country")
#: Words that carry an English name on past its head ("Library of ...", "Centre for ...").
LINK_WORDS = ("of", "for", "on")


@dataclass(frozen=True)
class Heads:
    """A language's head phrases (valued by entity type), modifiers and "named after" words."""

    phrases: PhraseTable
    modifiers: frozenset[str]
    named_after: frozenset[str]


@cache
def heads_for(language: Language) -> Heads:
    """The head phrases, modifiers and "named after" words of a language, stemmed once."""
    stemmer = stemmer_for(language)
    phrases = [(h, "Organization") for h in language.ORGANIZATION_HEADS]
    phrases += [(h, "Library") for h in language.LIBRARY_HEADS]
    modifiers = frozenset(s for m in language.NAME_MODIFIERS for s in stems_of(m, stemmer))
    named_after = frozenset(
        stemmer.stem(w.rstrip(".").lower()) for w in language.NAMED_AFTER if " " not in w
    )
    return Heads(PhraseTable(phrases, stemmer), modifiers, named_after)


class _Names:
    """Finds institution names in one paragraph."""

    def __init__(self, reading: Reading, section: Section):
        self.reading = reading
        self.text = reading.text
        self.tokens = section.tokens
        self.language = section.language
        self.heads = heads_for(section.language)
        self.head_first = section.language.HEAD_POSITION == "first"
        self.demonstratives = {w.lower() for w in section.language.DEMONSTRATIVES}

    def gap_ok(self, a: int, b: int) -> bool:
        toks = self.tokens
        if _NAME_GAP.fullmatch(self.text, toks[a].end, toks[b].start):
            return True
        # an initial and its dot: "К.Баялинов", "Н.В. Гоголя"
        return len(toks[a].surface) == 1 and bool(
            _INITIAL_GAP.fullmatch(self.text, toks[a].end, toks[b].start)
        )

    def head_at(self, i: int) -> tuple[int, str] | None:
        """The longest head phrase starting at token i: (last token, type)."""
        return self.heads.phrases.match(
            self.tokens, i, lambda a, b: bool(_NAME_GAP.fullmatch(self.text, a.end, b.start))
        )

    def place_of(self, k: int):
        tok = self.tokens[k]
        found = self.reading.mention_at(tok.start, tok.end)
        if found and found[1].type in PLACE_TYPES:
            return found
        return None

    def honoree_left(self, k: int) -> int:
        """First token of the honoree ending at token k ("К.Баялинов", "Alisher Navoiy")."""
        start = k
        while start - 1 >= 0 and self.gap_ok(start - 1, start):
            prev = self.tokens[start - 1]
            if len(prev.surface) == 1 and prev.surface.isupper():
                start -= 1
            else:
                break
        if start == k and k - 1 >= 0 and self.tokens[k - 1].capitalised and self.gap_ok(k - 1, k):
            if not self.reading.is_claimed(self.tokens[k - 1].start, self.tokens[k - 1].end):
                start = k - 1
        return start

    def not_in_name(self, k: int) -> bool:
        """An event word, or a capitalised word in the locative ("Maslahatda", "Семинарда"),
        opens a sentence rather than a name."""
        tok = self.tokens[k]
        if tables_for(self.language).events.match(self.tokens, k):
            return True
        if tok.norm in self.demonstratives:
            return True
        return (
            tok.capitalised
            and tok.norm != tok.stem
            and any(tok.norm.endswith(x) for x in self.language.LOCATIVE_SUFFIXES if x)
        )

    def grow_left(self, first: int) -> int:
        start = first
        k = first - 1
        while k >= 0 and self.gap_ok(k, k + 1):
            tok = self.tokens[k]
            if self.reading.is_claimed(tok.start, tok.end):
                if self.place_of(k) is None:
                    break
                start = k
            elif tok.variants & self.heads.named_after:
                if k == 0 or not self.tokens[k - 1].capitalised:
                    break
                return self.honoree_left(k - 1)
            elif self.not_in_name(k):
                break
            elif tok.variants & self.heads.modifiers or tok.capitalised:
                start = k
            else:
                break
            k -= 1
        return start

    def grow_right(self, last: int) -> int:
        end = last
        k = last + 1
        while k < len(self.tokens) and self.gap_ok(k - 1, k):
            tok = self.tokens[k]
            if tok.variants & self.heads.named_after and k + 1 < len(self.tokens):
                j = k + 1
                while (
                    j + 1 < len(self.tokens)
                    and len(self.tokens[j].surface) == 1
                    and self.gap_ok(j, j + 1)
                ):
                    j += 1
                return j if self.tokens[j].capitalised else end
            if tok.capitalised or (
                self.head_first
                and tok.variants & self.heads.modifiers
                and k + 1 < len(self.tokens)
                and self.tokens[k + 1].capitalised
            ):
                end = k
            else:
                break
            k += 1
        return end

    def find(self):
        i = 0
        n = len(self.tokens)
        while i < n:
            head = self.head_at(i)
            tok = self.tokens[i]
            if head is None or self.reading.is_claimed(tok.start, self.tokens[head[0]].end):
                i += 1
                continue
            last, kind = head
            # "кутубхоналар ассамблеяси": a head right before another head is not the end
            # of the name; the later head is.
            if not self.head_first and any(
                self.head_at(k) for k in range(last + 1, min(n, last + 3))
            ):
                i = last + 1
                continue
            head_tok = self.tokens[last]
            if is_plural(head_tok, self.language):
                i = last + 1  # "кутубхоналари": libraries in general, not one library's name
                continue
            if (
                not self.head_first
                and self.language.tag != "en"
                and head_tok.norm == head_tok.stem
                and last + 1 < n
                and self.tokens[last + 1].norm.isalpha()
                and self.text[head_tok.end : self.tokens[last + 1].start] == " "
            ):
                i = last + 1  # "кутубхона конгресси": the head only qualifies the next noun
                continue
            start = self.grow_left(i)
            end = self.grow_right(last) if (self.head_first or self.language.tag == "en") else last
            names = self.tokens[start : end + 1]
            named = any(t.variants & self.heads.named_after for t in names)
            if not (named or any(t.capitalised for t in names[: max(1, i - start)] if t)) or (
                start == i and end == last
            ):
                i = last + 1
                continue
            # "Улуттук китепканада", "the National Library": modifiers and a head alone name no
            # institution of their own; they point back to one already named.
            around_head = self.tokens[start:i] + self.tokens[last + 1 : end + 1]
            # ("National Academic Library of Kazakhstan" goes on after the head.)
            goes_on = end + 1 < n and self.tokens[end + 1].norm in LINK_WORDS
            generic = (
                not named
                and not goes_on
                and all(t.variants & self.heads.modifiers for t in around_head)
            )
            yield start, end, kind, generic
            i = end + 1


def _context_places(reading: Reading, names: _Names, start: int, end: int):
    """City and country inside the name, or in a parenthesis right after it."""
    city = country = None
    spans = []
    for k in range(start, end + 1):
        place = names.place_of(k)
        if place:
            spans.append(place[0])
            entity = place[1]
            if entity.type == "City":
                city, country = city or entity.iri, country or entity.country
            else:
                country = country or entity.iri
    paren = _PAREN.match(reading.text, names.tokens[end].end)
    if paren:
        for (s, e), iri in list(reading.claimed.items()):
            if paren.start(1) <= s and e <= paren.end(1):
                reading.context_spans.add((s, e))
                entity = reading.entities[iri]
                if entity.type == "City":
                    city, country = city or iri, country or entity.country
                elif entity.type == "Country":
                    country = country or iri
    return city, country, spans


def _inside_quote_fragment(text: str, section: Section, start: int, end: int) -> bool:
    """True for a name that is only part of a quoted title («Kitaphanalaryň arkalaşygy: ...»)."""
    for q_start, q_end in find_quotes(text, section.start, section.end):
        if q_start <= start and end <= q_end:
            return text[q_start:q_end].strip() != text[start:end].strip()
    return False


def is_plural(token, language: Language) -> bool:
    """A head noun in the plural ("кутубхоналари", "китепканаларынын", "libraries"): the
    plural ending may close the word or stand right after its stem, before a case ending."""
    suffixes = language.PLURAL_SUFFIXES
    if any(token.norm.endswith(p) for p in suffixes):
        return True
    rest = token.norm[len(token.stem) :] if token.norm.startswith(token.stem) else ""
    return bool(rest) and any(rest.startswith(p) for p in suffixes if len(p) <= 3)


def _point_back(reading: Reading, names: _Names, start: int, end: int, kind: str) -> None:
    """Give a generic name ("Улуттук китепканада") to the institution of its kind named last
    before it whose name holds the same words; with none, it is left out."""
    toks = names.tokens[start : end + 1]
    first, last = toks[0], toks[-1]
    wanted = [t for t in toks if t.variants & names.heads.modifiers]
    best = None
    for (s, _e), iri in reading.claimed.items():
        entity = reading.entities[iri]
        if s >= first.start or entity.type != kind:
            continue
        label = entity.label.lower()
        if all(any(v in label for v in t.variants if len(v) >= 3) for t in wanted):
            if best is None or s > best[0]:
                best = (s, entity)
    if best is not None:
        entity = best[1]
        reading.add_entity(
            entity.iri, entity.type, entity.label, first.start, last.end, from_reference=False
        )


def recognise_institutions(reading: Reading) -> None:
    """Add libraries and organisations recognised from the shape of their names."""
    for section in reading.sections:
        names = _Names(reading, section)
        for start, end, kind, generic in list(names.find()):
            first, last = section.tokens[start], section.tokens[end]
            if generic:
                _point_back(reading, names, start, end, kind)
                continue
            city, country, place_spans = _context_places(reading, names, start, end)
            for span in dict.fromkeys(place_spans):
                if span not in reading.claimed:
                    continue
                # A city inside a name is where the institution is; a country stays mentioned
                # (as context, never as a participant).
                if reading.entities[reading.claimed[span]].type == "City":
                    reading.remove_mention(*span)
                else:
                    reading.context_spans.add(span)
            if _inside_quote_fragment(reading.text, section, first.start, last.end):
                continue
            surface = reading.text[first.start : last.end]
            label = _SPACES.sub(" ", _BROKEN_HYPHEN.sub("-", surface)).strip()
            key = slugify("-".join(t.stem for t in section.tokens[start : end + 1]))
            reading.add_entity(
                mint("library" if kind == "Library" else "organization", key),
                kind,
                label,
                first.start,
                last.end,
                from_reference=False,
                language=section.tag,
                country=country,
                city=city,
            )
