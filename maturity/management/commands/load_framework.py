from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from maturity.framework_file import FrameworkFileError, read_framework_file
from maturity.services import FrameworkConflictError, FrameworkReplacesError, framework_load


class Command(BaseCommand):
    help = "Validate a framework YAML file and load it as a new framework version."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="e.g. maturity/frameworks/mlops.yaml")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            spec = read_framework_file(path)
            result = framework_load(spec=spec)
        except (FrameworkFileError, FrameworkConflictError, FrameworkReplacesError) as error:
            raise CommandError(str(error)) from None
        framework = result.framework
        summary = f"{framework.slug} v{framework.version}: {len(spec.areas)} areas, {len(spec.questions)} questions"
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Loaded {summary}."))
        else:
            self.stdout.write(f"Already loaded with identical content, nothing to do: {summary}.")
