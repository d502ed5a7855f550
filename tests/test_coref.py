"""One test per rule of the coreference stage, on hand-written sentences."""


def pronoun_owner(doc, pronoun_index):
    for character in doc._.characters:
        for start, _end, kind in character["mentions"]:
            if kind == "pronoun" and start == pronoun_index:
                return character["name"]
    return None


def test_pronoun_takes_the_most_recent_compatible_character(nlp):
    doc = nlp("John Miller meets Mary Parker. She smiles.")
    she = next(t.i for t in doc if t.text == "She")
    assert pronoun_owner(doc, she) == "Mary Parker"


def test_first_resolved_pronoun_sets_the_gender(nlp):
    doc = nlp("John Miller arrives at the station. He waits.")
    john = next(c for c in doc._.characters if c["name"] == "John Miller")
    assert john["gender"] == "male"


def test_gender_blocks_an_incompatible_antecedent(nlp):
    doc = nlp("Mary Parker meets John Miller. She laughs. He frowns at her.")
    he = next(t.i for t in doc if t.text == "He")
    assert pronoun_owner(doc, he) == "John Miller"
    her = next(t.i for t in doc if t.text == "her")
    assert pronoun_owner(doc, her) == "Mary Parker"


def test_object_pronoun_is_not_its_own_clause_subject(nlp):
    doc = nlp("Peter Hall talks to Tom Baker. Peter Hall thanks him.")
    him = next(t.i for t in doc if t.text == "him")
    assert pronoun_owner(doc, him) == "Tom Baker"


def test_pronoun_beyond_the_sentence_window_stays_unresolved(nlp):
    doc = nlp("Peter Hall sleeps. The rain falls. The wind blows. The sun rises. He wakes.")
    he = next(t.i for t in doc if t.text == "He")
    assert pronoun_owner(doc, he) is None
