"""A throwaway PostgreSQL 15 + PostGIS cluster for the tests and benchmarks of the PostGIS store.

The cluster lives in a temporary folder: ``initdb`` and ``pg_ctl`` from
Debian's ``postgresql-15`` start it on a free 127.0.0.1 port and a unix socket
in that folder, and everything goes when it stops. Each test gets a fresh
database copied from a template that already has ``CREATE EXTENSION postgis``,
which takes a fraction of a second. When run as root the server runs as the
``postgres`` user (PostgreSQL refuses to run as root), which owns the folder.

The cluster's default collation is ICU's ``en-US``: it sorts ``a`` before ``B``
and folds accented capitals, unlike SQLite, so the tests catch any query whose
answer would depend on the database's collation.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

PG_BIN = Path("/usr/lib/postgresql/15/bin")
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
PACKAGES = "postgresql-15 postgresql-15-postgis-3"
SUPERUSER = "postgres"
PASSWORD = "launchmap-test-secret"  # a throwaway cluster's, on 127.0.0.1 only
TEMPLATE = "launchmap_template"


def missing_packages() -> str | None:
    """Say what is missing to run a PostGIS cluster here, or None when nothing is."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PG_BIN}/initdb is missing)"
    if not POSTGIS_CONTROL.exists():
        return f"PostGIS is not installed for PostgreSQL 15 ({POSTGIS_CONTROL} is missing)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """A PostgreSQL cluster in a temporary folder, started by :meth:`start`."""

    def __init__(self, *, settings: dict[str, str] | None = None) -> None:
        problem = missing_packages()
        if problem:
            raise RuntimeError(
                f"{problem}: the PostGIS store tests need a PostgreSQL server with PostGIS; "
                f"install them with `apt-get install -y --no-install-recommends {PACKAGES}` "
                "(as the README's test command does)"
            )
        self.root = Path(tempfile.mkdtemp(prefix="launchmap-postgres-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log = self.root / "postgres.log"
        self.port = _free_port()
        self.settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.socket_dir),
            "fsync": "off",  # a crash of the machine is not tested: no flush to disk needed
            "max_connections": "200",
            "shared_buffers": "128MB",
        } | (settings or {})
        self._names = itertools.count()
        self._run_as: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self._run_as = ["runuser", "-u", SUPERUSER, "--"]
            account = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.socket_dir.mkdir()
        if self._run_as:
            os.chown(self.socket_dir, account.pw_uid, account.pw_gid)

    # -- the server ---------------------------------------------------------------------

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [*self._run_as, *command], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
                + (f"\n{self.log.read_text()}" if self.log.exists() else "")
            )

    def start(self) -> PostgresCluster:
        """Create the cluster (the first time), start the server, make the PostGIS template."""
        if not self.data.exists():
            password_file = self.root / "password"
            password_file.write_text(PASSWORD + "\n")
            if self._run_as:
                account = pwd.getpwnam(SUPERUSER)
                os.chown(password_file, account.pw_uid, account.pw_gid)
            self._run(
                str(PG_BIN / "initdb"),
                "--pgdata",
                str(self.data),
                "--username",
                SUPERUSER,
                "--pwfile",
                str(password_file),
                "--auth-local",
                "trust",
                "--auth-host",
                "scram-sha-256",
                "--encoding",
                "UTF8",
                "--locale",
                "C.UTF-8",
                "--locale-provider",
                "icu",
                "--icu-locale",
                "en-US",
                "--no-sync",
            )
            password_file.unlink()
            self._start_server()
            self._make_template()
        else:
            self._start_server()
        return self

    def _start_server(self) -> None:
        options = " ".join(f"-c {name}={value}" for name, value in self.settings.items())
        self._run(
            str(PG_BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--options",
            options,
            "--wait",
            "--timeout",
            "60",
            "start",
        )

    def postmaster_pid(self) -> int:
        """The process id of the running server (from postmaster.pid)."""
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast`` or ``immediate``); the cluster stays for another start."""
        if (self.data / "postmaster.pid").exists():
            self._run(str(PG_BIN / "pg_ctl"), "--pgdata", str(self.data), "--mode", mode, "stop")

    def remove(self) -> None:
        """Stop the server at once and delete the cluster."""
        with contextlib.suppress(RuntimeError):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases ----------------------------------------------------------------------

    def url(self, database: str, *, user: str = SUPERUSER, password: str = PASSWORD) -> str:
        """The postgresql:// address of a database on this cluster, over TCP with a password."""
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit superuser connection through the unix socket."""
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=SUPERUSER,
            dbname=database,
            autocommit=True,
        )

    def _make_template(self) -> None:
        with self.admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
        with self.admin(TEMPLATE) as connection:
            connection.execute("CREATE EXTENSION postgis")
        with self.admin() as connection:
            connection.execute(
                sql.SQL("ALTER DATABASE {} IS_TEMPLATE true").format(sql.Identifier(TEMPLATE))
            )

    def new_database(self, *, postgis: bool = True, prefix: str = "test") -> str:
        """Create a fresh database (with the postgis extension, or without) and name it."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        template = TEMPLATE if postgis else "template0"
        with self.admin() as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections are left on it."""
        with self.admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
