"""The roadmap as a reader meets it (pure, from a report's content): the next three moves first, then every other
step area by area, each order said in words that match it.

The stored `roadmap` and `next_steps` keep the scoring rule's order (largest gap to a target, then lowest level,
then lowest score: maturity/SCORING.md); this module only regroups them for reading.
"""

from dataclasses import dataclass
from typing import Literal

from reports.builders.content import ANSWER_LABELS

MOVES = 3
NUMBERS = {2: "two", 3: "three"}
Reason = Literal["limits_level", "below_target", "weakest"]


@dataclass(frozen=True)
class Roadmap:
    moves: list[dict]  # next_moves()
    moves_order: str  # how the moves were chosen, in words
    counting: list[dict]  # areas that count toward the level with steps left after the moves, roadmap order
    apart: list[dict]  # areas beside the level with steps left after the moves, roadmap order
    done: list[dict]  # areas with no step at all: nothing left to lift
    areas_order: str  # the order of `counting` and `apart`, in words

    @property
    def moves_heading(self) -> str:
        count = len(self.moves)
        return "Your next move" if count == 1 else f"Your next {NUMBERS.get(count, count)} moves"


def roadmap_with_steps(content: dict) -> Roadmap:
    """The roadmap for pages: each area of `counting`, `apart` and `done` is its roadmap entry with its target,
    gap and the steps left once the moves are taken (`next_steps`, in full; `moved`: how many went to the moves)."""
    areas = _areas(content)
    first, _ = _turns(content, areas)
    moves = next_moves(content)
    taken = {move["question"] for move in moves}
    counting, apart, done = [], [], []
    for area in areas.values():
        left = [step for step in _steps(content, area["area"]) if step["question"] not in taken]
        if not area["steps"]:
            done.append(area)
        elif left:
            moved = len(area["steps"]) - len(left)  # how many of its steps are among the moves
            (counting if area["counts_toward_level"] else apart).append(area | {"next_steps": left, "moved": moved})
    return Roadmap(
        moves=moves,
        moves_order=_moves_order(content, first, moves),
        counting=counting,
        apart=apart,
        done=done,
        areas_order=_areas_order(areas.values()),
    )


def next_moves(content: dict) -> list[dict]:
    """Up to three next steps to take first: one from each area that limits the level, then from each area below
    its target (largest gap first), in turn, each area's steps in their order (its most valuable first); when
    those run out, from the other areas, weakest first, those that count toward the level before those beside it.
    Each is a next step with its `area_name`, its `reason` and `why` in words."""
    areas = _areas(content)
    first, then = _turns(content, areas)
    moves = _in_turn(content, first, MOVES)
    moves += _in_turn(content, then, MOVES - len(moves))
    level = (content.get("overall") or {}).get("level")
    return [move | {"area_name": areas[move["area"]]["name"], "why": _why(move, areas, level)} for move in moves]


def _turns(content: dict, areas: dict[str, dict]) -> tuple[list[tuple[str, Reason]], list[tuple[str, Reason]]]:
    """The areas the moves come from, in roadmap order: first those that limit the level and those below their
    targets; then, if steps are still wanted, the others, those that count toward the level first."""
    limiting = set((content.get("overall") or {}).get("limited_by", []))
    first: list[tuple[str, Reason]] = [(key, "limits_level") for key in areas if key in limiting]
    first += [(key, "below_target") for key, area in areas.items() if key not in limiting and area["gap"]]
    chosen = {key for key, _ in first}
    others = [key for key in areas if key not in chosen]
    then: list[tuple[str, Reason]] = [(key, "weakest") for key in others if areas[key]["counts_toward_level"]]
    then += [(key, "weakest") for key in others if not areas[key]["counts_toward_level"]]
    return first, then


def _in_turn(content: dict, areas: list[tuple[str, Reason]], wanted: int) -> list[dict]:
    """Up to `wanted` steps: the first of each area, then the second of each, and so on."""
    queues = [(reason, iter(_steps(content, key))) for key, reason in areas]
    taken: list[dict] = []
    while queues and len(taken) < wanted:
        for queue in list(queues):
            reason, steps = queue
            step = next(steps, None)
            if step is None:
                queues.remove(queue)
            elif len(taken) < wanted:
                taken.append(step | {"reason": reason})
    return taken


def _why(move: dict, areas: dict[str, dict], level: int | None) -> str:
    area = areas[move["area"]]
    if move["reason"] == "limits_level":
        return f"Holds the team at level {level}"
    if move["reason"] == "below_target":
        return f"{area['gap']} level{'s' if area['gap'] > 1 else ''} below its target of {area['target']}"
    return "Among the weakest areas"


def _moves_order(content: dict, first: list[tuple[str, Reason]], moves: list[dict]) -> str:
    if not moves:
        return "Nothing left to lift in any area."
    groups = []
    if any(reason == "limits_level" for _, reason in first):
        groups.append(f"the areas that hold the team at level {content['overall']['level']}")
    if any(reason == "below_target" for _, reason in first):
        groups.append("those furthest below their targets" if groups else "the areas furthest below their targets")
    if any(move["reason"] == "weakest" for move in moves):
        groups.append("the weakest of the other areas" if groups else "the weakest areas")
    return f"From {', then '.join(groups)}: one step from each area in turn, its most valuable first."


def _areas_order(areas) -> str:
    within = "the lowest level first, then the lowest score"
    if any(area["target"] is not None for area in areas):
        within = "the largest gap to its target first, then the lowest level, then the lowest score"
    return f"The areas that count toward the level first, then those beside it; in each group, {within}."


def _areas(content: dict) -> dict[str, dict]:
    """Area key -> its roadmap entry with its target, gap and whether it counts, in roadmap order."""
    results = {area["key"]: area for area in content.get("areas", [])}
    return {
        entry["area"]: entry
        | {
            "target": results[entry["area"]]["target"],
            "gap": results[entry["area"]]["gap"] or 0,
            "counts_toward_level": results[entry["area"]].get("counts_toward_level", True),
        }
        for entry in content.get("roadmap", [])
    }


def _steps(content: dict, area: str) -> list[dict]:
    return [
        step | {"value_label": ANSWER_LABELS[step["value"]]}
        for step in content.get("next_steps", [])
        if step["area"] == area
    ]
