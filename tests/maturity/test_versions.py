"""How two versions of a framework relate: carry-over pairs, merges, splits, and the diff (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from maturity.versions import QuestionRecord, composed_mapping, framework_diff, version_mapping


def q(key: str, *replaces: str, level: int = 1, statement: str = "", area: str = "a", weight: int = 1):
    return QuestionRecord(key, area, level, statement or key, weight, replaces)


OLDER = [q("a.same"), q("a.renamed"), q("a.split"), q("a.merge_one"), q("a.merge_two"), q("a.gone")]
NEWER = [
    q("a.same"),
    q("a.new_name", "a.renamed"),
    q("a.split_first", "a.split"),
    q("a.split_second", "a.split"),
    q("a.merged", "a.merge_one", "a.merge_two"),
    q("a.fresh"),
]


def test_a_kept_key_and_a_replaced_one_carry_over_one_to_one():
    mapping = version_mapping(OLDER, NEWER)

    assert mapping.one_to_one == {"a.same": "a.same", "a.new_name": "a.renamed"}


def test_merged_and_split_questions_show_the_earlier_answers_instead():
    mapping = version_mapping(OLDER, NEWER)

    assert mapping.earlier_keys("a.merged") == ("a.merge_one", "a.merge_two")
    assert mapping.earlier_keys("a.split_first") == ("a.split",)
    assert mapping.earlier_keys("a.same") == ()
    assert mapping.earlier_keys("a.fresh") == ()
    assert mapping.successors["a.gone"] == ()


def test_a_kept_key_that_also_replaces_another_merges_both():
    mapping = version_mapping([q("a.x"), q("a.y")], [q("a.x", "a.y")])

    assert mapping.predecessors == {"a.x": ("a.x", "a.y")}
    assert mapping.one_to_one == {}


def test_the_diff_names_what_was_added_removed_split_merged_and_changed():
    older = [*OLDER[:1], q("a.renamed", level=4)]
    newer = [q("a.same", statement="a.same, said better"), q("a.new_name", "a.renamed", level=2)]
    diff = framework_diff(older + OLDER[2:], newer + NEWER[2:])

    assert [question.key for question in diff.added] == ["a.fresh"]
    assert [question.key for question in diff.removed] == ["a.gone"]
    assert [(old.key, [new.key for new in news]) for old, news in diff.split] == [
        ("a.split", ["a.split_first", "a.split_second"])
    ]
    assert [([old.key for old in olds], new.key) for olds, new in diff.merged] == [
        (["a.merge_one", "a.merge_two"], "a.merged")
    ]
    assert [(pair.newer.key, pair.changes) for pair in diff.changed] == [
        ("a.same", ["reworded"]),
        ("a.new_name", ["key was a.renamed", "level 4 -> 2", "reworded"]),
    ]
    assert diff.unchanged == []


def test_a_mapping_composes_through_the_versions_between():
    v1 = [q("a.one"), q("a.two")]
    v2 = [q("a.uno", "a.one"), q("a.two")]
    v3 = [q("a.eins", "a.uno"), q("a.zwei", "a.two"), q("a.drei")]

    mapping = composed_mapping([v1, v2, v3])

    assert mapping.one_to_one == {"a.eins": "a.one", "a.zwei": "a.two"}
    assert mapping.predecessors["a.drei"] == ()


KEYS = st.sampled_from([f"a.k{index}" for index in range(8)])


@st.composite
def two_versions(draw):
    older_keys = draw(st.lists(KEYS, unique=True, min_size=1))
    newer_keys = draw(st.lists(KEYS, unique=True, min_size=1))
    older = [q(key) for key in older_keys]
    newer = [q(key, *draw(st.lists(st.sampled_from(older_keys), unique=True, max_size=3))) for key in newer_keys]
    return older, newer


@given(two_versions())
def test_one_to_one_pairs_are_exactly_the_questions_neither_merged_nor_split(versions):
    older, newer = versions
    mapping = version_mapping(older, newer)

    for new_key, old_key in mapping.one_to_one.items():
        assert mapping.predecessors[new_key] == (old_key,)
        assert mapping.successors[old_key] == (new_key,)
    assert len(set(mapping.one_to_one.values())) == len(mapping.one_to_one)


@given(two_versions())
def test_the_diff_accounts_for_every_question_of_both_versions(versions):
    older, newer = versions
    diff = framework_diff(older, newer)
    continued = diff.changed + diff.unchanged

    newer_seen = [q.key for q in diff.added] + [new.key for _, new in diff.merged] + [p.newer.key for p in continued]
    newer_seen += [new.key for _, news in diff.split for new in news if new.key not in newer_seen]
    older_seen = [q.key for q in diff.removed] + [old.key for old, _ in diff.split] + [p.older.key for p in continued]
    older_seen += [old.key for olds, _ in diff.merged for old in olds if old.key not in older_seen]
    assert sorted(set(newer_seen)) == sorted(q.key for q in newer)
    assert sorted(set(older_seen)) == sorted(q.key for q in older)
    assert not {p.newer.key for p in continued} & {q.key for q in diff.added}


def test_composing_skips_keys_a_middle_version_does_not_have():
    v1 = [q("a.one")]
    v2 = [q("a.two")]
    v3 = [q("a.three", "a.two", "a.not_in_v2")]

    mapping = composed_mapping([v1, v2, v3])

    assert mapping.predecessors == {"a.three": ()}
    assert composed_mapping([]).one_to_one == {}


def test_the_diff_of_versions_apart_reads_the_composed_mapping():
    v1, v2, v3 = [q("a.one")], [q("a.uno", "a.one")], [q("a.eins", "a.uno")]

    diff = framework_diff(v1, v3, mapping=composed_mapping([v1, v2, v3]))

    assert [(pair.older.key, pair.newer.key) for pair in diff.changed] == [("a.one", "a.eins")]
    assert (diff.added, diff.removed) == ([], [])


def test_one_version_maps_to_itself_though_its_questions_replace_earlier_ones():
    v2 = [q("a.kept"), q("a.renamed", "a.old_name"), q("a.merged", "a.one", "a.two")]

    mapping = composed_mapping([v2])

    assert mapping.one_to_one == {"a.kept": "a.kept", "a.renamed": "a.renamed", "a.merged": "a.merged"}
    assert mapping.earlier_keys("a.merged") == ()


@st.composite
def one_version(draw):
    keys = draw(st.lists(KEYS, unique=True, min_size=1))
    return [q(key, *draw(st.lists(KEYS, unique=True, max_size=3))) for key in keys]


@given(one_version())
def test_carrying_over_from_version_n_to_version_n_keeps_every_answer(version):
    mapping = composed_mapping([version])

    assert mapping.one_to_one == {question.key: question.key for question in version}
