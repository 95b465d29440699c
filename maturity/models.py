"""A maturity framework, one record per loaded (slug, version); its content never changes."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Framework(models.Model):
    slug = models.SlugField(max_length=50)
    version = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    description = models.TextField()
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the normalised file content.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("slug", "-version")
        constraints = [
            models.UniqueConstraint(fields=("slug", "version"), name="framework_slug_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.slug} v{self.version})"


class Level(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(validators=[MaxValueValidator(4)])
    name = models.CharField(max_length=200)
    description = models.TextField()

    class Meta:
        ordering = ("framework", "number")
        constraints = [
            models.UniqueConstraint(fields=("framework", "number"), name="level_framework_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Scope(models.Model):
    """A screening question: an area with this scope applies to an assessment only when it is answered yes."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="scopes")
    key = models.SlugField(max_length=50)
    question = models.CharField(max_length=300)
    description = models.TextField()
    position = models.PositiveSmallIntegerField(help_text="Framework order: the order of the file.")

    class Meta:
        ordering = ("framework", "position")
        constraints = [
            models.UniqueConstraint(fields=("framework", "key"), name="scope_framework_key_unique"),
        ]

    def __str__(self) -> str:
        return self.question


class Area(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="areas")
    key = models.SlugField(max_length=50)
    name = models.CharField(max_length=200)
    description = models.TextField()
    weight = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    counts_toward_level = models.BooleanField(default=True, help_text="Takes part in the headline level.")
    scope_key = models.SlugField(max_length=50, blank=True, default="", help_text="Applies only when this scope is yes")
    position = models.PositiveSmallIntegerField(help_text="Framework order: the order of the file.")

    class Meta:
        ordering = ("framework", "position")
        constraints = [
            models.UniqueConstraint(fields=("framework", "key"), name="area_framework_key_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="questions")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="questions")
    key = models.CharField(max_length=100)
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    statement = models.TextField()
    guidance = models.TextField()
    recommendation = models.TextField()
    weight = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    sources = models.JSONField(default=list, blank=True, help_text="Ids of the published criteria it answers to.")
    replaces = models.JSONField(
        default=list, blank=True, help_text="Keys of the previous version's questions whose answers carry over."
    )
    position = models.PositiveSmallIntegerField(help_text="Framework order: the order of the file.")

    class Meta:
        ordering = ("framework", "position")
        constraints = [
            models.UniqueConstraint(fields=("framework", "key"), name="question_framework_key_unique"),
        ]

    def __str__(self) -> str:
        return self.key


class Publication(models.Model):
    """A published model, paper, regulation or body of practice that questions answer to."""

    key = models.SlugField(max_length=50, unique=True)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500)
    cited_at_level = models.BooleanField(
        default=False, help_text="Each of its criteria is cited by a question at the criterion's level."
    )

    class Meta:
        ordering = ("key",)

    def __str__(self) -> str:
        return self.title


class Source(models.Model):
    """One published criterion of the catalogue of sources; questions cite it by `key` (its id).

    Not versioned with frameworks: the catalogue only grows, and a better description or link serves
    every version that cites it.
    """

    key = models.CharField(max_length=100, unique=True)
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="sources")
    level = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(4)])
    section = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField(max_length=500)
    position = models.PositiveSmallIntegerField(help_text="Catalogue order: the order of the file.")

    class Meta:
        ordering = ("position",)

    def __str__(self) -> str:
        return self.key
