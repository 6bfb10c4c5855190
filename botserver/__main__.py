"""`python -m botserver ARGS` = `rasa ARGS` with `botserver.speedups` applied first and the
log redaction of `botserver.logredact` in place."""

import sys

from botserver import logredact, speedups


def main() -> None:
    speedups.apply()
    logredact.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
