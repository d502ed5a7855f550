"""One test per event rule, on hand-written sentences."""


def events_of(doc):
    names = [c["name"] for c in doc._.characters]

    def name(index):
        return None if index is None else names[index]

    return [(name(e["agent"]), e["predicate"], name(e["patient"]), e) for e in doc._.events]


def find(doc, predicate):
    return next(event for event in events_of(doc) if event[1] == predicate)


def test_active_verb_subject_and_object(nlp):
    agent, _, patient, event = find(nlp("Ajit Singh kills Munni Bai."), "kill")
    assert (agent, patient) == ("Ajit Singh", "Munni Bai")
    assert event["modality"] == "asserted" and not event["negated"]


def test_passive_by_phrase_is_the_agent(nlp):
    agent, _, patient, _ = find(nlp("Munni Bai is killed by Ajit Singh."), "kill")
    assert (agent, patient) == ("Ajit Singh", "Munni Bai")


def test_coordinated_verb_shares_the_subject(nlp):
    agent, _, _, _ = find(nlp("Maria Lopez kills the guard and calls David Stone."), "call")
    assert agent == "Maria Lopez"


def test_control_verb_gives_desired_modality(nlp):
    agent, _, patient, event = find(nlp("Deepak Kumar wants to meet Seema Rao."), "meet")
    assert (agent, patient) == ("Deepak Kumar", "Seema Rao")
    assert event["modality"] == "desired"


def test_negation(nlp):
    _, _, _, event = find(nlp("Deepak Kumar does not trust Seema Rao."), "trust")
    assert event["negated"]


def test_refusal_negates_the_embedded_event(nlp):
    _, _, _, event = find(nlp("Pooja Mehra refuses to marry Raj Kapoor."), "marry")
    assert event["negated"]


def test_modal_auxiliary_gives_possible(nlp):
    _, _, _, event = find(nlp("John Miller can help Mary Parker."), "help")
    assert event["modality"] == "possible"


def test_non_character_object_is_an_argument(nlp):
    _, _, _, event = find(nlp("John Miller gives Mary Parker the keys."), "give")
    assert any(a["role"] == "object" and a["character"] is None for a in event["arguments"])
