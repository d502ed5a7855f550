"""The pipeline frame: cleanup in the tokenizer, stage order, long documents."""

from hypothesis import given
from hypothesis import strategies as st

from extract.io.inputs import Document
from extract.pipeline import STAGES, build_nlp, process_documents, split_text


def test_stages_follow_the_base_model_in_order(nlp):
    assert nlp.pipe_names[-len(STAGES) :] == list(STAGES)


def test_the_doc_holds_the_clean_text_and_the_actor_note(nlp):
    doc = nlp("Raj ([[Raj Kiran]]) helps [[Pooja Mehra|Pooja]] .")
    assert doc.text == "Raj helps Pooja."
    assert [note[2] for note in doc._.actor_notes] == ["Raj Kiran"]


def test_pipe_with_two_processes_gives_the_same_docs(nlp):
    texts = ["Anna Berg meets Tom Berg. She thanks him.", "John Miller kills Peter Hall."] * 3
    one = [(d.text, d._.characters, d._.events) for d in nlp.pipe(texts, n_process=1)]
    two = [(d.text, d._.characters, d._.events) for d in nlp.pipe(texts, n_process=2)]
    assert one == two


@given(st.text(alphabet="ab .\n", max_size=300), st.integers(min_value=4, max_value=40))
def test_split_text_pieces_join_back_and_respect_the_length(text, length):
    pieces = split_text(text, length)
    assert "".join(pieces) == text
    assert all(len(piece) <= length for piece in pieces)


def test_a_document_longer_than_max_length_is_processed_in_pieces():
    nlp = build_nlp()
    sentence = "Anna Berg meets Tom Berg in the old town. She thanks him for the help. "
    text = sentence * 40
    nlp.max_length = 1000
    document = Document(doc_id="long", source="test", text=text)
    (processed,) = process_documents(nlp, [document])
    doc = processed.doc
    assert doc.text == text.strip()
    assert any("pieces" in warning for warning in doc._.warnings)
    anna = next(c for c in doc._.characters if c["name"] == "Anna Berg")
    assert len([m for m in anna["mentions"] if m[2] == "name"]) == 40


def test_an_abbreviated_title_does_not_end_the_sentence(nlp):
    doc = nlp("Tom Hart was hired by Gunnery Sgt. Jim Lance. He left.")
    assert [sentence.text for sentence in doc.sents][0].endswith("Jim Lance.")
    assert "Sgt." in [token.text for token in doc]


def test_no_sentence_starts_at_the_name_after_an_abbreviated_title(nlp):
    doc = nlp("America enters the war and Capt. Robert Hart is detailed to London.")
    assert len(list(doc.sents)) == 1  # the base model alone splits after "Capt."


def test_a_word_the_base_tokenizer_splits_as_a_contraction_stays_whole(nlp):
    doc = nlp("Tom and Ann wed.")
    assert [(token.text, token.lemma_) for token in doc][3] == ("wed", "wed")


def test_a_saved_pipeline_loads_with_spacy_load(tmp_path):
    import spacy

    nlp = build_nlp(disabled_rules=["shared_predicate"])
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe_config("relations")["disabled_rules"] == ["shared_predicate"]
    text = "[[Raj]] and '''Pooja''' become good friends. Raj (Raj Kiran) marries Pooja."
    saved, fresh = loaded(text), nlp(text)
    assert saved.text == fresh.text and "[[" not in saved.text
    assert saved._.characters == fresh._.characters
    assert saved._.relations == fresh._.relations
    assert not [r for r in saved._.relations if r["rule"] == "shared_predicate"]
