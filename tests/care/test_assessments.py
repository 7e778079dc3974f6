"""The needs-assessment forms: one per kind of case, each question's answer checked by its type, and the answers
read back as labels."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sanphalang.care.assessments import TEMPLATES, AnswerKind, answers_shown, template_for, validate_answers
from sanphalang.care.models import CaseKind


def _codes(error: ValidationError) -> list[str]:
    return [item.code for item in error.error_dict["answers"]]


def test_every_kind_of_case_has_a_form_with_unique_keys():
    assert set(TEMPLATES) == set(CaseKind.values)
    assert len({template.key for template in TEMPLATES.values()}) == len(TEMPLATES)
    for template in TEMPLATES.values():
        keys = [question.key for question in template.questions]
        assert keys and len(keys) == len(set(keys))
        for question in template.questions:
            assert (question.kind == AnswerKind.CHOICE) == bool(question.choices)


@pytest.mark.parametrize(
    ("kind", "question"),
    [
        ("elderly_alone", "can_cook"),
        ("elderly_alone", "health_volunteer_visits"),
        ("bedridden", "bedsores"),
        ("bedridden", "equipment_needed"),
        ("disability", "disability_card"),
        ("poverty", "debts"),
        ("stateless", "documents_held"),
        ("disaster", "lost_livelihood"),
        ("housing", "toilet"),
        ("health", "needs"),
    ],
)
def test_the_forms_ask_what_each_kind_needs(kind, question):
    assert template_for(kind).question(question) is not None


def test_answers_are_stored_in_their_type():
    cleaned = validate_answers(
        template_for("poverty"),
        {
            "monthly_income": "๓,๕๐๐",
            "debts": "12000.50",
            "children_in_school": 2,
            "children_out_of_school": "no",
        },
    )
    assert cleaned == {
        "monthly_income": 3500,
        "debts": "12000.50",
        "children_in_school": 2,
        "children_out_of_school": False,
    }


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"monthly_income": "-5"}, "answer_not_a_number"),
        ({"monthly_income": True}, "answer_not_a_number"),
        ({"monthly_income": "abc"}, "answer_not_a_number"),
        ({"monthly_income": "NaN"}, "answer_not_a_number"),
        ({"monthly_income": 1, "children_out_of_school": "perhaps"}, "answer_not_yes_no"),
        ({"monthly_income": 1, "notes": 5}, "answer_not_text"),
        ({"monthly_income": 1, "notes": "x" * 1001}, "answer_not_text"),
        ({"monthly_income": 1, "shoe_size": 42}, "unknown_question"),
        ({}, "answer_required"),
    ],
)
def test_a_wrong_answer_is_refused_by_its_type(answers, code):
    with pytest.raises(ValidationError) as refused:
        validate_answers(template_for("poverty"), answers)
    assert _codes(refused.value) == [code]


def test_a_choice_must_be_one_offered_and_answers_that_are_not_a_mapping_are_refused():
    with pytest.raises(ValidationError) as refused:
        validate_answers(template_for("housing"), {"roof": "gold", "walls": "good", "toilet": "good"})
    assert _codes(refused.value) == ["answer_not_a_choice"]
    with pytest.raises(ValidationError):
        validate_answers(template_for("housing"), ["roof"])


def test_answers_read_back_as_labels_in_the_readers_language():
    with translation.override("en"):
        shown = answers_shown("disaster-1", {"house_damage": "severe", "lost_livelihood": True})
    assert shown == [
        ("Damage to the house", "Badly damaged"),
        ("Lost their livelihood (crops, animals, tools)", "Yes"),
    ]
    assert answers_shown("gone-1", {"a": 1}) == [("a", "1")]
