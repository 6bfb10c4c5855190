"""`python -m botserver ARGS` = `rasa ARGS` with `botserver.speedups` applied first."""

import sys

from botserver import speedups


def main() -> None:
    speedups.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
