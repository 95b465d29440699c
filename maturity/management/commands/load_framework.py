from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from maturity.catalogue_file import CATALOGUE_PATH, CatalogueFileError, read_catalogue_file
from maturity.framework_file import FrameworkFileError, read_framework_file
from maturity.services import (
    FrameworkConflictError,
    FrameworkOrderError,
    FrameworkReplacesError,
    FrameworkSourcesError,
    framework_load,
)


class Command(BaseCommand):
    help = (
        "Validate framework YAML files and load each as a new framework version, oldest version first, "
        "with the catalogue of sources they cite."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="path", help="e.g. maturity/frameworks/mlops.yaml")
        parser.add_argument(
            "--sources", type=Path, default=CATALOGUE_PATH, help=f"the catalogue of sources (default {CATALOGUE_PATH})"
        )

    def handle(self, *args, paths: list[Path], sources: Path, **options) -> None:
        try:
            catalogue = read_catalogue_file(sources)
            specs = sorted((read_framework_file(path) for path in paths), key=lambda spec: (spec.slug, spec.version))
            with transaction.atomic():  # all the files or none
                results = [(framework_load(spec=spec, catalogue=catalogue), spec) for spec in specs]
        except (
            CatalogueFileError,
            FrameworkFileError,
            FrameworkConflictError,
            FrameworkOrderError,
            FrameworkReplacesError,
            FrameworkSourcesError,
        ) as error:
            raise CommandError(str(error)) from None
        for result, spec in results:
            self._report(result, spec)

    def _report(self, result, spec) -> None:
        framework = result.framework
        summary = f"{framework.slug} v{framework.version}: {len(spec.areas)} areas, {len(spec.questions)} questions"
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Loaded {summary}."))
        else:
            self.stdout.write(f"Already loaded with identical content, nothing to do: {summary}.")
