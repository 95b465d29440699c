"""The roadmap as a reader meets it (issue 23, item 12): three moves first, from the areas that limit the level and
those furthest below their targets, then every other step area by area, in an order said in words that match it."""

from reports.builders.roadmap import next_moves, roadmap_with_steps
from tests.reports.builders.test_content import TEAM_ANSWERS, team_content

# TEAM_ANSWERS (test_content): people level 3, experiments 2, testing 1 (score 1.33), monitoring 1 (1.66), the
# headline level 1 limited by testing and monitoring; governance, beside the level, at 0. Their next steps (rule 3:
# the gaps at or below the area's level answered 0 or 1, then its next level's practices below 3):
# people [l3 (gap), l4], experiments [l2 (gap), l3], testing [l2], monitoring [l2], governance [l1].
TARGETS = {"experiments": 4, "governance": 2}  # gaps 2 and 2


def moves(content: dict) -> list[tuple[str, str]]:
    return [(move["question"], move["reason"]) for move in next_moves(content)]


def steps(areas: list[dict]) -> list[tuple[str, list[str]]]:
    return [(area["area"], [step["question"] for step in area["next_steps"]]) for area in areas]


def test_the_first_moves_are_in_the_areas_that_limit_the_level_then_those_furthest_below_their_targets():
    # The stored roadmap orders areas by gap first: governance (gap 2, level 0), experiments (gap 2, level 2),
    # testing, monitoring, people. The moves take the limiting areas first, then the two with gaps, one step from
    # each in turn: three moves before experiments' turn.
    content = team_content(targets=TARGETS)

    stored = ["governance", "experiments", "testing", "monitoring", "people"]
    assert [area["area"] for area in content["roadmap"]] == stored
    assert moves(content) == [
        ("testing.l2", "limits_level"),
        ("monitoring.l2", "limits_level"),
        ("governance.l1", "below_target"),
    ]


def test_without_targets_the_weakest_other_area_that_counts_gives_the_third_move():
    # testing and monitoring have one step each; then the other areas that count, weakest first (experiments at
    # level 2 before people at 3), before governance, which stands beside the level although it is at level 0.
    assert moves(team_content()) == [
        ("testing.l2", "limits_level"),
        ("monitoring.l2", "limits_level"),
        ("experiments.l2", "weakest"),
    ]


def test_the_rest_lists_the_areas_that_count_first_then_those_beside_the_level_without_the_moves():
    roadmap = roadmap_with_steps(team_content())

    assert steps(roadmap.counting) == [("experiments", ["experiments.l3"]), ("people", ["people.l3", "people.l4"])]
    assert steps(roadmap.apart) == [("governance", ["governance.l1"])]
    assert roadmap.done == []


def test_it_says_the_order_it_follows():
    with_targets = roadmap_with_steps(team_content(targets=TARGETS))
    without = roadmap_with_steps(team_content())

    assert with_targets.moves_order == (
        "From the areas that hold the team at level 1, then those furthest below their targets: one step from each "
        "area in turn, its most valuable first."
    )
    assert without.moves_order == (
        "From the areas that hold the team at level 1, then the weakest of the other areas: one step from each "
        "area in turn, its most valuable first."
    )
    assert with_targets.areas_order == (
        "The areas that count toward the level first, then those beside it; in each group, the largest gap to its "
        "target first, then the lowest level, then the lowest score."
    )
    assert without.areas_order == (
        "The areas that count toward the level first, then those beside it; in each group, the lowest level first, "
        "then the lowest score."
    )


def test_each_move_says_why_it_comes_first():
    first, _, third = next_moves(team_content(targets=TARGETS))

    assert (first["area_name"], first["why"]) == ("Testing", "Holds the team at level 1")
    assert (third["area_name"], third["why"]) == ("Governance", "2 levels below its target of 2")


def test_an_area_with_nothing_left_to_lift_is_listed_as_done():
    answers = TEAM_ANSWERS | {"people.l3": 3, "people.l4": 3}

    roadmap = roadmap_with_steps(team_content(answers))

    assert [area["area"] for area in roadmap.done] == ["people"]
    assert "people" not in [area["area"] for area in roadmap.counting]


def test_at_level_4_without_targets_the_moves_are_the_weakest_areas_gaps():
    # Everything fully in place but two level-1 practices answered started: both areas stay at level 4 (S = 3 + 1/3
    # = 10/3), each with its one gap; the moves are those, in framework order (same level and score).
    answers = dict.fromkeys(TEAM_ANSWERS, 3) | {"testing.l1": 1, "monitoring.l1": 1}

    assert moves(team_content(answers)) == [("testing.l1", "weakest"), ("monitoring.l1", "weakest")]


def test_each_folded_area_says_how_many_of_its_steps_are_among_the_moves():
    roadmap = roadmap_with_steps(team_content())

    assert [(area["area"], area["moved"]) for area in roadmap.counting] == [("experiments", 1), ("people", 0)]
