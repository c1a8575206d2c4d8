"""Énergie's records: household files, equipment kits, campaigns, allocation runs and visits.

A household file is sensitive (income, composition, state of the home): it holds the minimum,
records the consent it was created under, and is deleted by the household itself through its
private link or by the purge job once `ENERGIE_PURGE_DAYS` have passed without activity.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.core.files import unguessable_name
from reserve.organisations.models import Organisation
from reserve.reservists.models import DEPARTEMENTS

TOKEN_SALT = "energie.household"


class Dwelling(models.TextChoices):
    FLAT = "flat", _("Appartement")
    HOUSE = "house", _("Maison")


class Energy(models.TextChoices):
    ELECTRICITY = "electricity", _("Électricité")
    GAS = "gas", _("Gaz")
    FUEL_OIL = "fuel_oil", _("Fioul")
    WOOD = "wood", _("Bois, granulés")


class Period(models.TextChoices):
    BEFORE_1948 = "before_1948", _("Avant 1948")
    FROM_1948 = "1948_1974", _("De 1948 à 1974")
    FROM_1975 = "1975_2000", _("De 1975 à 2000")
    FROM_2001 = "after_2000", _("Après 2000")
    UNKNOWN = "unknown", _("Je ne sais pas")


class Region(models.TextChoices):
    IDF = "ile-de-france", _("Île-de-France")
    OTHER = "other", _("Autre région")


class ConsentBy(models.TextChoices):
    SELF = "self", _("Le foyer lui-même, en ligne")
    ORAL = "oral", _("Accord oral recueilli par l'orienteur")
    WRITTEN = "written", _("Accord écrit recueilli par l'orienteur")


class HouseholdStatus(models.TextChoices):
    DRAFT = "draft", _("Diagnostic en cours")
    DIAGNOSED = "diagnosed", _("Diagnostic terminé")
    WAITING = "waiting", _("Demande d'équipement en attente")
    ASSIGNED = "assigned", _("Visite prévue")
    EQUIPPED = "equipped", _("Équipé")
    FOLLOWED = "followed", _("Suivi à trois mois reçu")


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The files this person may open: staff all, an alert giver theirs, a volunteer visited."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        visited = Visit.objects.filter(volunteer=user).exclude(status=VisitStatus.DECLINED)
        return self.filter(
            models.Q(alert_giver=user) | models.Q(pk__in=visited.values("household"))
        )

    def waiting(self):
        return self.filter(status=HouseholdStatus.WAITING)

    def stale(self, before):
        return self.filter(updated_at__lt=before)


class Household(models.Model):
    key = models.CharField(max_length=32, unique=True, editable=False)
    status = models.CharField(
        _("état"), max_length=12, choices=HouseholdStatus.choices, default=HouseholdStatus.DRAFT
    )
    step = models.PositiveSmallIntegerField(_("étape"), default=1)
    # Contact: only what a visit needs, and only if the household gives it.
    name = models.CharField(_("prénom ou nom"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=20, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    departement = models.CharField(
        _("département"), max_length=3, blank=True, choices=sorted(DEPARTEMENTS.items())
    )
    region = models.CharField(
        _("région"), max_length=14, choices=Region.choices, default=Region.OTHER
    )
    # Housing
    dwelling = models.CharField(
        _("logement"), max_length=5, choices=Dwelling.choices, default=Dwelling.FLAT
    )
    tenant = models.BooleanField(_("locataire"), null=True, blank=True)
    surface_m2 = models.PositiveSmallIntegerField(_("surface (m²)"), null=True, blank=True)
    period = models.CharField(
        _("construction"), max_length=12, choices=Period.choices, default=Period.UNKNOWN
    )
    heating_energy = models.CharField(
        _("chauffage"), max_length=12, choices=Energy.choices, default=Energy.ELECTRICITY
    )
    primary_energy_kwh_m2 = models.PositiveSmallIntegerField(
        _("énergie primaire (kWh/m²/an)"), null=True, blank=True
    )
    ghg_kg_m2 = models.PositiveSmallIntegerField(
        _("émissions (kg CO2/m²/an)"), null=True, blank=True
    )
    # Household and income (sensitive)
    household_size = models.PositiveSmallIntegerField(_("personnes au foyer"), default=1)
    children = models.PositiveSmallIntegerField(_("dont enfants"), default=0)
    reference_tax_income = models.PositiveIntegerField(
        _("revenu fiscal de référence (€/an)"), null=True, blank=True
    )
    annual_energy_bill_eur = models.PositiveIntegerField(
        _("factures d'énergie (€/an)"), null=True, blank=True
    )
    # Consent and who flagged the household
    consent_by = models.CharField(_("accord donné"), max_length=8, choices=ConsentBy.choices)
    consent_at = models.DateTimeField(_("accord le"), default=timezone.now)
    alert_giver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("orienteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="energie_flagged",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("structure de l'orienteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="energie_households",
    )
    wants_visit = models.BooleanField(_("souhaite une visite et des équipements"), default=False)
    result = models.JSONField(_("résultat"), null=True, blank=True, editable=False)
    result_date = models.DateField(_("règles du"), null=True, blank=True)
    precarious = models.BooleanField(_("précarité énergétique"), null=True, editable=False)
    aids_eur_year = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("foyer")
        verbose_name_plural = _("foyers")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Foyer n° %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = secrets.token_hex(16)
        super().save(*args, **kwargs)

    @property
    def token(self) -> str:
        """The private link's token: signed, and void once the file is deleted."""
        # A plain signer, not signing.dumps: the link stays the same from one day to the next.
        return signing.Signer(salt=TOKEN_SALT).sign_object(
            {"h": self.pk, "k": self.key}, compress=True
        )

    @classmethod
    def from_token(cls, token: str):
        try:
            payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        return cls.objects.filter(pk=payload.get("h"), key=payload.get("k")).first()

    @property
    def area(self) -> str:
        return self.departement


class KitQuerySet(models.QuerySet):
    def available_on(self, day):
        return self.filter(
            models.Q(available_from__lte=day),
            models.Q(available_until__isnull=True) | models.Q(available_until__gte=day),
            quantity__gt=0,
        )


class Kit(models.Model):
    """A partner's stock of one kind of kit: what is in it, what it costs, how many, where."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="energie_kits",
    )
    name = models.CharField(_("nom du kit"), max_length=120)
    measures = models.JSONField(_("équipements"), default=list)
    contents = models.TextField(_("contenu détaillé"), max_length=1000, blank=True)
    unit_cost_eur = models.DecimalField(_("coût unitaire (€)"), max_digits=8, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantité"))
    departement = models.CharField(
        _("département"),
        max_length=3,
        blank=True,
        choices=sorted(DEPARTEMENTS.items()),
        help_text=_("Vide : partout."),
    )
    available_from = models.DateField(_("disponible du"))
    available_until = models.DateField(_("jusqu'au"), null=True, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = KitQuerySet.as_manager()

    class Meta:
        verbose_name = _("kit")
        verbose_name_plural = _("kits")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    PROPOSED = "proposed", _("Répartition proposée")
    LOCKED = "locked", _("Répartition validée")


class Campaign(models.Model):
    title = models.CharField(_("titre"), max_length=150)
    departements = models.JSONField(_("départements"), default=list)
    budget_eur = models.PositiveIntegerField(_("budget (€)"))
    visits_per_volunteer = models.PositiveSmallIntegerField(
        _("visites par bénévole au plus"), default=5
    )
    max_share_per_area = models.FloatField(
        _("part maximale des kits pour un même département"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.01), MaxValueValidator(1)],
        help_text=_("Entre 0,01 et 1 (par exemple 0,3 : 30 %). Vide : pas de limite."),
    )
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    status = models.CharField(
        _("état"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("campagne de distribution")
        verbose_name_plural = _("campagnes de distribution")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def latest_run(self):
        return self.runs.order_by("-created_at").first()


class AllocationRun(models.Model):
    """One run of the optimiser: the JSON instance it was given (replayable) and its answer."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="runs")
    instance = models.JSONField()
    result = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.campaign} — {self.created_at:%Y-%m-%d %H:%M}"


def visit_photo_path(instance, filename: str) -> str:
    # A photo of someone's home: an unguessable name, served only after a permission check.
    return unguessable_name("energie/visits", filename)


class BillsAnswer(models.TextChoices):
    LOWER = "lower", _("plus basses")
    SAME = "same", _("pareilles")
    HIGHER = "higher", _("plus hautes")


class ComfortAnswer(models.TextChoices):
    BETTER = "better", _("meilleur")
    SAME = "same", _("pareil")
    WORSE = "worse", _("moins bon")


class VisitStatus(models.TextChoices):
    OFFERED = "offered", _("Proposée")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    INSTALLED = "installed", _("Équipement posé")


class Visit(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="visits")
    # Kept without the household once its file is deleted: the impact figures stay true.
    household = models.ForeignKey(
        Household, on_delete=models.SET_NULL, null=True, related_name="visits"
    )
    kit = models.ForeignKey(Kit, on_delete=models.PROTECT, related_name="visits")
    # Kept without the volunteer once their account goes: the fitting still counts.
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="energie_visits",
    )
    status = models.CharField(
        _("état"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.OFFERED
    )
    value_eur = models.PositiveIntegerField(_("économie attendue (€/an)"), default=0)
    explanation = models.JSONField(default=dict)
    scheduled_at = models.DateTimeField(_("rendez-vous"), null=True, blank=True)
    fitted = models.JSONField(_("équipements posés"), default=list)
    notes = models.TextField(_("remarques"), max_length=1000, blank=True)
    photo = models.ImageField(_("photo"), upload_to=visit_photo_path, blank=True)
    installed_at = models.DateTimeField(null=True, blank=True)
    saved_eur_year = models.PositiveIntegerField(default=0)
    saved_kwh_year = models.PositiveIntegerField(default=0)
    precarious = models.BooleanField(null=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    follow_up_bills = models.CharField(
        _("factures depuis"), max_length=8, blank=True, choices=BillsAnswer.choices
    )
    follow_up_comfort = models.CharField(
        _("confort depuis"), max_length=8, blank=True, choices=ComfortAnswer.choices
    )
    follow_up_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("visite")
        verbose_name_plural = _("visites")
        ordering = ["scheduled_at", "created_at"]

    def __str__(self):
        return _("Visite n° %(pk)s") % {"pk": self.pk}


class DpeRecordQuerySet(models.QuerySet):
    def at_address(self, address: str, postcode: str = ""):
        """DPEs whose address holds every word typed (case and accents as stored)."""
        records = self.filter(postcode=postcode) if postcode else self
        for word in address.split()[:8]:
            records = records.filter(address__icontains=word)
        return records.order_by("-established_on")


class DpeRecord(models.Model):
    """One DPE from the ADEME open data (dataset `dpe03existant`), found by its address."""

    number = models.CharField(_("numéro DPE"), max_length=20, unique=True)
    address = models.CharField(_("adresse"), max_length=250)
    postcode = models.CharField(_("code postal"), max_length=5, db_index=True)
    established_on = models.DateField(_("établi le"), null=True, blank=True)
    energy_label = models.CharField(_("étiquette énergie"), max_length=1)
    ghg_label = models.CharField(_("étiquette climat"), max_length=1)
    primary_energy_kwh_m2 = models.PositiveSmallIntegerField(_("énergie primaire (kWh/m²/an)"))
    ghg_kg_m2 = models.PositiveSmallIntegerField(_("émissions (kg CO2/m²/an)"))
    surface_m2 = models.PositiveSmallIntegerField(_("surface (m²)"), null=True, blank=True)
    heating = models.CharField(_("énergie de chauffage"), max_length=60, blank=True)

    objects = DpeRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("DPE (open data)")
        verbose_name_plural = _("DPE (open data)")

    def __str__(self):
        return f"{self.address} — {self.energy_label}/{self.ghg_label}"
