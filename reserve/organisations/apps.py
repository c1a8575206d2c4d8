from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "reserve.organisations"
    attention_models = ["organisations.Organisation"]

    def needs_attention(self, user):
        from .attention import needs_attention

        return needs_attention(user)

    verbose_name = _("Organisations")
    # Memberships go with the account (cascade); organisations themselves hold no one's data.
    personal_data_models = ["organisations.Membership"]

    def public_counters(self):
        from reserve.core.stats import Counter

        from .models import ADMINISTRATION_KINDS, Organisation, Part

        verified = Organisation.objects.verified()
        return [
            Counter(
                "organisations",
                _("organisations partenaires"),
                verified.count(),
                _("organisation partenaire"),
            ),
            Counter(
                "administrations",
                _("administrations"),
                verified.filter(kind__in=ADMINISTRATION_KINDS).count(),
            ),
            Counter(
                "employers",
                _("employeurs en mécénat de compétences"),
                verified.playing(Part.EMPLOYER).count(),
            ),
        ]

    def personal_data(self, user) -> dict:
        return {
            "memberships": [
                {
                    "organisation": m.organisation.name,
                    "role": m.role,
                    "since": m.created_at.isoformat(),
                }
                for m in user.memberships.select_related("organisation")
            ]
        }
