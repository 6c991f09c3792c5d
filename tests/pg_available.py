"""Exit 0 when the PostgreSQL server in the URL answers, 1 otherwise (used by `make test`)."""

import sys

import dj_database_url
import psycopg


def main(url):
    config = dj_database_url.parse(url)
    try:
        # Connect to the maintenance database: the test database is created by the test run itself.
        psycopg.connect(
            dbname="postgres", user=config["USER"] or None, password=config["PASSWORD"] or None,
            host=config["HOST"] or None, port=config["PORT"] or None, connect_timeout=3,
        ).close()
    except psycopg.Error:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
