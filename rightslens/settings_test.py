"""Settings for the test suite: the application's settings with local (debug) defaults.

Production is the default everywhere else (RIGHTSLENS_DEBUG unset means DEBUG off). The suite
keeps plain HTTP for the test client and the live server; Django's test runner still runs every
test with DEBUG off. tests/security/test_settings.py checks the production settings themselves.
"""

import os

os.environ.setdefault("RIGHTSLENS_DEBUG", "1")

from rightslens.settings import *  # noqa: E402,F403
