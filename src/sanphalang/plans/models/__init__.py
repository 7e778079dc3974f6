"""Plans and their main works, agreements and their parties, projects and budgets, targets with their area splits
and progress, and the stages of area charters and registrations; one module per topic."""

from .agreements import Agreement, AgreementDocument, AgreementParty, Signatory
from .plans import MainWork, NationalStrategy, Plan, PlanStatus
from .projects import BudgetLine, BudgetSource, Project, ProjectStatus
from .stages import (
    CHARTER_STAGES,
    REGISTRATION_STAGES,
    Charter,
    CharterStage,
    Registration,
    RegistrationLaw,
    RegistrationStage,
    StageEvent,
)
from .targets import (
    CountedBy,
    EntryStatus,
    Indicator,
    Measure,
    PeriodLock,
    ProgressEntry,
    TargetSplit,
    Unit,
)

__all__ = [
    "NationalStrategy",
    "PlanStatus",
    "Plan",
    "MainWork",
    "Agreement",
    "AgreementParty",
    "Signatory",
    "AgreementDocument",
    "ProjectStatus",
    "Project",
    "BudgetSource",
    "BudgetLine",
    "Unit",
    "CountedBy",
    "Measure",
    "Indicator",
    "TargetSplit",
    "EntryStatus",
    "ProgressEntry",
    "PeriodLock",
    "CharterStage",
    "CHARTER_STAGES",
    "RegistrationLaw",
    "RegistrationStage",
    "REGISTRATION_STAGES",
    "Charter",
    "Registration",
    "StageEvent",
]
