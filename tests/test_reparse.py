"""The re-parse of sentences with a verb in -s the base model tagged a noun."""

from __future__ import annotations

import pytest

from extract.stages.reparse import past_tense


def words(doc) -> dict[str, tuple[str, str, str]]:
    return {token.text: (token.tag_, token.dep_, token.head.text) for token in doc}


@pytest.mark.parametrize(
    ("text", "verb", "object_"),
    [
        ("He struggles and overpowers a guard.", "overpowers", "guard"),  # after "and"
        ("Al sneaks into the store with his gang and kidnaps Bob.", "kidnaps", "Bob"),
        ("Sykes kidnaps Inchcape and sets sail.", "kidnaps", "Inchcape"),  # after a name
        ("His comic carelessness enrages the customers.", "enrages", "customers"),  # a noun
    ],
)
def test_a_verb_read_as_a_noun_is_read_as_a_verb_with_its_object(nlp, text, verb, object_):
    doc = nlp(text)
    token = next(token for token in doc if token.text == verb)
    assert token.i in doc._.reparsed
    assert (token.tag_, token.pos_, token.lemma_) == ("VBZ", "VERB", verb.removesuffix("s"))
    assert words(doc)[object_][1:] == ("dobj", verb)


@pytest.mark.parametrize(
    ("text", "name", "analysis"),
    [
        ("Nurşan kills Şavki with a knife.", "Nurşan", ("NNP", "nsubj", "kills")),  # tagged NN
        ("Luc rescues Madeleine.", "Madeleine", ("NNP", "dobj", "rescues")),  # an adverb
    ],
)
def test_a_present_verb_misparsed_around_an_unknown_name_is_parsed_again(nlp, text, name, analysis):
    doc = nlp(text)
    assert words(doc)[name] == analysis
    assert doc._.reparsed == []  # only verbs re-read from a noun are listed


@pytest.mark.parametrize(
    "text",
    [
        "Sarah, a maid, shoots and kills Tom.",  # after an apposition
        "Jacob, a doorman at the theatre, attacks and robs his boss.",  # after its object
    ],
)
def test_a_noun_a_present_verb_hangs_on_as_its_conjunct_is_a_verb(nlp, text):
    doc = nlp(text)
    verb = doc[[token.text for token in doc].index("and") - 1]
    assert verb.i in doc._.reparsed
    assert verb.tag_ == "VBZ"


def test_a_present_verb_after_a_known_word_is_not_parsed_again(nlp_without_reparse, nlp):
    text = "Word spreads quickly."  # "Word" tagged a noun, but the model knows it
    assert [t.tag_ for t in nlp(text)] == [t.tag_ for t in nlp_without_reparse(text)]


def test_the_events_of_a_reparsed_verb_have_their_agent_and_patient(nlp):
    doc = nlp("Al sneaks into the store with his gang and kidnaps Bob.")
    names = {index: c["name"] for index, c in enumerate(doc._.characters)}
    events = {
        (names.get(e["agent"]), e["predicate"], names.get(e["patient"])) for e in doc._.events
    }
    assert ("Al", "kidnap", "Bob") in events


@pytest.mark.parametrize(
    "text",
    [
        "They share their joys and sorrows.",  # coordinated plural nouns
        "He collects stamps and plays chess.",  # the verb after "and" hangs on "collects"
        "Word spreads and the rumors fly.",  # a verb follows: a noun
        "Brennan wants British escorts to meet American transports.",  # a nationality
        "The soldiers pose as UN observers.",  # an acronym
        "But things change.",  # no verb before the "and" or "but"
        "The lovers are reconciled.",  # "The" is no name
        "These young men are baseball stars themselves.",  # no object after the noun
        "Professional rivals of Brodie then find Connors.",  # a known adjective
        "It is not said, for Code reasons.",  # the object of a preposition
    ],
)
def test_a_noun_stays_a_noun(nlp, text):
    assert nlp(text)._.reparsed == []


def test_the_text_and_the_sentences_are_kept(nlp):
    text = "He struggles and overpowers a guard. Then Tom leaves."
    doc = nlp(text)
    assert doc.text == text
    assert [sentence.text for sentence in doc.sents] == [
        "He struggles and overpowers a guard.",
        "Then Tom leaves.",
    ]


def test_the_reparse_can_be_switched_off(nlp_without_reparse):
    doc = nlp_without_reparse("He struggles and overpowers a guard.")
    assert doc._.reparsed == []
    assert next(token for token in doc if token.text == "overpowers").tag_ != "VBZ"


@pytest.mark.parametrize(
    ("stem", "past"),
    [("overpower", "overpowered"), ("chase", "chased"), ("marry", "married"), ("play", "played")],
)
def test_past_tense(stem, past):
    assert past_tense(stem) == past


def test_a_batch_is_reparsed_as_each_document_alone(nlp):
    texts = ["He struggles and overpowers a guard.", "Tom leaves.", "Sykes kidnaps Inchcape."]
    piped = list(nlp.pipe(texts))
    for text, doc in zip(texts, piped, strict=True):
        alone = nlp(text)
        assert doc._.reparsed == alone._.reparsed
        assert [t.dep_ for t in doc] == [t.dep_ for t in alone]


def test_an_unknown_word_opening_its_sentence_as_subject_is_tagged_a_name(nlp):
    doc = nlp("Yancey marries Sabra. Complications arise. Everyone cheers.")
    assert [(token.text, token.pos_) for token in doc if token.pos_ == "PROPN"] == [
        ("Yancey", "PROPN"),
        ("Sabra", "PROPN"),
    ]
    assert [c["name"] for c in doc._.characters] == ["Yancey", "Sabra"]
