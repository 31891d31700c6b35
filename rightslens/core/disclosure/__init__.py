"""Regulatory outputs assembled from the register: the EU AI Act FRIA (Art. 27), the ESRS S4 /
UNGP 21 disclosure, and the public transparency summary. Pure functions over plain facts; the
disclosure app gathers the facts from the database and renders the results."""
