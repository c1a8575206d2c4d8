"""What the impact app holds about a person: export and erasure (see reserve.core.privacy).

The visibility choices and the hourly costs go with the account. A time statement already issued
is the employer's evidence for its tax return: it stays, with the name it bears replaced, so its
verification page no longer names anyone.
"""

from django.utils.translation import gettext as _

from .models import HourlyCost, TimeStatement, Visibility


def export(user) -> dict:
    visibility = Visibility.objects.filter(user=user).first()
    return {
        "visibility": {
            "on_impact_pages": visibility.on_impact_pages,
            "public_profile": visibility.public_profile,
        }
        if visibility
        else None,
        "hourly_costs": [
            {"employer": cost.employer.name, "amount": str(cost.amount)}
            for cost in HourlyCost.objects.filter(employee=user).select_related("employer")
        ],
        "time_statements": [
            {
                "employer": statement.employer.name,
                "beneficiary": statement.beneficiary.name,
                "period": [statement.period_start.isoformat(), statement.period_end.isoformat()],
                "hours": str(statement.hours),
                "digest": statement.digest,
            }
            for statement in TimeStatement.objects.filter(employee=user).select_related(
                "employer", "beneficiary"
            )
        ],
    }


def forget(user) -> None:
    Visibility.objects.filter(user=user).delete()
    HourlyCost.objects.filter(employee=user).delete()
    TimeStatement.objects.filter(employee=user).update(
        employee=None, employee_name=_("Compte supprimé")
    )
