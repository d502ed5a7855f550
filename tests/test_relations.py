"""One test per relation rule, on hand-written sentences."""

import pytest


def relations_of(doc):
    names = [c["name"] for c in doc._.characters]
    return {(names[r["source"]], r["type"], names[r["target"]]) for r in doc._.relations}


def test_possessive_kinship_with_apposition(nlp):
    doc = nlp("Tom Baker's sister Mary Baker gets engaged.")
    assert ("Mary Baker", "sibling", "Tom Baker") in relations_of(doc)


def test_possessive_on_a_noun_before_the_kin_noun_is_the_kin_noun_s(nlp):
    doc = nlp("Ann Reed leaves her lawyer husband Greg.")
    assert ("Greg", "spouse", "Ann Reed") in relations_of(doc)


@pytest.mark.parametrize(
    ("text", "relation_type"),
    [
        ("Tom Hale makes an enemy of Bob Day.", "enemy"),
        ("Tom Hale makes friends with Bob Day.", "friend"),
    ],
)
def test_making_friends_or_an_enemy_of_someone(nlp, text, relation_type):
    assert ("Tom Hale", relation_type, "Bob Day") in relations_of(nlp(text))


def test_a_possessor_described_after_the_kin_noun_is_related(nlp):
    doc = nlp("Ann Carter dines with Frank Devereaux, the son of her employer.")
    assert ("Ann Carter's employer", "parent", "Frank Devereaux") in relations_of(doc)


def test_kinship_noun_naming_the_target_reverses_the_direction(nlp):
    doc = nlp("John Miller meets Mary Parker. Mary Parker's son Tom Parker cries.")
    assert ("Mary Parker", "parent", "Tom Parker") in relations_of(doc)


def test_whose_relative_is_related_to_the_noun_the_clause_modifies(nlp):
    doc = nlp("Nick meets Dorothy Wynant, a young woman whose father is a lawyer.")
    assert ("Dorothy Wynant's father", "parent", "Dorothy Wynant") in relations_of(doc)


def test_a_plural_kin_noun_shares_the_possessor_of_the_kin_noun_before_it(nlp):
    doc = nlp("Frank Andrews is devoted to his wife and two children, John and Jane.")
    assert {("Frank Andrews", "parent", "John"), ("Frank Andrews", "parent", "Jane")} <= (
        relations_of(doc)
    )


def test_pronoun_possessor_goes_through_coreference(nlp):
    doc = nlp("Anna Berg arrives with her husband, Erik Berg.")
    assert ("Erik Berg", "spouse", "Anna Berg") in relations_of(doc)


def test_unnamed_relative_is_related_to_the_possessor(nlp):
    doc = nlp("Seema's father dislikes Deepak.")
    assert ("Seema's father", "parent", "Seema") in relations_of(doc)


def test_role_noun_gives_a_work_relation(nlp):
    doc = nlp("Pooja gives advice to her maid.")
    assert ("Pooja", "employer", "Pooja's maid") in relations_of(doc)


def test_relation_carries_rule_and_evidence_sentence(nlp):
    doc = nlp("Tom Hardy sleeps. Later Tom Hardy's brother Jim Hardy wakes him.")
    relation = doc._.relations[0]
    assert relation["rule"] == "possessive_kinship"
    start, end = relation["sentence"]
    assert doc[start:end].text.startswith("Later Tom Hardy's brother")


def test_relation_verb_relates_agent_and_patient(nlp):
    doc = nlp("John Miller marries Mary Parker.")
    assert ("John Miller", "spouse", "Mary Parker") in relations_of(doc)
    assert doc._.relations[0]["rule"] == "event_verb"


def test_relation_verb_with_its_noun(nlp):
    doc = nlp("John Miller falls in love with Mary Parker.")
    assert ("John Miller", "lover", "Mary Parker") in relations_of(doc)


@pytest.mark.parametrize(
    "text",
    [
        "John Miller battles Tom Baker.",
        "John Miller subdues Tom Baker.",
        "John Miller struggles with Tom Baker.",
        "John Miller feuds with Tom Baker.",
    ],
)
def test_a_verb_of_fighting_makes_an_enemy(nlp, text):
    assert ("John Miller", "enemy", "Tom Baker") in relations_of(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tom Baker is badly beaten by John Miller's men.",
        "John Miller's henchmen shoot Tom Baker.",
        "John Miller's henchmen arrive and shoot Tom Baker.",
    ],
)
def test_one_whose_men_do_harm_is_an_enemy_of_the_victim(nlp, text):
    assert ("John Miller", "enemy", "Tom Baker") in relations_of(nlp(text))


def test_one_whose_men_do_no_harm_is_no_enemy(nlp):
    assert relations_of(nlp("John Miller's men greet Tom Baker.")) == set()


@pytest.mark.parametrize(
    "text",
    [
        "John Miller accidentally shoots Tom Baker.",
        "John Miller kills Tom Baker by mistake.",
        "Tom Baker is inadvertently hit by John Miller's men.",
    ],
)
def test_harm_not_meant_makes_no_enemy(nlp, text):
    assert not {r for r in relations_of(nlp(text)) if r[1] == "enemy"}


def test_one_who_marries_two_weds_them_to_each_other(nlp):
    found = relations_of(nlp("Ed Roe forces Tom Hale to marry Helen Ward and Howard Lee."))
    assert found == {("Helen Ward", "spouse", "Howard Lee")}


def test_struggling_with_no_one_makes_no_enemy(nlp):
    doc = nlp("John Miller and Tom Baker struggle along on foot.")
    assert not {r for r in relations_of(doc) if r[1] == "enemy"}


def test_relation_verb_with_its_preposition(nlp):
    doc = nlp("John Miller throws a knife at Tom Baker.")
    assert ("John Miller", "enemy", "Tom Baker") in relations_of(doc)
    assert relations_of(nlp("John Miller throws a party for Tom Baker.")) == set()


def test_believed_kinship_predicate_makes_no_relation(nlp):
    doc = nlp("Kaajal Rai thinks Bobby Das is Shekhar Roy's wife.")
    assert not {r for r in relations_of(doc) if r[1] == "spouse"}
    doc = nlp("Shekhar Roy believes that his wife, Bobby Das, has left.")
    assert ("Bobby Das", "spouse", "Shekhar Roy") in relations_of(doc)


def test_a_kin_predicate_the_copula_does_not_assert_shows_no_relation(nlp):
    for sentence in (
        "Ann Lee meets Tom Baker. Ann Lee refuses to be his wife.",
        "Ann Lee meets Tom Baker. Tom Baker is not her father.",
        "Ann Lee meets Tom Baker. Ann Lee will not be his wife.",
        "Ann Lee meets Tom Baker. Tom Baker pretends to be her brother.",
        "Ann Lee meets Tom Baker. Ann Lee offers to be his secretary.",
    ):
        assert not relations_of(nlp(sentence)), sentence
    doc = nlp("Ann Lee meets Tom Baker. Ann Lee agrees to be his wife.")
    assert relations_of(doc) == {("Ann Lee", "engaged", "Tom Baker")}
    doc = nlp("Ann Lee meets Tom Baker. He realizes that she must be his daughter.")
    assert relations_of(doc) == {("Tom Baker", "parent", "Ann Lee")}


def test_attempted_harm_makes_an_enemy(nlp):
    doc = nlp("John Miller tries to kill Tom Baker.")
    assert ("John Miller", "enemy", "Tom Baker") in relations_of(doc)
    doc = nlp("John Miller tries to marry Ann Lee.")
    assert ("John Miller", "spouse", "Ann Lee") not in relations_of(doc)


def test_harm_its_patient_asks_for_makes_no_enemy(nlp):
    doc = nlp("Peeta Mellark tells Katniss Everdeen to shoot him.")
    assert not [r for r in doc._.relations if r["type"] == "enemy"]
    doc = nlp("Semyon Orlov tells Kirill Orlov to shoot Tom Baker.")
    assert ("Kirill Orlov", "enemy", "Tom Baker") in relations_of(doc)


def test_wanted_marriage_makes_no_spouse(nlp):
    assert relations_of(nlp("John Miller wants to marry Mary Parker.")) == set()


def test_phrasal_relation_verb(nlp):
    doc = nlp("Jada Pinkett is going out with a guy named Jamal.")
    assert ("Jada Pinkett", "lover", "Jamal") in relations_of(doc)


def test_getting_rid_of_tying_up_and_eloping(nlp):
    doc = nlp("Sam Dean meets Carl Vance. Sam Dean disposes of Carl Vance.")
    assert ("Sam Dean", "enemy", "Carl Vance") in relations_of(doc)
    doc = nlp("Sam Dean meets Carl Vance. Sam Dean ties Carl Vance up.")
    assert ("Sam Dean", "enemy", "Carl Vance") in relations_of(doc)
    doc = nlp("Sam Dean meets Carl Vance. Sam Dean ties the knot with Carl Vance.")
    assert not {r for r in relations_of(doc) if r[1] == "enemy"}
    doc = nlp("Helen Ray meets Tom Hale. Helen Ray elopes with Tom Hale.")
    assert ("Helen Ray", "spouse", "Tom Hale") in relations_of(doc)
    doc = nlp("Helen Ray meets Tom Hale. Helen Ray decides to elope with Tom Hale.")
    assert ("Helen Ray", "engaged", "Tom Hale") in relations_of(doc)


def test_a_tie_noun_after_the_preposition_of_a_verb_of_starting_it(nlp):
    doc = nlp("Addie Lane meets Minh Tran. Addie Lane embarks on a friendship with Minh Tran.")
    assert ("Addie Lane", "friend", "Minh Tran") in relations_of(doc)


def test_a_tie_noun_with_its_adjective(nlp):
    doc = nlp("Patrick Bales starts a romantic relationship with Odile Deray.")
    assert ("Patrick Bales", "lover", "Odile Deray") in relations_of(doc)
    doc = nlp("Patrick Bales has a business relationship with Odile Deray.")
    assert relations_of(doc) == set()


def test_a_tie_noun_against_or_for_someone(nlp):
    doc = nlp("John Miller has a burning passion for Mary Parker.")
    assert ("John Miller", "lover", "Mary Parker") in relations_of(doc)
    doc = nlp("John Miller has a grudge against Tom Baker.")
    assert ("John Miller", "enemy", "Tom Baker") in relations_of(doc)


def test_dismissing_someone_is_employing_them(nlp):
    doc = nlp("John Miller dismisses Tom Baker.")
    assert ("John Miller", "employer", "Tom Baker") in relations_of(doc)


def test_a_victim_is_an_enemy(nlp):
    doc = nlp("John Miller meets his victim, Tom Baker.")
    assert {("Tom Baker", "enemy", "John Miller"), ("John Miller", "enemy", "Tom Baker")} & (
        relations_of(doc)
    )


@pytest.mark.parametrize(
    "text",
    [
        "John Miller offers to marry Mary Parker.",
        "John Miller will marry Mary Parker.",
        "John Miller denies having married Mary Parker.",
    ],
)
def test_offered_future_or_denied_marriage_makes_no_spouse(nlp, text):
    assert not {r for r in relations_of(nlp(text)) if r[1] == "spouse"}


def test_a_marriage_agreed_or_to_come_is_an_engagement(nlp):
    doc = nlp("John Miller agrees to marry Mary Parker.")
    assert ("John Miller", "engaged", "Mary Parker") in relations_of(doc)


def test_asking_someone_to_marry_oneself_is_love(nlp):
    doc = nlp("John Miller asks Mary Parker to marry him.")
    assert ("Mary Parker", "lover", "John Miller") in relations_of(doc)
    assert relations_of(nlp("John Miller tells Ann Lee to marry Tom Baker.")) == set()


def test_a_bride_is_a_wife_and_a_bride_to_be_a_fiancee(nlp):
    doc = nlp("John Miller and his young bride, Mary Parker, cross the border.")
    assert ("Mary Parker", "spouse", "John Miller") in relations_of(doc)
    doc = nlp("Tom Hall introduces his bride-to-be, Ann Lee.")
    assert ("Ann Lee", "engaged", "Tom Hall") in relations_of(doc)
    doc = nlp("John Miller meets his would-be bride Mary Parker.")
    assert ("Mary Parker", "engaged", "John Miller") in relations_of(doc)


def test_one_serving_as_someone_s_secretary_is_employed(nlp):
    doc = nlp("Julia Deep meets Ann Lowe. Julia Deep goes to serve as her secretary.")
    assert ("Ann Lowe", "employer", "Julia Deep") in relations_of(doc)
    assert relations_of(nlp("John Miller poses as Ann Lowe's chauffeur.")) == set()


def test_one_betrothed_to_another_is_engaged(nlp):
    doc = nlp("Mary Parker has been betrothed to John Miller.")
    assert ("Mary Parker", "engaged", "John Miller") in relations_of(doc)


def test_a_proposal_granted_is_an_engagement(nlp):
    doc = nlp("John Miller asks Mary Parker to marry him, and she agrees.")
    assert ("Mary Parker", "engaged", "John Miller") in relations_of(doc)
    doc = nlp("John Miller asks Mary Parker to marry him, but Ann Lee agrees.")
    assert ("Mary Parker", "lover", "John Miller") in relations_of(doc)
    doc = nlp("John Miller asks Mary Parker to marry him, but she does not agree.")
    assert ("Mary Parker", "lover", "John Miller") in relations_of(doc)


def test_marrying_off_someone_makes_no_spouse(nlp):
    assert relations_of(nlp("John Miller marries off Mary Parker to Tom Baker.")) == set()


def test_negated_event_makes_no_relation(nlp):
    assert relations_of(nlp("John Miller does not marry Mary Parker.")) == set()


def test_coordinated_subjects_of_a_relation_noun(nlp):
    doc = nlp("John Miller and Tom Baker become good friends.")
    assert ("John Miller", "friend", "Tom Baker") in relations_of(doc)


def test_a_relation_noun_predicated_with_someone_relates_the_subject_to_them(nlp):
    doc = nlp("John Miller and Ann Lee become friends with Tom Baker.")
    assert relations_of(doc) == {
        ("John Miller", "friend", "Tom Baker"),
        ("Ann Lee", "friend", "Tom Baker"),
    }


def test_their_daughter_is_the_child_of_each_of_them(nlp):
    doc = nlp("Rawdon Smith and Miranda Jones travel with their daughter Quincey.")
    assert ("Rawdon Smith", "parent", "Quincey") in relations_of(doc)
    assert ("Miranda Jones", "parent", "Quincey") in relations_of(doc)


def test_coordinated_kin_share_the_possessor(nlp):
    doc = nlp("Tahaan lives with his grandfather, mother Haba and older sister Zoya.")
    assert ("Haba", "parent", "Tahaan") in relations_of(doc)
    assert ("Zoya", "sibling", "Tahaan") in relations_of(doc)


def test_coordinated_nouns_in_apposition_share_the_possessor_and_the_name(nlp):
    doc = nlp("Tom Brent calls Marcia Lane, his partner and ex-wife.")
    assert ("Marcia Lane", "spouse", "Tom Brent") in relations_of(doc)
    assert [c["name"] for c in doc._.characters] == ["Tom Brent", "Marcia Lane"]


def test_kinship_said_in_a_relative_clause(nlp):
    doc = nlp("Simona, who is also Lola's sister, arrives.")
    assert ("Simona", "sibling", "Lola") in relations_of(doc)


def test_have_makes_its_subject_the_possessor_of_kin(nlp):
    assert ("Sushma", "sibling", "Deepak") in relations_of(nlp("Deepak has a sister Sushma."))


def test_plural_kin_with_named_members(nlp):
    doc = nlp("Lorenzo Diaz arrives with his homeboys, T-Bone and Baby Boy.")
    assert ("T-Bone", "friend", "Lorenzo Diaz") in relations_of(doc)
    assert ("Baby Boy", "friend", "Lorenzo Diaz") in relations_of(doc)


def test_hyphenated_kinship_noun_is_one_word(nlp):
    doc = nlp("Dahlia Williams argues with her ex-husband, Kyle.")
    assert ("Kyle", "spouse", "Dahlia Williams") in relations_of(doc)


def test_the_spouse_of_a_parent_is_a_parent(nlp):
    doc = nlp("Tom Baker's son Peter Baker lives in Leeds. Tom Baker's wife Mary Baker cooks.")
    relations = [r for r in doc._.relations if r["rule"] == "implied"]
    names = [c["name"] for c in doc._.characters]
    assert {(names[r["source"]], r["type"], names[r["target"]]) for r in relations} == {
        ("Mary Baker", "parent", "Peter Baker")
    }


def test_a_parent_of_a_parent_is_other_family(nlp):
    doc = nlp("Tom Baker's son Peter Baker has a daughter, Ann Baker.")
    assert ("Tom Baker", "other_family", "Ann Baker") in relations_of(doc)


def test_a_parent_of_one_sibling_is_a_parent_of_the_other(nlp):
    doc = nlp("Tahaan lives with his mother Haba and his older sister Zoya.")
    assert ("Haba", "parent", "Zoya") in relations_of(doc)


def test_the_spouse_of_a_child_is_other_family(nlp):
    doc = nlp("Ellen Brody visits her son Michael and his wife Carla.")
    assert ("Ellen Brody", "other_family", "Carla") in relations_of(doc)


def test_the_sibling_of_a_spouse_is_other_family(nlp):
    doc = nlp("Manu Nair's wife Indu Nair calls her brother Hari Menon.")
    assert ("Hari Menon", "other_family", "Manu Nair") in relations_of(doc)


def test_two_children_of_one_parent_are_siblings(nlp):
    doc = nlp("Ellen Brody's son Michael Brody lives in Leeds. Ellen Brody's son Sean Brody dies.")
    assert ("Michael Brody", "sibling", "Sean Brody") in relations_of(doc)


def test_existential_there_introduces_a_description(nlp):
    doc = nlp("There is also Kishen's friend Shekhar, who marries Sanjana.")
    assert ("Shekhar", "friend", "Kishen") in relations_of(doc)


def test_kin_noun_misparsed_as_an_adjective_before_a_name(nlp):
    doc = nlp("Paschalis is about to marry his beloved Anthoula.")
    assert ("Anthoula", "lover", "Paschalis") in relations_of(doc)


def test_indefinite_kin_noun_belongs_to_the_subject(nlp):
    doc = nlp("Duc Tran visits a former girlfriend in Vietnam.")
    assert ("Duc Tran's former girlfriend", "lover", "Duc Tran") in relations_of(doc)


def test_an_indefinite_child_belongs_to_no_one(nlp):
    doc = nlp("Harry Weston had endangered a child.")
    assert not [r for r in doc._.relations if r["type"] == "parent"]
    doc = nlp("Harry Weston visits a daughter in Leeds.")
    assert ("Harry Weston", "parent", "Harry Weston's daughter") in relations_of(doc)


def test_members_of_a_plural_symmetric_kin_noun_relate_to_each_other(nlp):
    doc = nlp("Michael works with his partners. The partners Jake Reed and William Stone dive.")
    relations = relations_of(doc)
    assert ("Jake Reed", "colleague", "William Stone") in relations


def test_a_parent_is_never_also_the_child(nlp):
    from extract.stages.relations import consistent_relations

    def parent(source, target):
        return {"type": "parent", "source": source, "target": target, "rule": "possessive_kinship"}

    assert consistent_relations([parent(0, 1), parent(1, 0), parent(0, 1)]) == [parent(0, 1)]


def test_implied_relation_never_doubles_a_related_pair(nlp):
    doc = nlp("Tom Baker's son Peter Baker lives in Leeds. Tom Baker's wife Mary Baker cooks.")
    doc2 = nlp(doc.text + " Mary Baker's friend Peter Baker visits her.")
    pairs = [frozenset((r["source"], r["target"])) for r in doc2._.relations]
    assert len(pairs) == len(set(pairs))


def test_names_titled_by_a_plural_trade_noun_are_colleagues(nlp):
    doc = nlp("Harry Weston is chased by the prospectors Sam Benson and Dave Colby.")
    assert ("Sam Benson", "colleague", "Dave Colby") in relations_of(doc)


def test_names_said_to_share_a_trade_are_colleagues(nlp):
    doc = nlp("Milan Novak and Goran Hasek are two criminals who smuggle immigrants.")
    assert ("Milan Novak", "colleague", "Goran Hasek") in relations_of(doc)


def test_names_titled_by_a_possessed_trade_noun_are_no_colleagues(nlp):
    doc = nlp("Cao Cao sends his soldiers Jiang Gan and Cai Mao away.")
    assert ("Jiang Gan", "colleague", "Cai Mao") not in relations_of(doc)


def test_children_listed_by_a_plural_noun_are_siblings(nlp):
    doc = nlp("Matt Hall has two sons, Luke Hall and Ben Hall.")
    assert ("Luke Hall", "sibling", "Ben Hall") in relations_of(doc)


def test_name_after_a_comma_names_a_possessive_kin_noun(nlp):
    doc = nlp("Lola's ex-fiancé, Marco, and his girlfriend, Simona, plot against Lola.")
    assert ("Marco", "engaged", "Lola") in relations_of(doc) or (
        "Lola",
        "engaged",
        "Marco",
    ) in relations_of(doc)


def test_a_pair_of_kinship_nouns_relates_the_two_names_it_titles(nlp, characters_of):
    text = "Husband and wife Colin and Martha run a bakery in Leeds."
    assert ("Colin", "spouse", "Martha") in relations_of(nlp(text))
    characters = characters_of(text)
    assert (characters["Colin"]["gender"], characters["Martha"]["gender"]) == ("male", "female")


def test_a_possessive_work_noun_gives_an_employer(nlp):
    doc = nlp("The king relies on his advisor Wendell Brisk.")
    assert ("the king", "employer", "Wendell Brisk") in relations_of(doc)


def test_a_divorce_shows_the_marriage_whatever_its_modality(nlp):
    doc = nlp("Tom Baker wants to divorce Ann Lee.")
    assert relations_of(doc) == {("Tom Baker", "spouse", "Ann Lee")}  # not engaged


def test_an_owner_is_the_master_of_the_one_owned(nlp):
    doc = nlp("Cal Morton is Rin Tin Tin's owner. Rin Tin Tin saves him.")
    assert ("Cal Morton", "employer", "Rin Tin Tin") in relations_of(doc)


def test_a_partner_without_gender_takes_the_opposite_one(characters_of):
    characters = characters_of("Tom Baker brings his lover Kim Lane to the party.")
    assert characters["Kim Lane"]["gender"] == "female"


def test_partners_of_both_genders_leave_the_gender_unknown(characters_of):
    characters = characters_of(
        "Mr. Tom Baker marries Kim Lane. Later Mrs. Anna Berg marries Kim Lane."
    )
    assert characters["Kim Lane"]["gender"] == "unknown"


def test_a_two_word_kinship_noun_is_one_entry(nlp):
    doc = nlp("Liu Bei rides with his sworn brothers Guan Yu and Zhang Fei.")
    assert ("Guan Yu", "friend", "Liu Bei") in relations_of(doc)
    assert not [r for r in doc._.relations if r["type"] == "sibling"]


def test_an_adverb_may_stand_between_a_kin_noun_and_its_name(nlp):
    doc = nlp("Ritu Patel says that she has met her soul mate also, Sunder Kapoor.")
    assert ("Sunder Kapoor", "lover", "Ritu Patel") in relations_of(doc)


def test_children_listed_after_their_are_children_of_each_of_them(nlp):
    doc = nlp("Tom Baker and Ann Baker move to Leeds with their sons Luke and Ben.")
    assert {("Tom Baker", "parent", "Ben"), ("Ann Baker", "parent", "Ben")} <= relations_of(doc)


def test_a_tie_noun_relates_its_possessor_and_the_object_of_its_to(nlp):
    doc = nlp("Quincey Reed prepares for her wedding to Philippe Roux.")
    assert ("Quincey Reed", "spouse", "Philippe Roux") in relations_of(doc)


def test_a_tie_noun_relates_the_people_coordinated_after_its_of(nlp):
    doc = nlp("Geeta Rao meets Swaroop Das. The wedding of Geeta Rao and Swaroop Das goes forward.")
    assert ("Geeta Rao", "spouse", "Swaroop Das") in relations_of(doc)


def test_a_tie_noun_relates_the_people_of_a_between_on_its_verb(nlp):
    doc = nlp("A romance develops between Tom Baker and Ann Lee.")
    assert ("Tom Baker", "lover", "Ann Lee") in relations_of(doc)


def test_a_tie_noun_said_of_their_relates_no_one(nlp):
    doc = nlp(
        "Sushma Rao got engaged to a man named Ajit Das and Deepak Rao arranges their marriage."
    )
    assert not [r for r in doc._.relations if r["rule"] == "relation_noun"]


def test_kin_had_by_coordinated_subjects_is_kin_of_each(nlp):
    doc = nlp("John Smith and Mary Smith have a son, Tom Smith.")
    assert {("John Smith", "parent", "Tom Smith"), ("Mary Smith", "parent", "Tom Smith")} <= (
        relations_of(doc)
    )


def test_plural_kin_predicate_with_of_relates_each_pair(nlp):
    doc = nlp("John Smith and Mary Jones are the parents of Ann Smith and Kate Smith.")
    assert {
        ("John Smith", "parent", "Ann Smith"),
        ("Mary Jones", "parent", "Kate Smith"),
    } <= relations_of(doc)


def test_plural_couple_kin_of_as_many_holders_pairs_them_in_order(nlp):
    doc = nlp("John Smith and Bill Jones arrive with their wives Ann Hale and Kate Moss.")
    assert {r for r in relations_of(doc) if r[1] == "spouse"} == {
        ("Ann Hale", "spouse", "John Smith"),
        ("Kate Moss", "spouse", "Bill Jones"),
    }


def test_plural_couple_kin_of_more_holders_relates_no_one(nlp):
    doc = nlp("John Smith, Bill Jones and Tim Cole come with their wives Ann Hale and Kate Moss.")
    assert not [r for r in doc._.relations if r["type"] == "spouse"]


def test_symmetric_kin_predicate_of_they_relates_the_group(nlp):
    doc = nlp("Ann Hale visits Kate Moss. They are friends.")
    assert ("Ann Hale", "friend", "Kate Moss") in relations_of(doc)


def test_a_kinship_title_of_a_possessed_name_relates_the_name_to_the_possessor(nlp):
    doc = nlp("Quincey Brown introduces Kimberly to her Uncle Jack.")
    assert ("Uncle Jack", "other_family", "Quincey Brown") in relations_of(doc)


def test_a_tie_noun_apposed_to_two_people_relates_them(nlp):
    doc = nlp("Tom Hale sells the house to Anna Berg and Jack Reed, a young couple.")
    assert relations_of(doc) & {
        ("Anna Berg", "spouse", "Jack Reed"),
        ("Jack Reed", "spouse", "Anna Berg"),
    }
    assert relations_of(nlp("Tom Hale stays for a couple of days with Anna Berg.")) == set()


def test_a_tie_noun_held_by_the_subject_or_the_possessor_relates_to_its_object(nlp):
    assert ("Oliver Smith", "lover", "Dodge Jones") in relations_of(
        nlp("Oliver Smith develops a crush on Dodge Jones.")
    )
    assert ("Peeta Mellark", "lover", "Katniss Everdeen") in relations_of(
        nlp("Peeta Mellark reveals his love for Katniss Everdeen.")
    )


def test_a_tie_noun_is_not_held_by_one_who_arranges_or_believes_it(nlp):
    assert relations_of(nlp("Roger Patel arranges a marriage for Namrata Patel.")) == set()
    doc = nlp("Kaajal Rao thinks that Kishen Rao has an affair with Bobby Shah.")
    assert not {r for r in relations_of(doc) if r[1] == "lover"}
    assert ("Anna Berg", "parent", "Tom") in relations_of(
        nlp("Anna Berg shows her love for her son Tom.")
    )


def test_an_adjective_naming_a_tie_relates_its_subject_and_its_object(nlp):
    doc = nlp("Walter Hale meets Shirley Dean. Walter Hale becomes enamored of Shirley Dean.")
    assert relations_of(doc) == {("Walter Hale", "lover", "Shirley Dean")}
    doc = nlp("Tom Baker meets Ann Lee. Tom Baker and Ann Lee are attracted to each other.")
    assert relations_of(doc) == {("Tom Baker", "lover", "Ann Lee")}
    doc = nlp("Tom Baker meets Ann Lee. Tom Baker is not attracted to Ann Lee.")
    assert relations_of(doc) == set()
    doc = nlp("Tai Tran and his friend Duc Le are enamored with two refugees.")
    assert not {r for r in relations_of(doc) if r[1] == "lover"}


def test_harm_only_believed_or_alleged_makes_no_enemy(nlp):
    doc = nlp("Tom Baker meets Ann Lee. Ann Lee thinks that Tom Baker killed Peter Hall.")
    assert not {r for r in relations_of(doc) if r[1] == "enemy"}
    doc = nlp("Tom Baker meets Peter Hall. Later Tom Baker is accused of killing Peter Hall.")
    assert not {r for r in relations_of(doc) if r[1] == "enemy"}
    doc = nlp("Tom Baker tries to kill Peter Hall.")
    assert ("Tom Baker", "enemy", "Peter Hall") in relations_of(doc)


def test_the_noun_of_a_verbal_phrase_must_stand_in_the_verbs_own_phrase(nlp):
    doc = nlp("Kishen Rao has a wife, Kaajal, who thinks he is having an affair with Bobby.")
    assert not {r for r in relations_of(doc) if r[1] == "lover"}


def test_fathering_a_child_makes_a_parent(nlp):
    doc = nlp("Anna Berg learns that her baby, Christine, was fathered by Semyon Orlov.")
    assert ("Semyon Orlov", "parent", "Christine") in relations_of(doc)


def test_a_possessor_is_shared_by_a_kin_title_coordinated_after_an_apposition(nlp):
    doc = nlp("Sun Quan goes on a tiger hunt with his viceroy Zhou Yu and sister Sun Shangxiang.")
    assert ("Sun Shangxiang", "sibling", "Sun Quan") in relations_of(doc)


def test_an_unnamed_person_after_of_is_the_possessor_of_a_kin_noun(nlp):
    doc = nlp("Thuy Hoa, the daughter of a discredited Vietnamese general, meets Tai Tran.")
    assert ("a discredited Vietnamese general", "parent", "Thuy Hoa") in relations_of(doc)


def test_a_possessive_description_between_two_names_describes_the_second(characters_of):
    text = "Dario Brandt, his young bride, Elena and their son, Nico, cross the border."
    characters = characters_of(text)
    assert (characters["Dario Brandt"]["gender"], characters["Elena"]["gender"]) == (
        "male",
        "female",
    )
