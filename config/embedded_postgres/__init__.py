"""The embedded PostgreSQL used when DATABASE_URL is not set.

`pgserver` ships PostgreSQL 16 binaries in a wheel. The server keeps its data in a git-ignored folder of the
project and listens on a Unix socket inside it. It is started on the first database connection of a process
and shared by every process that uses the same folder; the last one to exit stops it.
"""

import threading
import warnings
from pathlib import Path

DATABASE_NAME = "parley"

_started: dict[Path, object] = {}
_lock = threading.Lock()


def ensure_server(data_dir: str | Path):
    """Start (or join) the embedded server for data_dir and make sure Parley's database exists."""
    data_dir = Path(data_dir).resolve()
    with _lock:
        if data_dir in _started:
            return _started[data_dir]
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset; pgserver only keeps a lock file there
            warnings.simplefilter("ignore")
            import pgserver

            data_dir.parent.mkdir(parents=True, exist_ok=True)
            server = pgserver.get_server(data_dir, cleanup_mode="stop")
        exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
        if "(1 row)" not in exists:
            server.psql(f'CREATE DATABASE "{DATABASE_NAME}";')
        _started[data_dir] = server
        return server
