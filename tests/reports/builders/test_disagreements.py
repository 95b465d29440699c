"""The disagreements as the report page words their agreed answers, from the stored content alone."""

from reports.builders.disagreements import disagreements_with_labels


def test_it_words_each_agreed_answer_as_the_scale_does():
    content = {"disagreements": [{"agreed": value} for value in (0, 2, "na", "unknown", None)]}

    labels = [item["agreed_label"] for item in disagreements_with_labels(content)]

    assert labels == ["0 not in place", "2 mostly in place", "not applicable", "don't know", None]
