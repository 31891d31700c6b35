# RightsLens production image: gunicorn (several workers) serving the app and its static files.
# Build: docker compose build   ·   Run: docker compose up -d   (see docs/deploy.md)

# Front-end packages (htmx, axe-core) from package-lock.json: served locally, never from a CDN.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RIGHTSLENS_VAR_DIR=/var/lib/rightslens \
    RIGHTSLENS_MEDIA_ROOT=/var/lib/rightslens/media
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY pyproject.toml manage.py ./
COPY rightslens ./rightslens
COPY --from=frontend /src/node_modules ./node_modules
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home-dir /var/lib/rightslens rightslens \
    && mkdir -p /var/lib/rightslens/media && chown -R rightslens /var/lib/rightslens \
    && chmod 700 /var/lib/rightslens
# Collect static files at build time; a throwaway key is enough to load the settings.
RUN RIGHTSLENS_SECRET_KEY=build-only RIGHTSLENS_GRIEVANCE_KEY=build-only \
    RIGHTSLENS_VAR_DIR=/tmp/build python manage.py collectstatic --noinput -v0 \
    && rm -rf /tmp/build
USER rightslens
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
CMD ["gunicorn", "-c", "python:rightslens.ops.gunicorn_conf", "rightslens.wsgi"]
