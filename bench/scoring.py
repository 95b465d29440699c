"""Time the scoring engine on the default framework: `make bench` (not part of `make test`).

Prints the median time to score one complete assessment, with answers drawn at random.
"""

import random
import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from maturity.framework_file import read_framework_file
from maturity.scoring import NA, AreaDef, FrameworkDef, QuestionDef, score_assessment

TARGET_MS = 0.3


def default_framework() -> FrameworkDef:
    spec = read_framework_file(Path(__file__).resolve().parent.parent / "maturity/frameworks/mlops.yaml")
    return FrameworkDef(
        areas=tuple(AreaDef(a.key, a.weight) for a in spec.areas),
        questions=tuple(QuestionDef(q.key, q.area, q.level, q.weight) for q in spec.questions),
    )


def main() -> int:
    framework = default_framework()
    rng = random.Random(0)  # noqa: S311 - reproducible sample answers
    answers = {q.key: rng.choice([0, 1, 2, 3, 3, 2, NA]) for q in framework.questions}
    runs = 2000
    samples = timeit.repeat(lambda: score_assessment(framework, answers), number=runs, repeat=7)
    median_ms = statistics.median(samples) / runs * 1000
    verdict = "met" if median_ms < TARGET_MS else "missed"
    print("| figure | value | target | |")
    print("|---|---|---|---|")
    figure = f"scoring one {len(framework.questions)}-question assessment"
    print(f"| {figure} | {median_ms:.4f} ms | < {TARGET_MS} ms | {verdict} |")
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
