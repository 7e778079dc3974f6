"""The needs-assessment forms, one per kind of hardship: a short list of questions each (yes or no, one of a few
answers, a number, a text), and the check of a set of answers against its form.

An assessment stores its answers by question key with the key of its form (Assessment.template), so a form that
changes later gets a new key and the answers given on the old one still read."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.digits import parse_number

from .errors import CareError
from .models import CaseKind

TEXT_ANSWER_MAX_LENGTH = 1000


class AnswerKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"
    TEXT = "text"


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: AnswerKind
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label)

    def choice_label(self, value) -> str:
        return str(dict(self.choices).get(value, "—"))

    def shown(self, value) -> str:
        """The answer as a reader reads it: a label, never a stored code."""
        if value in (None, ""):
            return "—"
        if self.kind == AnswerKind.YES_NO:
            return str(_("Yes") if value else _("No"))
        if self.kind == AnswerKind.CHOICE:
            return self.choice_label(value)
        return str(value)


@dataclass(frozen=True)
class AssessmentTemplate:
    key: str
    kind: str  # a CaseKind
    questions: tuple[Question, ...] = field(default=())

    def question(self, key: str) -> Question | None:
        return next((question for question in self.questions if question.key == key), None)


def _yes_no(key, label, required=True) -> Question:
    return Question(key, label, AnswerKind.YES_NO, required)


INCOME_SOURCES = (
    ("allowance", _("Elderly or disability allowance only")),
    ("family", _("Money from family")),
    ("work", _("Own work")),
    ("none", _("No income")),
)
DAMAGE = (
    ("none", _("None")),
    ("partial", _("Partly damaged")),
    ("severe", _("Badly damaged")),
    ("destroyed", _("Destroyed")),
)
STATE = (("good", _("Good")), ("repair", _("Needs repair")), ("unsafe", _("Unsafe or missing")))
NOTES = Question("notes", _("Other needs found"), AnswerKind.TEXT)

TEMPLATES = {
    template.kind: template
    for template in (
        AssessmentTemplate(
            "elderly_alone-1",
            CaseKind.ELDERLY_ALONE,
            (
                _yes_no("can_cook", _("Can cook for themselves")),
                _yes_no("can_bathe", _("Can bathe without help")),
                _yes_no("has_carer", _("Has someone who looks after them")),
                Question(
                    "income_source", _("Main source of income"), AnswerKind.CHOICE, True, INCOME_SOURCES
                ),
                _yes_no("health_volunteer_visits", _("Visited by a village health volunteer")),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "bedridden-1",
            CaseKind.BEDRIDDEN,
            (
                _yes_no("bedsores", _("Has bedsores")),
                _yes_no("has_caregiver", _("Has a caregiver")),
                Question(
                    "equipment_needed", _("Equipment needed (bed, wheelchair, diapers)"), AnswerKind.TEXT
                ),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "disability-1",
            CaseKind.DISABILITY,
            (
                _yes_no("disability_card", _("Holds a registered disability card")),
                _yes_no("has_assistive_device", _("Has the assistive device needed")),
                Question("device_needed", _("Assistive device needed"), AnswerKind.TEXT),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "poverty-1",
            CaseKind.POVERTY,
            (
                Question("monthly_income", _("Household income per month (baht)"), AnswerKind.NUMBER, True),
                Question("debts", _("Debts (baht)"), AnswerKind.NUMBER),
                Question("children_in_school", _("Children in school"), AnswerKind.NUMBER),
                _yes_no(
                    "children_out_of_school", _("A child of school age is out of school"), required=False
                ),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "stateless-1",
            CaseKind.STATELESS,
            (
                Question(
                    "documents_held",
                    _("Documents held (birth certificate, house registration)"),
                    AnswerKind.TEXT,
                    True,
                ),
                _yes_no("born_in_thailand", _("Born in Thailand"), required=False),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "disaster-1",
            CaseKind.DISASTER,
            (
                Question("house_damage", _("Damage to the house"), AnswerKind.CHOICE, True, DAMAGE),
                _yes_no("lost_livelihood", _("Lost their livelihood (crops, animals, tools)")),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "housing-1",
            CaseKind.HOUSING,
            (
                Question("roof", _("State of the roof"), AnswerKind.CHOICE, True, STATE),
                Question("walls", _("State of the walls"), AnswerKind.CHOICE, True, STATE),
                Question("toilet", _("State of the toilet"), AnswerKind.CHOICE, True, STATE),
                NOTES,
            ),
        ),
        AssessmentTemplate(
            "health-1",
            CaseKind.HEALTH,
            (Question("needs", _("What the person needs"), AnswerKind.TEXT, True),),
        ),
        AssessmentTemplate(
            "other-1",
            CaseKind.OTHER,
            (Question("needs", _("What the household needs"), AnswerKind.TEXT, True),),
        ),
    )
}
BY_KEY = {template.key: template for template in TEMPLATES.values()}


def template_for(kind: str) -> AssessmentTemplate:
    return TEMPLATES[kind]


def template_of(key: str) -> AssessmentTemplate | None:
    """The form an assessment was made on, by its key (None for a form no longer known)."""
    return BY_KEY.get(key)


def _checked(question: Question, value):
    """The answer in its stored form, or the error that refuses it."""
    label = str(question.label)
    if question.kind == AnswerKind.YES_NO:
        if isinstance(value, bool):
            return value
        if value in ("yes", "true", "1"):
            return True
        if value in ("no", "false", "0"):
            return False
        raise CareError.ANSWER_NOT_YES_NO.error("answers", question=label)
    if question.kind == AnswerKind.CHOICE:
        if value in dict(question.choices):
            return value
        raise CareError.ANSWER_NOT_A_CHOICE.error("answers", question=label)
    if question.kind == AnswerKind.NUMBER:
        if isinstance(value, bool):
            raise CareError.ANSWER_NOT_A_NUMBER.error("answers", question=label)
        try:
            number = Decimal(parse_number(value) if isinstance(value, str) else str(value))
        except (InvalidOperation, ValueError, TypeError):
            raise CareError.ANSWER_NOT_A_NUMBER.error("answers", question=label) from None
        if not number.is_finite() or number < 0:
            raise CareError.ANSWER_NOT_A_NUMBER.error("answers", question=label)
        # Stored as JSON: whole numbers as int, others as their text so that no float creeps in.
        return int(number) if number == number.to_integral_value() else str(number)
    if not isinstance(value, str) or len(value) > TEXT_ANSWER_MAX_LENGTH:
        raise CareError.ANSWER_NOT_TEXT.error("answers", question=label)
    return value.strip()


def validate_answers(template: AssessmentTemplate, answers: dict) -> dict:
    """The answers as stored, checked against the form: unknown questions refused, each of its type, the required
    ones present. All the errors at once, on the answers field."""
    if not isinstance(answers, dict):
        raise CareError.UNKNOWN_QUESTION.error("answers", question="?")
    errors: list[ValidationError] = []
    cleaned, wrong = {}, set()
    for key, value in answers.items():
        question = template.question(key)
        if question is None:
            errors.append(CareError.UNKNOWN_QUESTION.error(None, question=str(key)[:60]))
            continue
        if value in (None, ""):
            continue
        try:
            cleaned[key] = _checked(question, value)
        except ValidationError as error:
            errors.extend(error.error_dict["answers"])
            wrong.add(key)
    for question in template.questions:
        if question.required and question.key not in wrong and cleaned.get(question.key) in (None, ""):
            errors.append(CareError.ANSWER_REQUIRED.error(None, question=str(question.label)))
    if errors:
        raise ValidationError({"answers": errors})
    return cleaned


def answers_shown(key: str, answers: dict) -> list[tuple[str, str]]:
    """(question, answer) in the form's order, as a reader reads them."""
    template = template_of(key)
    if template is None:
        return [(str(name), str(value)) for name, value in answers.items()]
    return [
        (str(question.label), question.shown(answers.get(question.key)))
        for question in template.questions
        if question.key in answers
    ]
