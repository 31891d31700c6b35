#!/bin/bash
# Load runs for issues 17 and 18: gunicorn (4 workers) + PostgreSQL + Redis cache + Celery worker on the broker.
# Usage: bash benchmarks/load_run.sh  (databases rl_load with the demo and rl_bench with s100, prepared first;
# results in var/load-*.txt and .json). Starts and stops gunicorn and a Celery worker itself.
set -u
cd "$(dirname "$0")/.."
mkdir -p var
export RIGHTSLENS_CACHE_URL=redis://127.0.0.1:6379/1
export RIGHTSLENS_BROKER_URL=redis://127.0.0.1:6379/0
export RIGHTSLENS_DEBUG=0 RIGHTSLENS_ALLOWED_HOSTS=127.0.0.1,localhost
redis-cli -n 1 flushdb >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
run() {  # db org users seconds accounts out
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/$1 DJANGO_SETTINGS_MODULE=benchmarks.load_settings \
    .venv/bin/celery -A rightslens.celery_app worker --concurrency 1 --loglevel=warning > var/load-celery-$2.log 2>&1 &
  CEL=$!
  sleep 5
  .venv/bin/python benchmarks/load_bench.py --start-gunicorn --workers 4 --database-url postgres://postgres@127.0.0.1:5432/$1 \
    --org $2 --users $3 --duration $4 --accounts "$5" --json var/load-load-$2.json > var/load-load-$2.txt 2>&1
  echo "exit $?" >> var/load-load-$2.txt
  kill $CEL; wait $CEL 2>/dev/null
}
uptime > var/load-load-uptime.txt
run rl_load demo 50 600 "demo@rightslens.example:demo-password-2026"
uptime >> var/load-load-uptime.txt
run rl_bench s100 50 180 "bench@example.org:generated-password-2026"
uptime >> var/load-load-uptime.txt
