"""One row per benchmark target, and the Markdown table they make."""

from dataclasses import dataclass

# A row measured and reported with no goal to meet (yet).
NO_TARGET = "none for now"


@dataclass
class Row:
    name: str
    figure: float
    baseline: float | None
    unit: str
    target: str
    met: bool
    ratio: float | None = None  # when measured otherwise than figure / baseline (bench/run.py, paired)
    spread: tuple[float, float] | None = None  # the lowest and highest ratio of the rounds

    def cells(self) -> list[str]:
        ratio = self.ratio if self.ratio is not None else self.figure / self.baseline if self.baseline else None
        ratio = f"{ratio:.0%}" if ratio is not None else "-"
        if self.spread:
            ratio += f" ({self.spread[0]:.0%} to {self.spread[1]:.0%})"
        baseline = f"{self.baseline:,.2f} {self.unit}" if self.baseline is not None else "-"
        return [
            self.name,
            f"{self.figure:,.2f} {self.unit}",
            baseline,
            ratio,
            self.target,
            "-" if self.target == NO_TARGET else "met" if self.met else "missed",
        ]


def render(rows: list[Row]) -> str:
    header = ["target", "figure", "baseline", "ratio", "goal", "result"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)
