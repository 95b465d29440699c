"""The report's content for each area: rule 3's numbers, and the one sentence that explains the area."""

from maturity.scoring import NA, UNKNOWN, score_assessment
from reports.builders.content import FrameworkText, QuestionText, headline, report_content
from tests.maturity.test_scoring import framework

STATEMENTS = {
    "monitoring.uptime": "The service's uptime is watched.",
    "monitoring.alerts": "Alerts page someone.",
    "monitoring.drift": "Drift is watched.",
    "monitoring.central": "Model metrics are collected centrally.",
}
LEVELS = {"monitoring.uptime": 1, "monitoring.alerts": 2, "monitoring.drift": 3, "monitoring.central": 4}
MONITORING = framework([(key, level, 1) for key, level in LEVELS.items()])
TEXT = FrameworkText(
    level_names={level: f"Level {level} name" for level in range(5)},
    level_descriptions=dict.fromkeys(range(5), ""),
    area_names={"monitoring": "Monitoring"},
    questions={
        key: QuestionText(key, "monitoring", LEVELS[key], statement, "guidance", "recommendation", 1)
        for key, statement in STATEMENTS.items()
    },
)


def monitoring(answers: dict) -> dict:
    result = score_assessment(MONITORING, answers)
    return report_content(result=result, text=TEXT, answers=answers, comments={})["areas"][0]


def test_it_explains_the_level_by_the_levels_worth_what_holds_it_back_and_what_is_above():
    area = monitoring(
        {"monitoring.uptime": 3, "monitoring.alerts": 1, "monitoring.drift": UNKNOWN, "monitoring.central": 3}
    )

    # S = 1 + 1/3 + 0 + 1 = 7/3, exactly level 3's threshold 3 - 2/3: level 3, score 7/3 + 2/3 = 3; levels 2 and
    # 3 are under 2/3 (held back up to level 4), and level 4, above the area's level, is fully in place.
    assert (area["level"], area["score"], area["levels_worth"]) == (3, 3.0, 2.33)
    assert area["explanation"] == (
        "Level 3 (score 3.00): its practices add up to 2.33 levels' worth (level 1 1.00, level 2 0.33, level 3 0.00, "
        "level 4 1.00); held back at level 2 (0.33) by \u201cAlerts page someone\u201d (started); at level 3 (0.00) "
        "by \u201cDrift is watched\u201d (don't know); already in place above: 1.00 of level 4."
    )


def test_a_level_without_applicable_practice_is_shown_as_the_mean_of_the_others():
    area = monitoring({"monitoring.uptime": 3, "monitoring.alerts": NA, "monitoring.drift": 3, "monitoring.central": 0})

    # Level 2 counts (1 + 1 + 0) / 3 = 2/3: S = 1 + 2/3 + 1 + 0 = 8/3, level 3 (7/3 <= S < 10/3), score
    # 8/3 + 2/3 = 10/3 (3.33).
    assert [(level["coverage"], level["applicable"]) for level in area["levels"]] == [
        (1.0, True),
        (0.66, False),
        (1.0, True),
        (0.0, True),
    ]
    assert area["explanation"] == (
        "Level 3 (score 3.33): its practices add up to 2.66 levels' worth (level 1 1.00, level 2 0.66 (none "
        "applicable: the others' mean), level 3 1.00, level 4 0.00); held back at level 4 (0.00) by "
        "\u201cModel metrics are collected centrally\u201d (not in place)."
    )


def test_an_area_at_level_4_says_so_with_its_numbers():
    area = monitoring(dict.fromkeys(LEVELS, 3))

    assert area["explanation"] == (
        "Level 4 (score 4.00): its practices add up to 4.00 levels' worth (level 1 1.00, level 2 1.00, level 3 1.00, "
        "level 4 1.00)."
    )


def test_an_area_whose_practices_are_all_na_is_left_out():
    area = monitoring(dict.fromkeys(LEVELS, NA))

    assert (area["level"], area["levels_worth"]) == (None, None)
    assert area["explanation"].startswith("Every practice of Monitoring was marked not applicable")


# --- The headline: why the team is at its level, in the team's own areas (issue 23, item 11) ---------------

# One practice of weight 1 per level in each area; governance stands beside the level.
TEAM_AREAS = {"people": "People", "experiments": "Experiments", "testing": "Testing", "monitoring": "Monitoring"}
TEAM = framework(
    [(f"{area}.l{level}", level, 1) for area in [*TEAM_AREAS, "governance"] for level in (1, 2, 3, 4)],
    not_counting=frozenset({"governance"}),
)
# The framework's own words for level 1, which describe a typical level-1 team, not this one.
UNTRACKED = "Experiments are still untracked, models are hard to reproduce."
TEAM_TEXT = FrameworkText(
    level_names={0: "No MLOps", 1: "DevOps but no MLOps", 2: "Automated training", 3: "Automated", 4: "Full"},
    level_descriptions={0: "Nothing.", 1: UNTRACKED, 2: "Tracked.", 3: "Deployed.", 4: "Operated."},
    area_names=TEAM_AREAS | {"governance": "Governance"},
    questions={
        question.key: QuestionText(
            question.key, question.area, question.level, f"Practice {question.key}.", "guidance", "do it", 1
        )
        for question in TEAM.questions
    },
)
# Levels 1-4 of each area. people: S = 1 + 1 + 1/3 + 0 = 7/3, level 3, score 3. experiments: S = 1 + 1/3 + 1/3
# = 5/3, level 2 (4/3 <= S < 7/3), score 7/3 (2.33). testing: S = 2/3, level 1, score 4/3 (1.33). monitoring:
# S = 1, level 1, score 5/3 (1.66). governance: S = 0, level 0. The headline is level 1, limited by testing and
# monitoring, while experiments is at level 2.
TEAM_ANSWERS = {
    f"{area}.l{level}": value
    for area, values in {
        "people": (3, 3, 1, 0),
        "experiments": (3, 1, 1, 0),
        "testing": (2, 0, 0, 0),
        "monitoring": (3, 0, 0, 0),
        "governance": (0, 0, 0, 0),
    }.items()
    for level, value in zip((1, 2, 3, 4), values, strict=True)
}


def team_content(answers: dict = TEAM_ANSWERS, targets: dict | None = None) -> dict:
    result = score_assessment(TEAM, answers, targets=targets)
    return report_content(result=result, text=TEAM_TEXT, answers=answers, comments={})


def test_a_level_1_team_whose_experiments_are_at_level_2_is_not_told_they_are_untracked():
    told = headline(team_content())

    assert told.level == 1
    assert "untracked" not in told.explanation
    assert "Experiments (level 2, score 2.33)" in told.explanation


def test_the_headline_names_the_areas_that_limit_the_level_then_the_strongest():
    told = headline(team_content())

    assert told.sentences == [
        "Limited by Testing and Monitoring, at level 1: the team is as mature as its weakest area that counts.",
        "Strongest: People (level 3, score 3.00) and Experiments (level 2, score 2.33).",
        "Lifting Testing and Monitoring to level 2 lifts the team to level 2.",
    ]
    assert [area["key"] for area in told.strongest] == ["people", "experiments"]


def test_when_every_area_is_at_the_level_it_names_the_closest_to_the_next():
    # Levels 1-4 answered 3, 0, 0, 0: S = 1, level 1, score 5/3 (1.66); monitoring 2, 0, 0, 0: S = 2/3, level 1,
    # score 4/3 (1.33). The three at 1.66 are the closest, in framework order.
    answers = {key: (3 if key.endswith(".l1") else 0) for key in TEAM_ANSWERS}
    answers["monitoring.l1"] = 2

    told = headline(team_content(answers))

    assert told.sentences == [
        "Every area that counts is at level 1: the next level needs each of them to move.",
        "Closest to level 2: People (score 1.66), Experiments (score 1.66) and Testing (score 1.66).",
    ]


def test_at_level_4_it_says_every_area_that_counts_meets_every_level():
    answers = dict.fromkeys(TEAM_ANSWERS, 3)

    assert headline(team_content(answers)).sentences == ["Every area that counts is at level 4."]


def test_without_an_area_that_counts_it_says_there_is_no_level():
    answers = {key: (NA if not key.startswith("governance") else 3) for key in TEAM_ANSWERS}

    assert headline(team_content(answers)).sentences == [
        "No area that counts toward the level applies, so there is no overall level."
    ]


def test_area_names_with_an_and_of_their_own_are_kept_apart_by_a_comma():
    text = FrameworkText(
        level_names=TEAM_TEXT.level_names,
        level_descriptions=TEAM_TEXT.level_descriptions,
        area_names=TEAM_TEXT.area_names
        | {"testing": "Testing and validation", "monitoring": "Monitoring and feedback"},
        questions=TEAM_TEXT.questions,
    )
    result = score_assessment(TEAM, TEAM_ANSWERS)

    told = headline(report_content(result=result, text=text, answers=TEAM_ANSWERS, comments={}))

    assert told.sentences[0].startswith("Limited by Testing and validation, and Monitoring and feedback, at level 1:")
