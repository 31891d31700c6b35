"""Settings for the load benchmark only: production settings with a larger grievance-channel budget.

The channel's per-organisation budget (60 grievances an hour, 300 a day by default) is what stops
a flood in production; a load test's public users submit far more than that, and would get 429.
This module raises the budget for the benchmark's server and changes nothing else. Never deploy
with it: production keeps `rightslens.settings` and its defaults.
"""

from rightslens.settings import *  # noqa: F403  (the production settings, unchanged)

# (window seconds, grievances, attachment bytes) per organisation.
GRIEVANCE_CHANNEL_BUDGETS = [(3600, 1_000_000, 10**12), (86400, 10_000_000, 10**13)]
