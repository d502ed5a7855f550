"""LitBank reading: coreference brackets, nested person spans, the gold's noise left out; on a
tiny excerpt written here in the corpus' two formats."""

from extract.evaluation.litbank import coref_clusters, person_spans, read_excerpt

HEADING = [("Chapter", "_", "O"), ("1", "_", "O")]
SENTENCE = [
    ("Mother", "(1)", "B-PER"),
    ("said", "_", "O"),
    ("that", "_", "O"),
    ("Anne", "(0", "B-PER"),
    ("Elliot", "0)", "I-PER"),
    ("saw", "_", "O"),
    ("her", "(0)", "B-PER"),
    ("mother", "(1)", "B-PER"),
    (".", "_", "O"),
]


def write_excerpt(tmp_path):
    conll, entities = tmp_path / "1_story_brat.conll", tmp_path / "1_story_brat.tsv"
    coref_lines, entity_lines = ["#begin document (1_story_brat); part 0"], []
    for sentence in (HEADING, SENTENCE):
        for i, (word, cluster, person) in enumerate(sentence):
            coref_lines.append(f"1_story_brat\t0\t{i}\t{word}\t" + "_\t" * 8 + cluster)
            entity_lines.append(f"{word}\t{person}\tO\tO\tO")
        coref_lines.append("")
        entity_lines.append("")
    conll.write_text("\n".join([*coref_lines, "#end document"]) + "\n")
    entities.write_text("\n".join(entity_lines) + "\n")
    return conll, entities


def test_brackets_make_clusters_and_tags_make_person_spans():
    rows = [["x", "x", "x", word, cluster] for word, cluster, _person in SENTENCE]
    assert coref_clusters(rows) == {"1": [(0, 1), (7, 8)], "0": [(3, 5), (6, 7)]}
    tagged = [[word, person] for word, _cluster, person in SENTENCE]
    assert person_spans(tagged) == {(0, 1), (3, 5), (6, 7), (7, 8)}


def test_a_capitalised_person_is_a_named_character_with_its_pronouns_gender(tmp_path):
    excerpt = read_excerpt(*write_excerpt(tmp_path))
    # "Mother" opens a sentence and the text also writes "mother": no name
    assert excerpt.characters == [
        {"name": "Anne Elliot", "aliases": ["Anne Elliot"], "gender": "female"}
    ]
    assert excerpt.text == "Chapter 1\nMother said that Anne Elliot saw her mother."
