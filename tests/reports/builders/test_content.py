"""The report's content for each area: rule 3's numbers, and the one sentence that explains the area."""

from maturity.scoring import NA, UNKNOWN, score_assessment
from reports.builders.content import FrameworkText, QuestionText, report_content
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
