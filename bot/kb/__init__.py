"""The 12345 knowledge base: entries with versions, review workflow, audit, unanswered queue.

Store: models.py (tables), repository.py (queries), workflow.py (KnowledgeBase service),
io.py (YAML/CSV import-export), loader.py (seed files), unanswered.py; service.py answers
questions from an in-memory index (nlu.retrieval) kept fresh via kb_meta.index_version.
"""
