"""Events: what happened, when, where, organised by whom, with whom taking part.

Sentence by sentence, in reading order:

* event words (конференция, семинар, лойиҳа, maslahat, forum, ...) are found by stem; words
  side by side form one phrase ("малака ошириш дастури" is a training programme);
* a quoted title belongs to the event word beside it («...» atly maslahat, конференция «...»),
  and a list of quoted titles after one event word is one event each;
* a sentence with a date makes a new event of its main event word, or refers back to an event
  of the same type and dates; a dated mention of a running project or programme (its start,
  its end, or a stage of it) makes a part of it;
* a sentence without a date refers to the event being told about, or to the last event of the
  type it names;
* places, venues, organisers ("... томонидан", "... tarapyndan", "organised by"), participants
  and their roles come from the words of the sentence and the role tables.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from cislib.extract.lang import Language
from cislib.extract.quotes import find_quotes
from cislib.extract.reading import Reading, Section
from cislib.extract.recognizers.dates import DateMention, dates_of
from cislib.extract.record import Event, Participant, Span
from cislib.extract.text import PhraseTable, stemmer_for, stems_of
from cislib.identifiers import key_of, mint, slugify

#: Event types that frame others (a programme holds projects, a project holds stages).
FRAMING_TYPES = ("Programme", "Project")
#: When a sentence names several roles, the more specific one wins.
ROLE_PRIORITY = ("signatory", "speaker", "host", "organizer", "guest", "trainee", "participant")
#: Agent types that can take part in an event.
AGENT_TYPES = ("Person", "Library", "Organization", "Country")
#: Agents of one type listed in a sentence from this many on all take part in the event told
#: about, even when no word of the sentence says so.
LIST_LENGTH = 3
#: How many sentences an event stays "the one being told about" without being named again.
FOCUS_SENTENCES = 4
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s»”\"]*\s+(?=[\"«“„*]*[A-ZА-ЯЁЎҚҒҲӘӨҮҰІҢÄÇŇÖŞÜÝŽ0-9])")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_LINK_GAP = re.compile(r"[\s,:–—\-*]*")


@dataclass
class Sentence:
    """A sentence of a paragraph: ``text[start:end]`` and its token range."""

    section: int
    start: int
    end: int
    first: int
    last: int


@dataclass
class Trigger:
    """An event word or phrase, with the titles and roles found beside it."""

    section: int
    first: int
    last: int
    type: str
    start: int
    end: int
    titles: list[tuple[int, int]] = field(default_factory=list)
    framing: bool = False
    part: bool = False


@dataclass
class Draft:
    """An event being assembled."""

    iri: str
    type: str
    title: str
    language: str
    start: str | None = None
    end: str | None = None
    online: bool = False
    city: str | None = None
    venue: str | None = None
    organizers: list[str] = field(default_factory=list)
    part_of: str | None = None
    participants: dict[str, Participant] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)

    def contains(self, day: str) -> bool:
        return bool(self.start and self.end and self.start <= day <= self.end)


@dataclass
class _Tables:
    events: PhraseTable
    roles: PhraseTable
    stems: dict[str, frozenset[str]]
    durations: PhraseTable


_TABLES: dict[str, _Tables] = {}


def tables_for(language: Language) -> _Tables:
    """The event, role and marker words of a language, stemmed once."""
    if language.tag in _TABLES:
        return _TABLES[language.tag]
    stemmer = stemmer_for(language)

    def words(*names):
        return frozenset(
            s for name in names for w in getattr(language, name) for s in stems_of(w, stemmer)
        )

    built = _Tables(
        events=PhraseTable(language.EVENT_WORDS.items(), stemmer),
        roles=PhraseTable(language.ROLE_WORDS.items(), stemmer),
        durations=PhraseTable(language.DURATION_WORDS.items(), stemmer),
        stems={
            "part": words("PART_WORDS"),
            "online": words("ONLINE_WORDS"),
            "frame": words("FRAME_WORDS"),
            "by": words("BY_WORDS"),
            "behalf": words("BEHALF_WORDS"),
            "closing": words("CLOSING_WORDS", "OPENING_WORDS"),
            "opening": words("OPENING_WORDS"),
        },
    )
    _TABLES[language.tag] = built
    return built


def split_sentences(reading: Reading, index: int, section: Section) -> list[Sentence]:
    """The sentences of a paragraph (a new line ends one too)."""
    bounds = []
    start = section.start
    chunk = reading.text[section.start : section.end]
    for match in _SENTENCE_END.finditer(chunk):
        bounds.append((start, section.start + match.start()))
        start = section.start + match.end()
    bounds.append((start, section.end))
    out = []
    toks = section.tokens
    k = 0
    for s, e in bounds:
        first = k
        while k < len(toks) and toks[k].start < e:
            k += 1
        if k > first:
            out.append(Sentence(index, s, e, first, k - 1))
    return out


def has_word(tokens, words: frozenset[str]) -> bool:
    """True when one of the tokens has a stem among ``words``."""
    return any(t.variants & words for t in tokens)


class _Sentences:
    """Reads one report's sentences into events."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.text = reading.text
        self.dates = dates_of(reading)
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.current_age = 0
        self.post_orgs = {p.evidence.start: p.organization for p in reading.posts}
        #: Parts of the sentence's event made from the same sentence, which share its agents.
        self.also: list[Draft] = []

    # -- words of a sentence ---------------------------------------------------------------

    def triggers(self, sentence: Sentence, section: Section, quotes) -> list[Trigger]:
        toks = section.tokens
        tables = tables_for(section.language)
        found: list[Trigger] = []
        i = sentence.first
        while i <= sentence.last:
            hit = tables.events.match(toks, i)
            if not hit:
                i += 1
                continue
            last, kind = hit
            prev = found[-1] if found else None
            # "малака ошириш дастури": adjacent event words are one phrase; the specific type
            # (training) wins over the framing one (programme).
            if (
                prev
                and prev.last == i - 1
                and re.fullmatch(r"\s+", self.text[toks[i - 1].end : toks[i].start])
            ):
                if prev.type in FRAMING_TYPES and kind not in FRAMING_TYPES:
                    prev.type = kind
                prev.last, prev.end = last, toks[last].end
            else:
                found.append(
                    Trigger(sentence.section, i, last, kind, toks[i].start, toks[last].end)
                )
            i = last + 1
        for trig in found:
            after = toks[trig.last + 1 : min(sentence.last, trig.last + 3) + 1]
            before = toks[max(sentence.first, trig.first - 2) : trig.first]
            # "дастур доирасида", "в рамках форума": the event frames another.
            trig.framing = has_word(after[:2] + before, tables.stems["frame"])
            trig.part = has_word(after[:3], tables.stems["part"])
            trig.titles = self.titles_of(trig, section, quotes)
        return found

    def titles_of(self, trig: Trigger, section: Section, quotes) -> list[tuple[int, int]]:
        """Quoted titles right before or right after an event word (lists included)."""
        toks = section.tokens
        inside = [q for q in quotes if q[0] <= trig.start and trig.end <= q[1]]
        if inside:
            return inside
        before = [q for q in quotes if q[1] <= trig.start]
        after = [q for q in quotes if q[0] >= trig.end]

        def words_between(a: int, b: int) -> int:
            return sum(1 for t in toks if a <= t.start and t.end <= b)

        def titles_after() -> list[tuple[int, int]]:
            if not after:
                return []
            q = after[0]
            gap = words_between(trig.end, q[0])
            if not (gap == 0 or gap <= 1 and _LINK_GAP.fullmatch(self.text, trig.end, q[0] - 1)):
                return []
            chosen = [q]
            for nxt in after[1:]:
                if not self.joined(section, chosen[-1][1] + 1, nxt[0] - 1):
                    break
                chosen.append(nxt)
            return chosen

        def titles_before() -> list[tuple[int, int]]:
            if not before or words_between(before[-1][1] + 1, trig.start) > 2:
                return []
            chosen = [before[-1]]
            for prv in reversed(before[:-1]):
                if not self.joined(section, prv[1] + 1, chosen[0][0] - 1):
                    break
                chosen.insert(0, prv)
            return chosen

        # A Turkic title stands before its event word («...» atly maslahat), a Russian or
        # English one after it (конференция «...»); the other side is the second choice.
        if section.language.HEAD_POSITION == "first" or section.tag == "en":
            return titles_after() or titles_before()
        return titles_before() or titles_after()

    def joined(self, section: Section, a: int, b: int) -> bool:
        """True when only list punctuation and conjunctions stand between two titles."""
        conjunctions = {c.lower() for c in section.language.CONJUNCTIONS}
        between = [t for t in section.tokens if a <= t.start and t.end <= b]
        return all(t.norm in conjunctions for t in between) and len(between) <= 2

    def roles(self, sentence: Sentence, section: Section) -> list[str]:
        toks = section.tokens
        tables = tables_for(section.language)
        found = []
        i = sentence.first
        while i <= sentence.last:
            hit = tables.roles.match(toks, i)
            if hit:
                found.append(hit[1])
                i = hit[0] + 1
            else:
                i += 1
        return found

    def mentions_in(self, sentence: Sentence):
        """(start, end, entity) for each entity mention inside the sentence, in order."""
        out = []
        for (s, e), iri in self.reading.claimed.items():
            if sentence.start <= s and e <= sentence.end:
                out.append((s, e, self.reading.entities[iri]))
        return sorted(out, key=lambda m: m[0])

    # -- events ----------------------------------------------------------------------------

    def title_text(self, trig: Trigger, section: Section, sentence: Sentence) -> str:
        if trig.titles:
            s, e = trig.titles[0]
            return " ".join(self.text[s:e].split())
        toks = section.tokens
        first = max(sentence.first, trig.first - 2)
        while (
            first < trig.first
            and toks[first].capitalised is False
            and (self.reading.is_claimed(toks[first].start, toks[first].end))
        ):
            first += 1
        end = trig.end
        if trig.part:
            # "Лойиҳанинг биринчи босқичи": a stage is named with its part word.
            part_words = tables_for(section.language).stems["part"]
            for tok in toks[trig.last + 1 : min(sentence.last, trig.last + 3) + 1]:
                if tok.variants & part_words:
                    end = tok.end
                    break
        return " ".join(self.text[toks[first].start : end].split())

    def new_draft(
        self, kind: str, title: str, language: str, date: DateMention | None, mention: Span
    ) -> Draft:
        report_key = key_of(self.reading.document.iri)
        base = f"{report_key}-{slugify(title, 40)}"
        if date:
            base += f"-{date.iso_start}"
        key, n = base, 1
        while any(d.iri == mint("event", key) for d in self.drafts):
            n += 1
            key = f"{base}-{n}"
        draft = Draft(
            iri=mint("event", key),
            type=kind,
            title=title,
            language=language,
            start=date.iso_start if date else None,
            end=(date.iso_end or date.iso_start) if date else None,
            mentions=[mention],
        )
        self.drafts.append(draft)
        return draft

    def on_day(
        self, kind: str, title: str, section: Section, date: DateMention, start: int, end: int
    ) -> Draft:
        """The event of a type on a date: the one already read, or a new one named by the
        words at ``start:end``."""
        return self.same(kind, date) or self.new_draft(
            kind, title, section.tag, date, self.span(start, end)
        )

    def by_title(self, title: str) -> Draft | None:
        wanted = slugify(title, 80)
        return next((d for d in self.drafts if slugify(d.title, 80) == wanted), None)

    def same(self, kind: str, date: DateMention) -> Draft | None:
        end = date.iso_end or date.iso_start
        return next(
            (
                d
                for d in self.drafts
                if d.type == kind and d.start == date.iso_start and d.end == end
            ),
            None,
        )

    def last_of(self, kind: str) -> Draft | None:
        """The most talked-about event of a type (most mentions; the latest on a tie)."""
        same = [
            (len(d.mentions) + (2 if d.start else 0), n, d)
            for n, d in enumerate(self.drafts)
            if d.type == kind
        ]
        return max(same, key=lambda item: item[:2])[2] if same else None

    def focus(self, draft: Draft) -> None:
        self.current, self.current_age = draft, 0

    def span(self, s: int, e: int) -> Span:
        return self.reading.span(s, e)

    def titled_event(self, trig: Trigger, title: tuple[int, int], section, date) -> Draft:
        text = " ".join(self.text[title[0] : title[1]].split())
        draft = self.by_title(text)
        mention = self.span(title[0], title[1])
        if draft is None:
            draft = self.new_draft(trig.type, text, section.tag, date, mention)
        elif mention not in draft.mentions:
            draft.mentions.append(mention)
            if date and not draft.start:
                draft.start, draft.end = date.iso_start, date.iso_end or date.iso_start
        return draft

    def dated(self, sentence, section, triggers, date: DateMention) -> Draft | None:
        """The event a dated sentence is about (made or found)."""
        framing = [t for t in triggers if t.framing]
        main_candidates = [t for t in triggers if not t.framing] or triggers
        if not main_candidates:
            return None
        parts = [t for t in main_candidates if t.part]
        others = [t for t in main_candidates if not t.part]
        head_first = section.language.HEAD_POSITION == "first" or section.tag == "en"
        frame_draft = None
        for trig in framing:
            for title in trig.titles[:1]:
                frame_draft = self.titled_event(trig, title, section, None)
        if parts:
            trig = parts[0]
            parent = self.last_of(trig.type) or self.current
            specific = [t for t in others if t.type not in FRAMING_TYPES]
            kind = specific[0].type if specific else "Other"
            title = self.title_text(trig, section, sentence)
            draft = self.on_day(kind, title, section, date, trig.start, trig.end)
            if parent and parent is not draft:
                draft.part_of = parent.iri
            # "two training courses -- "A" and "B"": each title its own event inside the stage.
            for t in specific:
                for title_span in t.titles:
                    child = self.titled_event(t, title_span, section, date)
                    if child is not draft and child.part_of is None:
                        child.part_of = draft.iri
            return draft
        trig = main_candidates[0] if head_first else main_candidates[-1]
        if trig.titles and len(trig.titles) == 1:
            draft = self.titled_event(trig, trig.titles[0], section, date)
        else:
            running = next(
                (
                    d
                    for d in reversed(self.drafts)
                    if d.type == trig.type
                    and trig.type in FRAMING_TYPES
                    and d.contains(date.iso_start)
                    and (d.start, d.end) != (date.iso_start, date.iso_end or date.iso_start)
                ),
                None,
            )
            if running is not None:
                # "The project ended on 24 May at the library": a day of the running project.
                specific = [t for t in others if t.type not in FRAMING_TYPES]
                kind = specific[0].type if specific else "Other"
                title = self.title_text(trig, section, sentence)
                draft = self.on_day(kind, title, section, date, trig.start, trig.end)
                draft.part_of = draft.part_of or running.iri
            else:
                title = self.title_text(trig, section, sentence)
                draft = self.on_day(trig.type, title, section, date, trig.start, trig.end)
        if frame_draft is not None and frame_draft is not draft and draft.part_of is None:
            draft.part_of = frame_draft.iri
        self.mention(draft, [t for t in others if not t.titles])
        self.opening(draft, sentence, section, date)
        # "On 16 June the delegation visited the library and signed a memorandum": each other
        # kind of event the dated sentence names happens that day, as a part of the main one.
        for other in others:
            if other is trig or other.titles or other.type == draft.type:
                continue
            if other.type in SUB_EVENT_TYPES and draft.type != "Agreement":
                title = self.title_text(other, section, sentence)
                part = self.on_day(other.type, title, section, date, other.start, other.end)
                if part is not draft and part.part_of is None and draft.part_of != part.iri:
                    part.part_of = draft.iri
                self.also.append(part)
        return draft

    def undated(self, sentence, section, triggers) -> Draft | None:
        """The event an undated sentence is about: in focus, named before, or new."""
        titled = None
        for trig in triggers:
            for title in trig.titles:
                titled = titled or self.titled_event(trig, title, section, None)
        untitled = [t for t in triggers if not t.titles and not t.framing]
        if self.current is not None and self.current_age <= FOCUS_SENTENCES:
            current = self.current
            same = [t for t in untitled if t.type == current.type]
            inside = [t for t in untitled if t.type != current.type and t.type in PART_WORD_TYPES]
            self.mention(current, same)
            if inside and not titled and current.type in HOLDER_TYPES:
                # "The key moment of the visit was the signing of a memorandum": another kind
                # of event told about inside the one in focus is a part of it.
                return self.sub_event(inside[0], current, section, sentence)
            if untitled:
                self.current_age = 0  # named again ("the seminar"): still the one told about
            return current
        for trig in untitled:
            chosen = self.last_of(trig.type)
            if chosen:
                self.mention(chosen, [trig])
                return chosen
        if titled is not None:
            return titled
        if untitled:
            # The first word for an event nobody has dated yet introduces it.
            trig = untitled[0]
            return self.new_draft(
                trig.type,
                self.title_text(trig, section, sentence),
                section.tag,
                None,
                self.span(trig.start, trig.end),
            )
        return None

    def opening(self, draft: Draft, sentence: Sentence, section: Section, date) -> None:
        """ "The exhibition opened on 5 February": the opening is an event of its own that day,
        a part of the exhibition (or forum, congress...), and whoever the sentence names spoke
        at it."""
        if draft.type not in OPENED_TYPES:
            return
        words = tables_for(section.language).stems["opening"]
        toks = section.tokens[sentence.first : sentence.last + 1]
        word = next((t for t in toks if t.variants & words), None)
        if word is None:
            return
        title = f"{self.text[word.start : word.end]} {draft.title}"
        part = self.on_day("Other", title, section, date, word.start, word.end)
        if part is not draft and part.part_of is None:
            part.part_of = draft.iri
            self.also.append(part)

    def sub_event(self, trig: Trigger, parent: Draft, section: Section, sentence) -> Draft:
        """The part of ``parent`` a trigger of another type names (made, or found again).

        It takes the parent's day when the parent lasts one day; a part of a longer event
        has no date unless its own sentence gives one.
        """
        found = next(
            (d for d in self.drafts if d.type == trig.type and d.part_of == parent.iri), None
        )
        if found is not None:
            self.mention(found, [trig])
            return found
        draft = self.new_draft(
            trig.type,
            self.title_text(trig, section, sentence),
            section.tag,
            None,
            self.span(trig.start, trig.end),
        )
        if parent.start and parent.end in (None, parent.start):
            draft.start = draft.end = parent.start
        draft.part_of = parent.iri
        return draft

    def stage(self, sentence: Sentence, section: Section, date: DateMention) -> Draft | None:
        """A dated sentence naming a stage but no event word ("Екінші кезеңде, 25–27 сәуірде,
        ...") is a stage of the project or programme being told about."""
        toks = section.tokens[sentence.first : sentence.last + 1]
        part_words = tables_for(section.language).stems["part"]
        part = next((t for t in toks if t.variants & part_words), None)
        parent = self.last_of("Project") or self.last_of("Programme")
        if part is None or parent is None:
            return None
        first = max(sentence.first, section.tokens.index(part) - 1)
        title = " ".join(self.text[section.tokens[first].start : part.end].split())
        draft = self.on_day("Other", title, section, date, part.start, part.end)
        draft.part_of = draft.part_of or parent.iri
        return draft

    def mention(self, draft: Draft, triggers) -> None:
        """Record event words of the draft's type as further mentions of it."""
        for trig in triggers:
            span = self.span(trig.start, trig.end)
            if trig.type == draft.type and span not in draft.mentions:
                draft.mentions.append(span)

    # -- facts about the event of a sentence ------------------------------------------------

    def attach(self, draft: Draft, sentence: Sentence, section: Section, triggers) -> None:
        tables = tables_for(section.language)
        toks = section.tokens
        if has_word(toks[sentence.first : sentence.last + 1], tables.stems["online"]):
            draft.online = True
        mentions = self.mentions_in(sentence)
        locative = section.language.LOCATIVE_SUFFIXES
        prepositions = {w.lower() for w in section.language.LOCATIVE_PREPOSITIONS}
        context = self.reading.context_spans
        roles = self.roles(sentence, section)
        role = next((r for r in ROLE_PRIORITY if r in roles), None)
        organizer_word = "organizer" in roles
        post_orgs = {
            p.organization
            for p in self.reading.posts
            if sentence.start <= p.evidence.start < sentence.end and p.organization
        }
        trig_starts = [t.start for t in triggers]
        listed = Counter(entity.type for s, e, entity in mentions if (s, e) not in context)
        for s, e, entity in mentions:
            if (s, e) in context:
                continue
            surface = self.text[s:e].lower()
            before = _LAST_WORD.search(self.text, sentence.start, s)
            before_word = before.group(1).lower() if before else ""
            is_locative = (
                any(surface.endswith(x) for x in locative if x) or before_word in prepositions
            )
            follow = [t for t in toks if e <= t.start][:3]
            if entity.type == "City":
                draft.city = draft.city or entity.iri
                continue
            if (
                entity.type == "Library"
                and is_locative
                and draft.venue is None
                and not (has_word(follow[:2], tables.stems["by"]))
            ):
                draft.venue = entity.iri
                if draft.city is None and entity.city:
                    draft.city = entity.city
                if entity.iri not in draft.organizers and entity.iri not in draft.participants:
                    # The library where an event is held hosts it: one of its organisers.
                    draft.organizers.append(entity.iri)
                continue
            if entity.type not in AGENT_TYPES:
                continue
            by = has_word(follow[:3], tables.stems["by"])
            genitive_of_event = (
                any(0 <= ts - e <= 12 for ts in trig_starts)
                and entity.type in ("Library", "Organization")
                and not is_locative
            )
            if (
                entity.type in ("Library", "Organization")
                and entity.iri not in post_orgs
                and (by or genitive_of_event or organizer_word)
            ):
                if entity.iri not in draft.organizers:
                    draft.organizers.append(entity.iri)
                continue
            if entity.iri in post_orgs or entity.iri in draft.organizers:
                continue
            agent_role = role
            if entity.type == "Person":
                agent_role = role if role not in (None, "trainee", "organizer") else "participant"
                if by and role in (None, "organizer"):
                    agent_role = "organizer"
            elif role is None:
                if not triggers and listed[entity.type] < LIST_LENGTH:
                    continue
                agent_role = "participant"
            if (
                role is None
                and not triggers
                and entity.type != "Person"
                and listed[entity.type] < LIST_LENGTH
            ):
                # A person named while an event is told about takes part in it; so does each
                # item of a list ("specialists from Azerbaijan, Armenia, Belarus and ...").
                continue
            if agent_role == "organizer" and entity.type != "Person":
                agent_role = "participant"
            if entity.iri not in draft.participants:
                behalf = self.behalf_of(entity.iri, sentence)
                draft.participants[entity.iri] = Participant(
                    entity.iri, agent_role, behalf, self.span(sentence.start, sentence.end)
                )

    def behalf_of(self, person: str, sentence: Sentence) -> str | None:
        for post in self.reading.posts:
            if (
                post.person == person
                and post.organization
                and (sentence.start <= post.evidence.start < sentence.end)
            ):
                return post.organization
        return None

    def days_said(self, sentence: Sentence, section: Section) -> int | None:
        """How many days the sentence says an event lasts ("двухдневный", "two-day")."""
        table = tables_for(section.language).durations
        for i in range(sentence.first, sentence.last + 1):
            hit = table.match(section.tokens, i)
            if hit:
                return hit[1]
        return None

    def run(self) -> list[Draft]:
        for index, section in enumerate(self.reading.sections):
            quotes = find_quotes(self.text, section.start, section.end)
            # A dated sentence that names no event ("On 16 June a delegation travelled to
            # Bishkek.") gives its date to the next sentence of the paragraph that does ("The
            # visit was held within ...").
            pending: DateMention | None = None
            for sentence in split_sentences(self.reading, index, section):
                self.current_age += 1
                triggers = self.triggers(sentence, section, quotes)
                dates = [d for d in self.dates if sentence.start <= d.start < sentence.end]
                if dates and not triggers:
                    pending = dates[0]
                elif triggers and not dates and pending is not None:
                    dates, pending = [pending], None
                draft = None
                if dates and triggers:
                    draft = self.dated(sentence, section, triggers, dates[0])
                    if draft:
                        self.focus(draft)
                elif triggers:
                    draft = self.undated(sentence, section, triggers)
                    in_focus = self.current is not None and draft is not None
                    if in_focus and draft.part_of == self.current.iri:
                        # A part told about inside the event in focus leaves the focus, and
                        # who takes part in the part takes part in the whole.
                        self.also.append(self.current)
                    elif draft and draft is not self.current:
                        self.focus(draft)
                elif dates and (stage := self.stage(sentence, section, dates[0])):
                    draft = stage
                    self.focus(draft)
                elif self.current is not None and self.current_age <= FOCUS_SENTENCES + 1:
                    draft = self.current
                if draft is not None:
                    self.attach(draft, sentence, section, triggers)
                    for part in self.also:
                        self.attach(part, sentence, section, triggers)
                    days = self.days_said(sentence, section)
                    if days and draft.start and draft.end in (None, draft.start):
                        draft.end = (
                            date.fromisoformat(draft.start) + timedelta(days - 1)
                        ).isoformat()
                self.also = []
        merge_undated(self.drafts)
        nest_by_dates(self.drafts)
        inherit_places(self.drafts)
        return self.drafts


def inherit_places(drafts: list[Draft]) -> None:
    """A part of an event happens in the event's city unless its own sentences say where."""
    by_iri = {d.iri: d for d in drafts}
    for draft in drafts:
        parent = by_iri.get(draft.part_of or "")
        if parent is not None and draft.city is None and parent.type not in FRAMING_TYPES:
            draft.city = parent.city


#: Kinds of event a dated sentence names beside its main event, as parts of it (the signing
#: during a visit, a round table at a forum); an agreement holds no part of its own.
SUB_EVENT_TYPES = ("Agreement", "Visit", "Exhibition", "Meeting")
#: Events whose opening is told as an event of its own ("the exhibition opened").
OPENED_TYPES = ("Exhibition", "Forum", "Conference", "Congress")
#: Events in focus that another kind of event named while they are told about is a part of
#: (not a project or programme, nor a stage or ceremony typed Other).
HOLDER_TYPES = (
    "Congress",
    "Conference",
    "Forum",
    "Visit",
    "Training",
    "Exhibition",
    "Meeting",
    "Seminar",
)
#: Kinds of event a word names as a part of the event in focus, in a sentence with no date of
#: its own; not meetings, since "the meeting" as often names the event in focus itself.
PART_WORD_TYPES = ("Agreement", "Visit", "Exhibition")
#: Events that hold others on their days: a session, an opening or a signing on a day of a
#: forum is part of it.
CONTAINER_TYPES = ("Congress", "Conference", "Forum", "Visit", "Training", "Exhibition")
#: Events that happen inside a larger one on the same day.
PART_TYPES = ("Meeting", "Other", "Agreement", "Seminar", "Training", "Exhibition", "Visit")


def merge_undated(drafts: list[Draft]) -> None:
    """Fold an undated event into the dated one it repeats: the headline, the lead and the body
    telling the same event give one event. An undated event joins a dated one of its type with
    the same title, or the only dated one of its type (not projects and programmes, which a
    report often names without the dates of the one it tells about)."""
    for draft in list(drafts):
        if draft.start is not None:
            continue
        dated = [d for d in drafts if d.start is not None and d.type == draft.type]
        same_title = [d for d in dated if slugify(d.title, 80) == slugify(draft.title, 80)]
        if same_title:
            target = same_title[0]
        elif len(dated) == 1 and draft.type not in FRAMING_TYPES:
            target = dated[0]
        else:
            continue
        for span in draft.mentions:
            if span not in target.mentions:
                target.mentions.append(span)
        for iri, participant in draft.participants.items():
            target.participants.setdefault(iri, participant)
        for organizer in draft.organizers:
            if organizer not in target.organizers:
                target.organizers.append(organizer)
        target.city = target.city or draft.city
        target.venue = target.venue or draft.venue
        target.online = target.online or draft.online
        target.part_of = target.part_of or draft.part_of
        drafts.remove(draft)
        for other in drafts:
            if other.part_of == draft.iri:
                other.part_of = None if other is target else target.iri


def nest_by_dates(drafts: list[Draft]) -> None:
    """An event on a day of a larger event of another type is part of it: the plenary session
    on the first day of a forum, the signing during a visit, the opening of an exhibition."""
    for draft in drafts:
        if draft.part_of is not None or draft.start is None or draft.type in FRAMING_TYPES:
            continue
        end = draft.end or draft.start
        holders = [
            d
            for d in drafts
            if d is not draft
            and d.start is not None
            and d.type in CONTAINER_TYPES
            and d.type != draft.type
            and draft.type in PART_TYPES
            and d.start <= draft.start
            and end <= (d.end or d.start)
            and ((d.end or d.start) > d.start or draft.type not in CONTAINER_TYPES)
            and d.part_of != draft.iri
        ]
        if holders:
            # The longest one holds it (a forum, rather than an exhibition opened at it).
            draft.part_of = max(holders, key=lambda d: ((d.end or d.start), -drafts.index(d))).iri


def recognise_events(reading: Reading) -> None:
    """Add the report's events, with their dates, places, organisers and participants."""
    for draft in _Sentences(reading).run():
        event = Event(
            iri=draft.iri,
            type=draft.type,
            title=draft.title,
            start=draft.start,
            end=draft.end,
            online=draft.online,
            city=draft.city,
            venue=draft.venue,
            organizers=list(draft.organizers),
            part_of=draft.part_of,
            participants=list(draft.participants.values()),
            mentions=sorted(set(draft.mentions)),
            language=draft.language,
        )
        reading.events.append(event)
        for span in event.mentions:
            reading.add_entity(
                event.iri,
                "Event",
                event.title,
                span.start,
                span.end,
                from_reference=False,
                language=draft.language,
            )
