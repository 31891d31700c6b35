"""Differential effectiveness probes (B-Tech practice 3, UNGP 20): do a model's safety features work
as well in every language? Pure Python: suites, outcome classification, statistics, the runner's
journal and the report. The Django app rightslens.probes persists and presents."""
