"""Writes to agreements (MOUs): the agreement, its parties and what each committed to, who signed for each in
which position, and its documents (S7: the MOU of วาระคนพะเยา, signed on 27 January 2565 BE)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction
from sanphalang.areas.scoping import require_writer
from sanphalang.errors import reject_unknown_fields
from sanphalang.versions import expect_version

from ..access import plan_covers, plan_read_q, require_agreement_write
from ..errors import PlanError
from ..models import Agreement, AgreementDocument, AgreementParty, Plan, Signatory
from ..models.agreements import AgreementKind
from .references import plan_area, visible_meeting, visible_organisation, visible_person

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The fields of an agreement a user sets, in the order its form shows them.
AGREEMENT_FIELDS = ("title", "kind", "plan", "area_code", "signed_on", "venue", "meeting", "purpose")
PARTY_FIELDS = ("organisation", "commitment", "order")
SIGNATORY_FIELDS = ("person", "position")


@transaction.atomic
def agreement_create(
    *,
    by: User,
    title: str,
    kind: str = AgreementKind.COOPERATION,
    plan: Plan | int | None = None,
    area_code: str | None = None,
    signed_on: dt.date | None = None,
    venue: str = "",
    meeting=None,
    purpose: str = "",
) -> Agreement:
    """An agreement of an area: the plan's area when none is given."""
    require_writer(by)
    return _apply(
        by,
        Agreement(),
        {
            "title": title,
            "kind": kind or AgreementKind.COOPERATION,
            "plan": plan,
            "area_code": area_code,
            "signed_on": signed_on,
            "venue": venue,
            "meeting": meeting,
            "purpose": purpose,
        },
    )


@transaction.atomic
def agreement_update(*, by: User, agreement: Agreement, version: int | None = None, **fields) -> Agreement:
    expect_version(agreement, version)
    require_agreement_write(by, agreement)
    reject_unknown_fields(fields, set(AGREEMENT_FIELDS))
    return _apply(by, agreement, fields)


def _visible_plan(by: User, value, current: Plan | None) -> Plan | None:
    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, Plan) else value
    if current is not None and str(pk) == str(current.pk):
        return current
    try:
        found = Plan.objects.filter(plan_read_q(by)).distinct().filter(pk=pk).first()
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise PlanError.PLAN_NOT_VISIBLE.error("plan")
    return found


def _apply(by: User, agreement: Agreement, fields: dict) -> Agreement:
    if "plan" in fields:
        agreement.plan = _visible_plan(by, fields["plan"], agreement.plan if agreement.plan_id else None)
    if fields.get("area_code") not in (None, ""):
        agreement.area = plan_area(fields["area_code"], current=agreement.area if agreement.area_id else None)
    elif not agreement.area_id or "area_code" in fields:
        # Without an area of its own, the agreement belongs to its plan's area.
        if agreement.plan is None or not agreement.plan.area_id:
            raise PlanError.AGREEMENT_NEEDS_AREA.error("area_code")
        agreement.area = agreement.plan.area
    if agreement.plan is not None and not plan_covers(agreement.plan, agreement.area_id):
        raise PlanError.AREA_OUTSIDE_OWNER.error("area_code")
    # Checked once the area is applied: an agreement is written in its area.
    require_agreement_write(by, agreement)
    for name in ("title", "kind", "signed_on", "venue", "purpose"):
        if name in fields:
            value = fields[name]
            setattr(agreement, name, "" if value is None and name != "signed_on" else value)
    if agreement.signed_on and agreement.signed_on > timezone.localdate():
        raise PlanError.AGREEMENT_SIGNED_IN_FUTURE.error("signed_on")
    if "meeting" in fields:
        agreement.meeting = visible_meeting(
            by, fields["meeting"], current=agreement.meeting if agreement.meeting_id else None
        )
    validated_save(agreement, by)
    return agreement


@transaction.atomic
def agreement_delete(*, by: User, agreement: Agreement) -> None:
    """Delete an agreement recorded by mistake, with its parties, signatories and documents; refused while
    projects belong to it."""
    require_agreement_write(by, agreement)
    if agreement.projects.exists():
        raise PlanError.AGREEMENT_HAS_PROJECTS.error(None)
    names = [(document.file.storage, document.file.name) for document in agreement.documents.all()]
    agreement.delete()
    for storage, name in names:
        if name:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


# ---- parties


@transaction.atomic
def party_add(
    *, by: User, agreement: Agreement, organisation, commitment: str = "", order: int | None = None
) -> AgreementParty:
    """An organisation party to the agreement, and what it committed to; placed last when no order is given."""
    require_agreement_write(by, agreement)
    if order in (None, ""):
        order = (agreement.parties.aggregate(last=Max("order"))["last"] or 0) + 1
    party = AgreementParty(agreement=agreement, order=order, commitment=commitment or "")
    party.organisation = visible_organisation(by, organisation)
    if party.organisation is None:
        raise PlanError.ORGANISATION_NOT_VISIBLE.error("organisation")
    validated_save(party, by)
    return party


@transaction.atomic
def party_update(*, by: User, party: AgreementParty, version: int | None = None, **fields) -> AgreementParty:
    expect_version(party, version)
    require_agreement_write(by, party.agreement)
    reject_unknown_fields(fields, set(PARTY_FIELDS))
    if "organisation" in fields:
        party.organisation = visible_organisation(by, fields["organisation"], current=party.organisation)
        if party.organisation is None:
            raise PlanError.ORGANISATION_NOT_VISIBLE.error("organisation")
    if "commitment" in fields:
        party.commitment = fields["commitment"] or ""
    if "order" in fields:
        party.order = fields["order"]
    validated_save(party, by)
    return party


@transaction.atomic
def party_remove(*, by: User, party: AgreementParty) -> None:
    """Remove a party recorded by mistake, with the people who signed for it."""
    require_agreement_write(by, party.agreement)
    party.delete()


# ---- signatories


@transaction.atomic
def signatory_add(*, by: User, party: AgreementParty, person, position: str = "") -> Signatory:
    """A person who signed for the party, in the position they signed in (ผู้ว่าราชการจังหวัดพะเยา)."""
    require_agreement_write(by, party.agreement)
    signatory = Signatory(party=party, person=visible_person(by, person), position=position or "")
    validated_save(signatory, by)
    return signatory


@transaction.atomic
def signatory_update(*, by: User, signatory: Signatory, version: int | None = None, **fields) -> Signatory:
    expect_version(signatory, version)
    require_agreement_write(by, signatory.party.agreement)
    reject_unknown_fields(fields, set(SIGNATORY_FIELDS))
    if "person" in fields:
        signatory.person = visible_person(by, fields["person"], current=signatory.person)
    if "position" in fields:
        signatory.position = fields["position"] or ""
    validated_save(signatory, by)
    return signatory


@transaction.atomic
def signatory_remove(*, by: User, signatory: Signatory) -> None:
    require_agreement_write(by, signatory.party.agreement)
    signatory.delete()


# ---- documents (no history table: their removal is written to the access log)


@transaction.atomic
def document_add(*, by: User, agreement: Agreement, file: File, title: str = "") -> AgreementDocument:
    """Keep a file with the agreement: the signed text, a photo of the signing (the size limit is the form's)."""
    require_agreement_write(by, agreement)
    document = AgreementDocument(
        agreement=agreement,
        file=file,
        uploaded_by=by,
        title=(title or "").strip() or getattr(file, "name", "")[:200],
    )
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def document_remove(*, by: User, document: AgreementDocument) -> None:
    """Remove a document; the stored file is deleted once the removal is committed."""
    require_agreement_write(by, document.agreement)
    log_access(by, AccessAction.DELETE, document, detail=f"agreement {document.agreement_id}")
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
