"""Direct access to the server's database for the benchmarks: SQLite through the standard library,
PostgreSQL through `psql` (no driver needed). `target` is a data folder (SQLite) or a postgres:// URL."""

import os
import sqlite3
import subprocess


def is_postgres(target):
    return target.startswith("postgres://") or target.startswith("postgresql://")


def query(target, sql):
    """Rows of one SELECT, as tuples of strings (PostgreSQL) or Python values (SQLite)."""
    if is_postgres(target):
        output = subprocess.run(["psql", target, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                check=True, capture_output=True, text=True).stdout
        return [tuple(None if v == "" else v for v in line.split("\t")) for line in output.splitlines() if line]
    with sqlite3.connect(f"file:{os.path.join(target, 'fabriques.sqlite')}?mode=ro", uri=True) as connection:
        return connection.execute(sql).fetchall()


def script(target, sql):
    """Runs several statements in one transaction."""
    if is_postgres(target):
        subprocess.run(["psql", target, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1"], input=sql, check=True, capture_output=True, text=True)
        return
    connection = sqlite3.connect(os.path.join(target, "fabriques.sqlite"))
    try:
        connection.executescript("BEGIN;\n" + sql + "\nCOMMIT;")
    finally:
        connection.close()


def scalar(target, sql):
    value = query(target, sql)[0][0]
    return None if value is None else int(float(value))
