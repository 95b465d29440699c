from django.core.management.base import BaseCommand, CommandError, CommandParser

from maturity.selectors import framework_content, framework_get, framework_version_diff
from maturity.versions import FrameworkDiff, QuestionRecord


class Command(BaseCommand):
    help = "Print what changed between two loaded versions of a framework: added, removed, split, merged, reworded."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="e.g. mlops")
        parser.add_argument("older", type=int, help="the earlier version, e.g. 1")
        parser.add_argument("newer", type=int, help="the later version, e.g. 2")

    def handle(self, *args, slug: str, older: int, newer: int, **options) -> None:
        if older >= newer:
            raise CommandError(f"the first version must be the earlier one (got {older} and {newer})")
        frameworks = [framework_get(slug=slug, version=version) for version in (older, newer)]
        missing = [str(version) for version, found in zip((older, newer), frameworks, strict=True) if found is None]
        if missing:
            raise CommandError(f"{slug} version(s) {', '.join(missing)} not loaded: run load_framework first")
        counts = [len(framework_content(framework=framework).questions) for framework in frameworks]
        self.stdout.write(f"{slug} {older} -> {newer}: {counts[0]} -> {counts[1]} questions")
        self._print(framework_version_diff(older=frameworks[0], newer=frameworks[1]))

    def _print(self, diff: FrameworkDiff) -> None:
        self._section("Added", [_line("+", question) for question in diff.added])
        self._section("Removed", [_line("-", question) for question in diff.removed])
        self._section(
            "Split",
            [f"{old.key} -> {', '.join(question.key for question in new)}" for old, new in diff.split],
        )
        self._section(
            "Merged",
            [f"{', '.join(question.key for question in old)} -> {new.key}" for old, new in diff.merged],
        )
        self._section(
            "Reworded or moved",
            [f"{pair.newer.key}: {'; '.join(pair.changes)}" for pair in diff.changed],
        )
        self._section("Unchanged", [pair.newer.key for pair in diff.unchanged])

    def _section(self, title: str, lines: list[str]) -> None:
        self.stdout.write(f"\n{title} ({len(lines)})")
        for line in lines:
            self.stdout.write(f"  {line}")


def _line(sign: str, question: QuestionRecord) -> str:
    return f"{sign} {question.key} ({question.area}, level {question.level}): {question.statement}"
