"""One test per rule of the characters stage, on hand-written sentences."""

from extract.characters import cluster_name_forms


def test_person_entity_is_a_character(characters_of):
    characters = characters_of("John Miller buys a house in Boston. John Miller moves in.")
    assert "John Miller" in characters
    assert characters["John Miller"]["kind"] == "named"


def test_every_occurrence_of_a_character_name_is_a_mention(nlp):
    doc = nlp("Anna Karlsson meets Tom. Later, Anna Karlsson leaves. Anna Karlsson returns.")
    anna = next(c for c in doc._.characters if c["name"] == "Anna Karlsson")
    names = [m for m in anna["mentions"] if m[2] == "name"]
    assert len(names) == 3


def test_shorter_name_joins_the_full_name():
    clusters = cluster_name_forms([("Katniss", "Everdeen"), ("Katniss",)])
    assert clusters == [[("Katniss", "Everdeen"), ("Katniss",)]]


def test_shared_surname_keeps_relatives_apart():
    clusters = cluster_name_forms(
        [("Katniss", "Everdeen"), ("Primrose", "Everdeen"), ("Everdeen",)]
    )
    assert [("Katniss", "Everdeen")] in clusters
    assert [("Primrose", "Everdeen")] in clusters
    assert [("Everdeen",)] in clusters


def test_actor_parenthetical_names_a_character_and_its_actor(characters_of):
    characters = characters_of("She is helped by Raj (Raj Kiran) to find a job. Raj smiles.")
    assert characters["Raj"]["actor"] == "Raj Kiran"
    assert "Raj Kiran" not in characters


def test_characters_are_ordered_by_first_mention(nlp):
    doc = nlp("Maria Lopez calls David Stone. David Stone answers Maria Lopez.")
    assert [c["name"] for c in doc._.characters] == ["Maria Lopez", "David Stone"]
