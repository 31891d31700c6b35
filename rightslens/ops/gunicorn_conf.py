"""gunicorn settings: `gunicorn -c python:rightslens.ops.gunicorn_conf rightslens.wsgi`.

Every value can be changed with the environment variables gunicorn itself reads (GUNICORN_CMD_ARGS)
or the ones below. No access log: it would record visitors' IP addresses.
"""

import multiprocessing
import os

bind = os.environ.get("RIGHTSLENS_BIND", "0.0.0.0:8000")
# Several workers; a sync worker per process is enough for this server-rendered app.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("RIGHTSLENS_THREADS", "2"))
timeout = int(os.environ.get("RIGHTSLENS_TIMEOUT", "60"))  # policy analysis of a long PDF
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then (memory from large uploads)
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = os.environ.get("RIGHTSLENS_GUNICORN_LOG_LEVEL", "info")
# Behind a TLS proxy (RIGHTSLENS_BEHIND_TLS_PROXY=1) trust its X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
