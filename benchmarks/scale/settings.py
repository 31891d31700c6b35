"""Benchmark-only settings: the product's settings, no debug, a query counter, and a floor view.

Used only by `benchmarks/scale_bench.py`; the product's URLs and settings are unchanged.
"""

from rightslens.settings import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = False  # plain HTTP on 127.0.0.1 for the benchmark client
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ROOT_URLCONF = "benchmarks.scale.urls"
MIDDLEWARE = ["benchmarks.scale.urls.count_queries", *MIDDLEWARE]  # noqa: F405
