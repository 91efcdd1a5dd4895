"""What the plan's Word document states besides its table, gathered from the plan and what
its province decided (quota, focal department, deadline rule)."""

from __future__ import annotations

from flask_babel import force_locale

from editorial.observances import services as observances
from editorial.plans.export import PlanFacts
from editorial.plans.models import Plan
from editorial.units import settings
from editorial.units.labels import KIND_LABELS


def plan_facts(plan: Plan) -> PlanFacts:
    """The plan's number, date and signer as stored, its province's name, each kind of unit's
    monthly website quota, the focal department and the registration rule in words."""
    province = plan.unit.root_id
    with force_locale("vi"):  # the document is the province's own, in Vietnamese
        quotas = [(f"Các đơn vị {str(KIND_LABELS[kind]).lower()}", quota.words())
                  for kind, quota in settings.duties(province).quotas.items()]
    return PlanFacts(
        committee=plan.unit.province.name if plan.unit.province else plan.unit.name,
        title=plan.title, year=plan.year, number=plan.number, signed_on=plan.signed_on,
        signer=plan.signer, focal=settings.focal_name(province),
        deadline_words=observances.deadline_rule().label, quotas=quotas)
