"""Two writers at once on SQLite: both succeed, one after the other; never "database is locked".

Each writer reads then writes in one transaction, the pattern of every service. With SQLite's
default deferred transactions both take a read lock and neither can upgrade, so one fails at
once with "database is locked"; the settings begin write transactions IMMEDIATE and wait.
"""

import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite's locking only; PostgreSQL locks rows.",
)


def _connection(path: Path) -> DatabaseWrapper:
    """A connection with the application's own SQLite settings, on a file both threads share."""
    return DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(path)}, alias="writer")


def _read_then_write(path: Path, start: threading.Barrier, failures: list[Exception]) -> None:
    db = _connection(path)
    try:
        start.wait()
        db.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with db.cursor() as cursor:
            cursor.execute("SELECT n FROM counter")
            (n,) = cursor.fetchone()
            time.sleep(0.2)  # let the other writer reach its read too (widens the race)
            cursor.execute("UPDATE counter SET n = %s", [n + 1])
        db.commit()
        db.set_autocommit(True)
    except Exception as exc:  # noqa: BLE001 - recorded for the assertion
        failures.append(exc)
    finally:
        db.close()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_writers_both_succeed_and_no_update_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "two-writers.sqlite3"
    setup = _connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    start, failures = threading.Barrier(2), []
    writers = [
        threading.Thread(target=_read_then_write, args=(path, start, failures)) for _ in range(2)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert failures == []
    with setup.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone() == (2,)
    setup.close()


def test_the_settings_wait_for_the_lock_and_begin_immediately() -> None:
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
