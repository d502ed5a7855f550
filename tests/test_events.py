"""One test per event rule, on hand-written sentences."""


def events_of(doc):
    names = [c["name"] for c in doc._.characters]

    def name(index):
        return None if index is None else names[index]

    return [(name(e["agent"]), e["predicate"], name(e["patient"]), e) for e in doc._.events]


def find(doc, predicate):
    return next(event for event in events_of(doc) if event[1] == predicate)


def test_active_verb_subject_and_object(nlp):
    agent, _, patient, event = find(nlp("John Miller kills Peter Hall."), "kill")
    assert (agent, patient) == ("John Miller", "Peter Hall")
    assert event["modality"] == "asserted" and not event["negated"]


def test_passive_by_phrase_is_the_agent(nlp):
    agent, _, patient, _ = find(nlp("Peter Hall is killed by John Miller."), "kill")
    assert (agent, patient) == ("John Miller", "Peter Hall")


def test_coordinated_verb_shares_the_subject(nlp):
    agent, _, _, _ = find(nlp("Maria Lopez kills the guard and calls David Stone."), "call")
    assert agent == "Maria Lopez"


def test_control_verb_gives_desired_modality(nlp):
    agent, _, patient, event = find(nlp("John Miller wants to meet Mary Parker."), "meet")
    assert (agent, patient) == ("John Miller", "Mary Parker")
    assert event["modality"] == "desired"


def test_negation(nlp):
    _, _, _, event = find(nlp("John Miller does not trust Mary Parker."), "trust")
    assert event["negated"]


def test_refusal_negates_the_embedded_event(nlp):
    _, _, _, event = find(nlp("Mary Parker refuses to marry John Miller."), "marry")
    assert event["negated"]


def test_modal_auxiliary_gives_possible(nlp):
    _, _, _, event = find(nlp("John Miller can help Mary Parker."), "help")
    assert event["modality"] == "possible"


def test_non_character_object_is_an_argument(nlp):
    _, _, _, event = find(nlp("John Miller gives Mary Parker the keys."), "give")
    assert any(a["role"] == "object" and a["character"] is None for a in event["arguments"])
