"""One row per benchmark target, and the Markdown table they make."""

from dataclasses import dataclass


@dataclass
class Row:
    name: str
    figure: float
    baseline: float | None
    unit: str
    target: str
    met: bool

    def cells(self) -> list[str]:
        ratio = f"{self.figure / self.baseline:.0%}" if self.baseline else "-"
        baseline = f"{self.baseline:,.2f} {self.unit}" if self.baseline is not None else "-"
        return [
            self.name,
            f"{self.figure:,.2f} {self.unit}",
            baseline,
            ratio,
            self.target,
            "met" if self.met else "missed",
        ]


def render(rows: list[Row]) -> str:
    header = ["target", "figure", "baseline", "ratio", "goal", "result"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)
