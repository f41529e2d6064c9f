"""Generated reports with their gold files: one report, or a whole corpus on disk.

Report ``i`` of a corpus is drawn from its own ``random.Random`` seeded with the corpus seed
and ``i``, so a corpus is the same bytes whenever it is made with the same size and seed, any
report can be made alone, and a larger corpus begins with the reports of a smaller one. The
languages take turns in blocks of seven (every block holds each language once, in an order
drawn from the seed), so even a small corpus has every language.

Files: ``OUT/NNNNN_<tag>.txt`` for the reports and ``OUT/gold/NNNNN_<tag>.json`` for their
gold annotations (the format of docs/model.md), so ``cislib evaluate OUT/gold --reports OUT``
scores the reader on them.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cislib.errors import CislibError
from cislib.extract.lang import SUPPORTED_TAGS
from cislib.synth.story import plan_story
from cislib.synth.templates import language_for
from cislib.synth.writer import Writer

#: The folder, inside the output folder, that holds the gold files.
GOLD_FOLDER = "gold"


class SynthError(CislibError):
    """The corpus cannot be written where it was asked to be."""


@dataclass(frozen=True)
class Report:
    """One generated report: its file name, language, text and gold annotations."""

    number: int
    language: str
    text: str
    gold: dict

    @property
    def file_name(self) -> str:
        """``NNNNN_<tag>.txt``."""
        return f"{self.number:05d}_{self.language}.txt"

    @property
    def gold_name(self) -> str:
        """``NNNNN_<tag>.json``."""
        return f"{self.number:05d}_{self.language}.json"


def language_of(number: int, seed: int) -> str:
    """The language of report ``number`` (counted from 1) of a corpus made with ``seed``."""
    block, place = divmod(number - 1, len(SUPPORTED_TAGS))
    order = list(SUPPORTED_TAGS)
    random.Random(f"cislib-synth:{seed}:languages:{block}").shuffle(order)
    return order[place]


def generate_report(number: int, seed: int = 0) -> Report:
    """Report ``number`` (from 1) of the corpus made with ``seed``.

    Example:
        >>> report = generate_report(1, seed=7)
        >>> report.gold["report"] == report.file_name, report.text == generate_report(1, 7).text
        (True, True)
    """
    tag = language_of(number, seed)
    rng = random.Random(f"cislib-synth:{seed}:report:{number}")
    language = language_for(tag)
    story = plan_story(rng, language)
    writer = Writer(language, rng)
    writer.bind(**story.slots())
    language.compose(story, writer)
    file_name = f"{number:05d}_{tag}.txt"
    return Report(number, tag, writer.text(), gold_for(file_name, tag, writer))


def _unique_ids(things) -> dict[int, str]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for thing in things:
        base = thing.key or thing.type.lower()
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        ids[id(thing)] = key
    return ids


def gold_for(file_name: str, tag: str, writer: Writer) -> dict:
    """The gold annotations of a written report: what it names, its events, posts, numbers.

    Everything comes from what the templates actually wrote: an entity is listed with every
    form it was written in, an event only if a sentence names it, a participant or organiser
    only if it is named too.
    """
    things = list(writer.things.values())
    ids = _unique_ids(things)
    named = {id(t) for t in things}
    entities = []
    for thing in things:
        entry = {
            "id": ids[id(thing)],
            "type": thing.type,
            "name_en": thing.name_en,
            "mentions": writer.mentions[id(thing)],
        }
        if thing.type in ("City", "Library", "Organization") and thing.country is not None:
            entry["country"] = thing.country.name_en
        if thing.type in ("Library", "Organization") and id(thing.city) in named:
            entry["city"] = ids[id(thing.city)]
        entities.append(entry)

    def ref(thing):
        return ids[id(thing)] if thing is not None and id(thing) in named else None

    def refs(items):
        return list(dict.fromkeys(ids[id(t)] for t in items if id(t) in named))

    event_ids = {id(e): e.key for e in writer.events}
    events = []
    for event in writer.events:
        events.append(
            {
                "id": event.key,
                "name_en": event.name_en,
                "event_type": event.type,
                "start": event.start.isoformat(),
                "end": (event.end or event.start).isoformat(),
                "city": ref(event.city),
                "venue": ref(event.venue),
                "organizers": refs(event.organizers),
                "participants": refs(event.participants),
                "part_of": event_ids.get(id(event.part_of)) if event.part_of else None,
            }
        )
    posts = []
    for cast in writer.posts:
        entry = {"person": ref(cast.thing), "role": cast.role, "organization": ref(cast.org)}
        if entry["person"] and entry not in posts:
            posts.append(entry)
    numbers = [
        {
            "what": count.what,
            "value": count.value,
            "event": event_ids.get(id(count.event)) if count.event else None,
        }
        for count in writer.numbers
    ]
    return {
        "report": file_name,
        "language": tag,
        "entities": entities,
        "events": events,
        "posts": posts,
        "numbers": numbers,
    }


def gold_json(gold: dict) -> str:
    """A gold file's text: one entity, event, post or number per line, stable key order."""
    lines = [
        "{" + f'"report": {json.dumps(gold["report"])}, "language": {json.dumps(gold["language"])},'
    ]
    sections = ("entities", "events", "posts", "numbers")
    for i, section in enumerate(sections):
        items = gold[section]
        body = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in items)
        closing = "]" + ("," if i < len(sections) - 1 else "}")
        lines.append(f' "{section}": [' + ("\n" + body + "\n " if items else "") + closing)
    return "\n".join(lines) + "\n"


def _rendered(numbers: range, seed: int) -> list[tuple[str, str, str, str]]:
    """Reports ``numbers`` as (report file, gold file, report text, gold text)."""
    out = []
    for number in numbers:
        report = generate_report(number, seed)
        out.append((report.file_name, report.gold_name, report.text, gold_json(report.gold)))
    return out


#: Reports a worker process makes at a time.
CHUNK = 250


def generate_corpus(
    out: str | Path, reports: int, seed: int = 0, jobs: int | None = None
) -> list[Path]:
    """Write ``reports`` generated reports and their gold files into ``out``.

    Args:
        out: the output folder (created if missing; files of the same names are replaced).
        reports: how many reports.
        seed: the corpus seed; the same size and seed make the same bytes.
        jobs: worker processes (default: one less than the CPUs, at most 4; 1 works in this
            process). The files are the same whatever the number of jobs.

    Returns:
        The report files written, in order.

    Raises:
        SynthError: ``reports`` is negative, or the folder cannot be written.
    """
    if reports < 0:
        raise SynthError(f"--reports must be 0 or more, not {reports}")
    out = Path(out)
    gold_dir = out / GOLD_FOLDER
    try:
        gold_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SynthError(f"{out}: cannot create the folder ({exc.strerror})") from exc
    # The parent writes every file, so a worker per CPU would leave it none.
    jobs = jobs or max(1, min(4, (os.cpu_count() or 1) - 1))
    chunks = [range(i, min(i + CHUNK, reports + 1)) for i in range(1, reports + 1, CHUNK)]
    if reports:
        generate_report(1, seed)  # warm the caches once, before any worker is forked
    written = []
    if jobs > 1 and len(chunks) > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            batches = pool.map(_rendered, chunks, [seed] * len(chunks))
            for batch in batches:
                written += _write(out, gold_dir, batch)
    else:
        for chunk in chunks:
            written += _write(out, gold_dir, _rendered(chunk, seed))
    return written


def _write(out: Path, gold_dir: Path, batch) -> list[Path]:
    paths = []
    for file_name, gold_name, text, gold_text in batch:
        path = out / file_name
        try:
            path.write_text(text, encoding="utf-8")
            (gold_dir / gold_name).write_text(gold_text, encoding="utf-8")
        except OSError as exc:
            raise SynthError(f"{path}: cannot be written ({exc.strerror})") from exc
        paths.append(path)
    return paths
