"""Synthetic reports with gold annotations, for measuring the reader and the graph at scale.

``generate_corpus(out, reports, seed)`` writes ``out/NNNNN_<tag>.txt`` reports in every
supported language and ``out/gold/NNNNN_<tag>.json`` gold files (docs/model.md, "Gold
annotations"), so that ``cislib evaluate out/gold --reports out`` scores the reader on them
and ``benchmarks/run.py`` can load thousands of them. The same size and seed give the same bytes.

The reports are written from the reader's own tables (event words, post titles, counted nouns,
months, name shapes of ``cislib/extract/lang/<lang>/``) and the reference data (countries,
cities, libraries, organisations with their labels), with inflected forms: a story
(``story``) is drawn, then put in words by the report language's templates (``templates``),
which decline names (``morphology``) and record every name they write, so the gold file lists
exactly what the text says (``writer``).

Example:
    >>> from cislib.synth import generate_report
    >>> report = generate_report(1, seed=0)
    >>> all(m in report.text for e in report.gold["entities"] for m in e["mentions"])
    True
"""

from cislib.synth.corpus import Report, SynthError, generate_corpus, generate_report

__all__ = ["Report", "SynthError", "generate_corpus", "generate_report"]
