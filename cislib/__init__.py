"""cislib: the knowledge graph of library cooperation across the CIS.

Reports go in; a validated, evidence-backed RDF graph of libraries, countries, cities,
organisations, people and events comes out. The package is layered so that data flows one way:
``seeds -> extract -> graph -> queries -> cli``.
"""

__version__ = "0.1.0"
