from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from stdnum.fr import siret


class Kind(models.TextChoices):
    STATE_SERVICE = "state_service", _("Service de l'État")
    LOCAL_AUTHORITY = "local_authority", _("Collectivité territoriale")
    PUBLIC_BODY = "public_body", _("Établissement public")
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Entreprise")


ADMINISTRATION_KINDS = (Kind.STATE_SERVICE, Kind.LOCAL_AUTHORITY, Kind.PUBLIC_BODY)


class Part(models.TextChoices):
    SPONSOR = "sponsor", _("Porteur de défis")
    FUNDER = "funder", _("Partenaire financeur")
    EMPLOYER = "employer", _("Employeur qui détache des salariés (mécénat de compétences)")
    DISTRIBUTOR = "distributor", _("Partenaire de diffusion")


class Verification(models.TextChoices):
    PENDING = "pending", _("En attente de vérification")
    VERIFIED = "verified", _("Vérifiée")
    REJECTED = "rejected", _("Refusée")


def validate_siret(value: str) -> None:
    if not siret.is_valid(value):
        raise ValidationError(
            _("Ce numéro SIRET n'est pas valide : il compte 14 chiffres et sa clé doit être juste.")
        )


class OrganisationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification=Verification.VERIFIED)

    def pending(self):
        return self.filter(verification=Verification.PENDING)

    def playing(self, part: Part):
        return self.filter(parts__contains=part.value)

    def of_member(self, user):
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    # The parts an organisation plays, as a space-separated list of Part values.
    parts = models.CharField(_("rôles dans le programme"), max_length=100, blank=True)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, facultatif. Il nous aide à vérifier votre organisation."),
    )
    website = models.URLField(_("site web"), blank=True)
    description = models.TextField(_("présentation"), max_length=2000, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    verification = models.CharField(
        _("vérification"),
        max_length=10,
        choices=Verification.choices,
        default=Verification.PENDING,
        db_index=True,
    )
    verification_note = models.TextField(_("motif"), blank=True)
    verified_at = models.DateTimeField(_("vérifiée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.pk])

    @property
    def part_list(self) -> list[Part]:
        return [Part(value) for value in self.parts.split()]

    @property
    def is_verified(self) -> bool:
        return self.verification == Verification.VERIFIED

    @property
    def is_administration(self) -> bool:
        return self.kind in ADMINISTRATION_KINDS


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrateur de l'organisation")
        MEMBER = "member", _("Membre")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        ordering = ["organisation", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_user")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation}"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN
