"""Validation of the store: readable problems, SHACL-SPARQL rules on the store's engine."""

from __future__ import annotations

import json
from dataclasses import replace

import rdflib
from conftest import make_record
from rdflib.namespace import SH

from cislib.graph.validation import validate_graph, validate_store


def test_a_good_store_conforms(store):
    store.ingest(make_record())
    result = validate_store(store)
    assert result.conforms, result.to_text()
    assert "conforms" in result.to_text()


def test_end_before_start_is_reported_with_label_report_and_quote(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store)
    assert not result.conforms
    problem = next(p for p in result.problems if "end date" in p.message.lower())
    assert problem.label == "seminar"  # the event's name, not an IRI or a blank node
    assert problem.reports == ["late.txt"]
    assert problem.quotes == ["seminar"]
    text = result.to_text()
    assert "seminar" in text and "late.txt" in text and "_:" not in text


def test_messages_in_russian(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store, language="ru")
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in p.message) for p in result.problems)


def test_store_and_pyshacl_agree_on_sparql_rules(store):
    from cislib.graph.validation import data_graph

    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    data = data_graph(store)

    def sparql_results(result):
        report = result.report_graph
        return {
            (report.value(r, SH.focusNode), report.value(r, SH.sourceConstraint))
            for r in report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
        }

    fast = sparql_results(validate_graph(data, store=store))
    slow = sparql_results(validate_graph(data))
    assert fast == slow and fast


def test_json_and_turtle_formats(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store)
    payload = json.loads(result.to_json())
    assert payload["conforms"] is False and payload["problems"]
    report = rdflib.Graph().parse(data=result.to_turtle(), format="turtle")
    assert [c.toPython() for c in report.objects(None, SH.conforms)] == [False]
