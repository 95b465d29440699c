"""A progress bar for long management commands: redrawn in place on a terminal, every 10 % in logs."""

from typing import TextIO


class ProgressBar:
    def __init__(self, out: TextIO, total: int, label: str, width: int = 30) -> None:
        self.out, self.total, self.label, self.width = out, total, label, width
        self.interactive = hasattr(out, "isatty") and out.isatty()
        self._last_tenth = -1

    def show(self, done: int) -> None:
        fraction = done / self.total if self.total else 1.0
        filled = round(self.width * fraction)
        line = f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} {fraction:4.0%}"
        if self.interactive:
            self.out.write("\r" + line)
            self.out.flush()
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.out.write(line + "\n")

    def finish(self) -> None:
        if self.interactive:
            self.out.write("\n")
