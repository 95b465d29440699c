"""The calibration corpus (README.md beside this file) read into plain records, and how a scoring rule's
verdicts compare with the auditor's: exact, within the auditor's "could be" range, or further off."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

TEAMS = Path(__file__).resolve().parent / "teams"
LIFECYCLE = ("people", "data", "experiments", "training", "testing", "deployment", "monitoring")
RESPONDENTS = ("a", "b")
VERSIONS = (2, 3)


@dataclass(frozen=True)
class Verdict:
    headline: int
    areas: dict[str, int]
    ranges: dict[str, tuple[int, int]]  # "headline" and each area -> (low, high)


@dataclass(frozen=True)
class AnswerSet:
    scope: dict[str, bool]
    answers: dict[str, int | str]  # question key -> 0..3, "na" or "unknown"
    unknown: frozenset[str]  # the practices the description never mentions (answered "unknown")


@dataclass(frozen=True)
class Team:
    name: str
    description: str
    verdict: Verdict
    answers: dict[int, dict[str, AnswerSet]]  # questionnaire version -> respondent -> answers

    def answer_sets(self, version: int) -> dict[str, AnswerSet]:
        return self.answers.get(version, {})


@dataclass(frozen=True)
class Levels:
    """What a rule gives one answer set: the headline and the seven areas' levels (None: not applicable)."""

    headline: int | None
    areas: dict[str, int | None]


def teams() -> list[Team]:
    return [_team(folder) for folder in sorted(TEAMS.iterdir()) if folder.is_dir()]


def _team(folder: Path) -> Team:
    judged = yaml.safe_load((folder / "auditor.yaml").read_text())
    verdict = Verdict(
        headline=judged["headline"],
        areas=judged["areas"],
        ranges={key: (low, high) for key, (low, high) in judged["ranges"].items()},
    )
    answers = {
        version: {
            respondent: _answer_set(path)
            for respondent in RESPONDENTS
            if (path := folder / f"answers-v{version}-{respondent}.yaml").exists()
        }
        for version in VERSIONS
    }
    return Team(folder.name, (folder / "description.md").read_text(), verdict, answers)


def _answer_set(path: Path) -> AnswerSet:
    """Version 2 had no "unknown" answer: its respondents answered 0 and marked `unknown: true`, read
    here as the answer "unknown" that version 3 offers."""
    document = yaml.safe_load(path.read_text())
    answers = document["answers"]
    unknown = frozenset(key for key, answer in answers.items() if answer.get("unknown") or answer["value"] == "unknown")
    return AnswerSet(
        scope=document["scopes"],
        answers={key: "unknown" if key in unknown else answer["value"] for key, answer in answers.items()},
        unknown=unknown,
    )


@dataclass(frozen=True)
class Agreement:
    """How one rule's levels on the corpus agree with the auditor's, over every team's answer sets."""

    rows: list[tuple[Team, str, Levels]]  # team, respondent, the rule's levels

    def _share(self, hit: Callable[[Team, Levels], bool]) -> tuple[int, int]:
        return sum(hit(team, levels) for team, _, levels in self.rows), len(self.rows)

    @property
    def headline_exact(self) -> tuple[int, int]:
        return self._share(lambda team, levels: levels.headline == team.verdict.headline)

    @property
    def headline_in_range(self) -> tuple[int, int]:
        return self._share(lambda team, levels: _in(levels.headline, team.verdict.ranges["headline"]))

    @property
    def headline_within_one(self) -> tuple[int, int]:
        return self._share(
            lambda team, levels: levels.headline is not None and abs(levels.headline - team.verdict.headline) <= 1
        )

    @property
    def areas_exact(self) -> tuple[int, int]:
        hits = [levels.areas[area] == team.verdict.areas[area] for team, _, levels in self.rows for area in LIFECYCLE]
        return sum(hits), len(hits)


def _in(level: int | None, span: tuple[int, int]) -> bool:
    return level is not None and span[0] <= level <= span[1]


def agreement(rule: Callable[[AnswerSet], Levels], corpus: list[Team], version: int) -> Agreement:
    return Agreement(
        [(team, name, rule(answers)) for team in corpus for name, answers in team.answer_sets(version).items()]
    )


Rule = tuple[Callable[[AnswerSet], Levels], int]  # a rule, and the questionnaire version it reads


def table(corpus: list[Team], rules: Mapping[str, Rule]) -> str:
    """One line a team: the auditor's headline (and range), then each rule's headline for each respondent,
    marked `~` when within the auditor's range but not equal and `!` when outside it."""
    header = ["team", "auditor"] + [f"{rule} {respondent}" for rule in rules for respondent in RESPONDENTS]
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for team in corpus:
        low, high = team.verdict.ranges["headline"]
        cells = [team.name, f"{team.verdict.headline} [{low}-{high}]"]
        for rule, version in rules.values():
            for respondent in RESPONDENTS:
                answers = team.answer_sets(version).get(respondent)
                cells.append("-" if answers is None else _marked(rule(answers).headline, team.verdict))
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def _marked(level: int | None, verdict: Verdict) -> str:
    if level == verdict.headline:
        return str(level)
    return f"{level}~" if _in(level, verdict.ranges["headline"]) else f"{level}!"


def figures(corpus: list[Team], rules: Mapping[str, Rule]) -> str:
    """One line a rule and respondent: the four figures issue 21 sets targets for."""
    header = ["rule", "respondent", "headline exact (>=80%)", "in range (>=90%)", "within one (100%)", "areas (>=70%)"]
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for name, (rule, version) in rules.items():
        measured = agreement(rule, corpus, version)
        for respondent in RESPONDENTS:
            one = Agreement([row for row in measured.rows if row[1] == respondent])
            shares = (one.headline_exact, one.headline_in_range, one.headline_within_one, one.areas_exact)
            lines.append(" | ".join([name, respondent, *(_share(*share) for share in shares)]))
    return "\n".join(lines)


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits // total if total else 0}%)"
