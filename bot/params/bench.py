"""Screening speed with parameters from the database: `python -m bot.params.bench [--rounds N]`.

Like `python -m guides.bench`, but screening gets its parameters through the per-worker cache of
the published database values (a temporary SQLite file seeded from parameters.yml), including
the periodic "did anything get published?" check a worker makes.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bot.kb.db import make_sessions
from bot.params.service import ParameterService
from guides.bench import report, time_screenings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.params.bench")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sessions = make_sessions(f"sqlite:///{Path(tmp) / 'params.db'}")
        service = ParameterService(sessions, refresh_seconds=0.5)
        service.store.seed_if_empty()
        service.install()
        try:
            measured = time_screenings(args.rounds)
        finally:
            service.uninstall()
            sessions.kw["bind"].dispose()
    print(f"parameters from the database (cached; checked every {service.refresh_seconds} s)")
    report(*measured)


if __name__ == "__main__":
    main()
