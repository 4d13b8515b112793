"""How every command line ends on an error: one line, an exit code, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from .config import ConfigError
from .store import BuildRefused, IndexNotReady


def int_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from ``low`` to ``high`` (``-k -1`` is refused at parse time)."""
    def parse(text: str) -> int:
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return value

    return parse


def run_command(body: Callable[[], int]) -> int:
    """Run a CLI command; known problems and anything unexpected become one line on stderr."""
    try:
        return body()
    except (IndexNotReady, BuildRefused) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the log has the traceback at DEBUG level
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(f"error: {exc.__class__.__name__}: {first}", file=sys.stderr)
        return 1
