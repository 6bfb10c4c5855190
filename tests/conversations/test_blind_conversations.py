"""The blind conversation set (issue #12), replayed against the real stack and scored.

Dev and dev2 conversations print their failures; the holdout prints only its score, so it stays
unseen. The gate is the share of conversations that pass every check (README.md here);
the minimums sit just under the measured values in docs/benchmarks.md.
"""

from __future__ import annotations

import pytest

from tests.conversations.replay import (
    DEV_SETS,
    HOLDOUT_SETS,
    SETS,
    load_set,
    replay_set,
    score,
    stack_for,
)
from tests.stack import RunningStack

pytestmark = pytest.mark.stack

# Measured 2026-12-02 18:14–18:21 UTC on branch conv3 (docs/benchmarks.md "Blind
# conversations"): dev 32/32, dev2 40/40, dev3 27/30, dev4 29/30, holdout 22/32, holdout2 12/30,
# holdout3 17/30. The fifth round's baseline on main f1dd029 (2026-12-03 05:15–05:19 UTC): dev5
# 15/30, holdout4 14/30. Each gate keeps one conversation of margin below the measured score,
# rounded down. Raise these as the score rises.
MIN_SCORE = {
    "dev": 0.96,
    "dev2": 0.97,
    "dev3": 0.86,
    "dev4": 0.93,
    "holdout": 0.65,
    "holdout2": 0.36,
    "holdout3": 0.53,
    # Measured 2026-12-03 05:38–05:39 UTC on branch conv4: dev5 29/30 (15/30 before its fixes).
    "dev5": 0.93,
    "holdout4": 0.43,
}


@pytest.mark.parametrize("name", [*DEV_SETS, *HOLDOUT_SETS])
def test_blind_conversations_reach_their_goal(stack: RunningStack, name: str) -> None:
    results = replay_set(stack_for(stack), load_set(SETS[name]))
    measured = score(results)
    print(
        f"\nblind conversations, {name}: {sum(r.passed for r in results)}/{len(results)} "
        f"= {measured:.0%} pass (minimum {MIN_SCORE[name]:.0%})"
    )
    if name in DEV_SETS:
        for result in results:
            if not result.passed:
                print(f"  {result.id}: " + "; ".join(result.failures))
    assert measured >= MIN_SCORE[name]
