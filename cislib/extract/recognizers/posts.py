"""Posts: who holds which title at which organisation.

"Россия Давлат кутубхонаси бош директори ... Вадим Валериевич Дуда" (organisation, title,
person), "генеральный директор РГБ Вадим Дуда" (title, organisation, person), "Vadim Duda,
Director General of the Russian State Library" and a byline "Илхомжон Мухтаров, <organisation>
<title>" all give a post. Titles come from ``POST_WORDS``; the organisation stands before or
after the title as ``POST_ORG_ORDER`` says; chains of posts before one name all belong to it.
"""

from __future__ import annotations

import re

from cislib.extract.reading import Reading, Section
from cislib.extract.record import Post
from cislib.extract.text import PhraseTable, stemmer_for

#: Words that may stand between an organisation and its title ("илмий ва ўқув фаолияти
#: департаменти директори"), at most.
DESCRIPTOR_WORDS = 7
#: What may separate the parts of a chain of posts and the name after them.
_CHAIN_GAP = re.compile(r"[\s,;–—\-]*")
_BYLINE_GAP = re.compile(r"[\s,*]*")
_SENTENCE_BREAK = re.compile(r"[.!?](\s|$)")

#: Words that tie a title to the organisation after it ("Director of the ...", "head at ...").
LINK_WORDS = ("of", "at")

_POST_TABLES: dict[str, PhraseTable] = {}


def post_phrases(language) -> PhraseTable:
    """A language's post titles, indexed by stems."""
    if language.tag not in _POST_TABLES:
        _POST_TABLES[language.tag] = PhraseTable(language.POST_WORDS.items(), stemmer_for(language))
    return _POST_TABLES[language.tag]


class _Posts:
    def __init__(self, reading: Reading, section: Section):
        self.reading = reading
        self.text = reading.text
        self.section = section
        self.tokens = section.tokens
        self.order = section.language.POST_ORG_ORDER
        mentions = [
            (s, e, reading.entities[iri])
            for (s, e), iri in reading.claimed.items()
            if section.start <= s < section.end
        ]
        # A country inside an institution's name is part of that name here.
        self.mentions = sorted(
            (
                m
                for m in mentions
                if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] for o in mentions)
            ),
            key=lambda m: m[0],
        )

    def titles(self):
        toks = self.tokens
        out = []
        i = 0
        while i < len(toks):
            hit = post_phrases(self.section.language).match(toks, i)
            if hit and not self.reading.is_claimed(toks[i].start, toks[hit[0]].end):
                out.append((toks[i].start, toks[hit[0]].end, hit[1]))
                i = hit[0] + 1
            else:
                i += 1
        return out

    def words_between(self, a: int, b: int) -> int:
        return sum(1 for t in self.tokens if a <= t.start and t.end <= b)

    def org_before(self, start: int):
        for s, e, entity in reversed(self.mentions):
            if e > start:
                continue
            if entity.type not in ("Library", "Organization"):
                return None
            if self.words_between(e, start) > DESCRIPTOR_WORDS or _SENTENCE_BREAK.search(
                self.text, e, start
            ):
                return None
            if any(m[2].type == "Person" and e <= m[0] < start for m in self.mentions):
                return None
            return s, e, entity
        return None

    def org_after(self, end: int):
        """The organisation after a title: "директор Национальной библиотеки", "Director of
        the National Library", "заместитель директора по научной работе НББ"."""
        for s, e, entity in self.mentions:
            if s < end:
                continue
            if entity.type == "Person" or _SENTENCE_BREAK.search(self.text, end, s):
                return None
            if entity.type in ("Library", "Organization"):
                # "head of the public relations department of the National Library": a
                # department's words may stand between, as before the title in Turkic.
                return (s, e, entity) if self.words_between(end, s) <= DESCRIPTOR_WORDS else None
        return None

    def person_after(self, end: int, titles):
        """The name after a title, across a chain of other posts and organisations."""
        pos = end
        while True:
            nxt = next((m for m in self.mentions if m[0] >= pos), None)
            title = next((t for t in titles if t[0] >= pos), None)
            candidates = [c for c in (nxt, title) if c]
            if not candidates:
                return None
            first = min(candidates, key=lambda c: c[0])
            if not _CHAIN_GAP.fullmatch(self.text, pos, first[0]) and self.words_between(
                pos, first[0]
            ) > (DESCRIPTOR_WORDS if first is title else 2):
                return None
            if first is nxt and nxt[2].type == "Person":
                return nxt
            if first is nxt and nxt[2].type not in ("Library", "Organization", "Country", "City"):
                return None
            pos = first[1]

    def after_organisation(self, position: int) -> bool:
        """True when an organisation's name ends right before ``position``."""
        return any(
            m[2].type in ("Library", "Organization")
            and _CHAIN_GAP.fullmatch(self.text, m[1], position)
            for m in self.mentions
            if m[1] <= position
        )

    def person_before(self, start: int):
        people = [m for m in self.mentions if m[1] <= start and m[2].type == "Person"]
        if not people:
            return None
        s, e, entity = people[-1]
        return (s, e, entity) if _BYLINE_GAP.fullmatch(self.text, e, start) else None

    def read(self) -> list[Post]:
        titles = self.titles()
        posts: list[Post] = []
        conjunctions = {c.lower() for c in self.section.language.CONJUNCTIONS}
        for start, end, role in titles:
            org = None
            following = [t.norm for t in self.tokens if t.start >= end][:1]
            linked = bool(following) and following[0] in LINK_WORDS
            if self.order == "before" or (self.order == "both" and not linked):
                org = self.org_before(start)
            if org is None and self.order in ("after", "both"):
                org = self.org_after(end)
            # "Ainura Osmonalieva, Director of ...", "Иван Петров, директор РГБ": a name right
            # before the title, set off by a comma, is the holder (an apposition).
            person = self.person_before(start) if self.order != "before" else None
            if person is not None and self.after_organisation(person[0]):
                person = None  # "... директором РГБ Вадимом Дудой, руководителем ...": a chain
            if person is None:
                person = self.person_after(end, [t for t in titles if t[0] > start])
            if person is None:
                anchor = org[0] if org and org[1] <= start else start
                person = self.person_before(anchor)
            if person is None:
                continue
            if org is None and posts and posts[-1].organization:
                # "X бўлими директори A ва директор ўринбосари B": B works where A does.
                previous = self.reading.entities[posts[-1].person].mentions
                ends = [m.end for m in previous if m.end <= start]
                between = [t.norm for t in self.tokens if ends and max(ends) <= t.start < start]
                if (
                    ends
                    and between
                    and between[0] in conjunctions
                    and max(ends) >= posts[-1].evidence.start
                ):
                    org = (None, None, self.reading.entities[posts[-1].organization])
            title_start = org[1] if org and org[1] is not None and org[1] <= start else start
            title = " ".join(self.text[title_start:end].strip(" ,").split())
            spans = [start, end, person[0], person[1]] + (
                [org[0], org[1]] if org and org[0] is not None else []
            )
            posts.append(
                Post(
                    person=person[2].iri,
                    title=title or self.text[start:end],
                    role=role,
                    organization=org[2].iri if org else None,
                    evidence=self.reading.span(min(spans), max(spans)),
                    language=self.section.tag,
                )
            )
        return posts


def recognise_posts(reading: Reading) -> None:
    """Add every post found next to a person's name."""
    seen = set()
    for section in reading.sections:
        for post in _Posts(reading, section).read():
            key = (post.person, post.organization, post.role)
            if key not in seen:
                seen.add(key)
                reading.posts.append(post)
