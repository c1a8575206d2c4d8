"""LightsOff state: shops, reports, contacts, shopkeeper answers, and the rule data staff enter."""

import secrets
import uuid
from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.core.files import unguessable_name

from . import rules_data
from .queries import WORD_MAX, ShopQuerySet, search_words


def new_token() -> str:
    return secrets.token_urlsafe(24)


def photo_path(report, filename: str) -> str:
    return unguessable_name("lightsoff/photos", filename)


class Element(models.TextChoices):
    VITRINE = "vitrine", _("Vitrine")
    INTERIEUR = "interieur", _("Éclairage intérieur")
    ENSEIGNE = "enseigne", _("Enseigne lumineuse")
    PUBLICITE = "publicite", _("Écran ou publicité lumineuse")


assert tuple(Element.values) == rules_data.ELEMENTS


class Category(models.TextChoices):
    CLOTHES = "clothes", _("Vêtements")
    SUPERMARKET = "supermarket", _("Supermarché")
    BAKERY = "bakery", _("Boulangerie")
    PHARMACY = "pharmacy", _("Pharmacie")
    BANK = "bank", _("Banque")
    RESTAURANT = "restaurant", _("Restaurant, café")
    HAIRDRESSER = "hairdresser", _("Coiffure, beauté")
    ESTATE_AGENT = "estate_agent", _("Agence immobilière")
    OPTICIAN = "optician", _("Opticien")
    PHONE = "mobile_phone", _("Téléphonie, électronique")
    SHOES = "shoes", _("Chaussures")
    CAR = "car", _("Automobile")
    OTHER = "other", _("Autre commerce")


class Verdicts(models.TextChoices):
    VIOLATION = "violation", _("Infraction probable")
    ALLOWED = "allowed", _("Autorisé")
    UNCERTAIN = "uncertain", _("Incertain")


class ShopStatus(models.TextChoices):
    LISTED = "listed", _("Jamais signalé")
    REPORTED = "reported", _("Signalé")
    CONTACTED = "contacted", _("Contacté")
    ANSWERED = "answered", _("A répondu")
    CONFIRMED_OFF = "confirmed_off", _("Éteint (confirmé)")
    STILL_LIT = "still_lit", _("Toujours allumé")
    NOT_APPLICABLE = "not_applicable", _("Non concerné")


class Shop(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    category = models.CharField(
        _("catégorie"), max_length=30, choices=Category.choices, default=Category.OTHER
    )
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    commune = models.CharField(_("commune (code INSEE)"), max_length=5, blank=True)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    website = models.URLField(_("site web"), max_length=300, blank=True)
    # NULL for shops citizens add: unique must allow many of them, which "" would not.
    osm_id = models.CharField(  # noqa: DJ001
        _("identifiant OpenStreetMap"), max_length=40, unique=True, null=True, blank=True
    )
    opening_hours = models.CharField(_("horaires (syntaxe OSM)"), max_length=255, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=ShopStatus.choices, default=ShopStatus.LISTED
    )
    # The shopkeeper page is reached by this token only (QR code on the letter, link in messages).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    report_count = models.PositiveIntegerField(default=0)
    last_verdict = models.CharField(max_length=12, choices=Verdicts.choices, blank=True)
    last_reported_at = models.DateTimeField(null=True, blank=True)
    kwh_per_year = models.FloatField(default=0)
    eur_per_year = models.FloatField(default=0)
    kg_co2_per_year = models.FloatField(default=0)
    # Volunteers' queue.
    in_queue = models.BooleanField(_("dans la file des bénévoles"), default=False)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claim_expires_at = models.DateTimeField(null=True, blank=True)
    last_contacted_at = models.DateTimeField(null=True, blank=True)
    do_not_contact = models.BooleanField(_("ne plus contacter"), default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(_("masqué (modération)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShopQuerySet.as_manager()

    class Meta:
        verbose_name = _("commerce")
        verbose_name_plural = _("commerces")
        indexes = [
            models.Index(fields=["lat", "lon"], name="lightsoff_shop_latlon"),
            models.Index(fields=["status"], name="lightsoff_shop_status"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        index_words([self])

    @property
    def was_reported(self) -> bool:
        return self.status != ShopStatus.LISTED


class ShopWord(models.Model):
    """One word of a shop's name or address: search by prefix uses the index, never a scan."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=WORD_MAX, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shop", "word"], name="lightsoff_shopword_unique")
        ]

    def __str__(self):
        return self.word


def index_words(shops) -> None:
    """(Re)build the search words of `shops` (after save, bulk_create or bulk_update)."""
    shops = [shop for shop in shops if shop.pk]
    ShopWord.objects.filter(shop__in=shops).delete()
    ShopWord.objects.bulk_create(
        ShopWord(shop=shop, word=word)
        for shop in shops
        for word in search_words(f"{shop.name} {shop.address} {shop.city}")
    )


class Action(models.TextChoices):
    CALL = "call", _("J'ai appelé")
    WRITE = "write", _("J'ai écrit un message")
    VOLUNTEERS = "volunteers", _("Les bénévoles s'en chargent")


class Moderation(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    PENDING = "pending", _("À modérer")
    HIDDEN = "hidden", _("Masqué")


class Report(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="reports")
    # The token is the reporter's secret (result page, follow-up); public pages use public_id.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    element = models.CharField(_("ce qui est allumé"), max_length=12, choices=Element.choices)
    seen_at = models.DateTimeField(_("vu allumé le"))
    # The verdict as decided when the report was made, worded again in each reader's language
    # (explain.stored): message keys and parameters, never a finished sentence.
    verdict = models.CharField(max_length=12, choices=Verdicts.choices)
    rule_reference = models.CharField(max_length=300, blank=True)
    rule_summary = models.JSONField(default=list, blank=True)
    explanation_lines = models.JSONField(default=list, blank=True)
    night_of = models.DateField(null=True, blank=True)
    forbidden_from = models.TimeField(null=True, blank=True)
    forbidden_until = models.TimeField(null=True, blank=True)
    forbidden_hours = models.FloatField(default=0)
    opening_hours_used = models.CharField(max_length=255, blank=True)
    kwh_per_night = models.FloatField(default=0)
    kwh_per_year = models.FloatField(default=0)
    eur_per_year = models.FloatField(default=0)
    kg_co2_per_year = models.FloatField(default=0)
    comment = models.CharField(_("commentaire"), max_length=500, blank=True)
    # Private until moderated: served by the `photo` view, never from a public address.
    photo = models.ImageField(upload_to=photo_path, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    email_consent = models.BooleanField(default=False)
    action = models.CharField(max_length=12, choices=Action.choices, blank=True)
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.VISIBLE
    )
    moderation_reason = models.CharField(max_length=300, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.shop} — {self.get_element_display()}"


class Outcome(models.TextChoices):
    NO_ANSWER = "no_answer", _("Pas de réponse")
    MESSAGE_LEFT = "message_left", _("Message laissé")
    POSITIVE = "positive", _("Échange positif")
    WILL_FIX = "will_fix", _("Va corriger")
    REFUSED = "refused", _("Refus")
    WRONG_NUMBER = "wrong_number", _("Mauvais numéro")


class ContactAttempt(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="contacts")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("résultat"), max_length=20, choices=Outcome.choices)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("prise de contact")
        verbose_name_plural = _("prises de contact")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.shop} — {self.get_outcome_display()}"


class Answer(models.TextChoices):
    SWITCHED_OFF = "switched_off", _("Nous avons éteint")
    REASON = "reason", _("Nous avons une raison")
    DO_NOT_CONTACT = "do_not_contact", _("Ne plus nous contacter")


class Reason(models.TextChoices):
    OPEN_AT_NIGHT = "open_at_night", _("Nous sommes ouverts la nuit")
    SECURITY = "security", _("Sécurité")
    MALFUNCTION = "malfunction", _("Une panne de minuterie")
    OTHER = "other", _("Autre raison")


class ShopkeeperAnswer(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="answers")
    answer = models.CharField(max_length=20, choices=Answer.choices)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("réponse d'un commerçant")
        verbose_name_plural = _("réponses des commerçants")

    def __str__(self):
        return f"{self.shop} — {self.get_answer_display()}"


class FollowUpAnswer(models.TextChoices):
    STILL_LIT = "still_lit", _("Toujours allumé")
    NOW_OFF = "now_off", _("Maintenant éteint")
    CLOSED = "closed", _("Le commerce a fermé")


class FollowUp(models.Model):
    """What someone saw when going back at night: from a report's link or a volunteer's page."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="follow_ups")
    answer = models.CharField(max_length=12, choices=FollowUpAnswer.choices)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE)
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    night = models.DateField(null=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "night"],
                condition=models.Q(report__isnull=False),
                name="lightsoff_follow_up_once_a_night_per_report",
            ),
            models.UniqueConstraint(
                fields=["volunteer", "shop", "night"],
                condition=models.Q(volunteer__isnull=False),
                name="lightsoff_follow_up_once_a_night_per_volunteer",
            ),
        ]

    def __str__(self):
        return f"{self.shop} — {self.get_answer_display()}"


class AbuseReason(models.TextChoices):
    NOT_A_SHOP = "not_a_shop", _("Ce n'est pas un commerce")
    PERSONAL_DATA = "personal_data", _("Données personnelles (visage, plaque…)")
    OFFENSIVE = "offensive", _("Contenu offensant")
    WRONG = "wrong", _("Information fausse")
    OTHER = "other", _("Autre")


class AbuseReport(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="abuse_reports")
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE)
    reason = models.CharField(_("motif"), max_length=20, choices=AbuseReason.choices)
    # A keyed hash of the flagger's address: tells independent flags apart, keeps no address.
    flagger = models.CharField(max_length=64, blank=True, editable=False)
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signalement d'abus")
        verbose_name_plural = _("signalements d'abus")

    def __str__(self):
        return f"{self.shop} — {self.get_reason_display()}"


class LocalRule(models.Model):
    """A commune's stricter hours, fed to the pure rules module as `rules_data.LocalRule`."""

    commune = models.CharField(_("commune (code INSEE)"), max_length=5)
    element = models.CharField(max_length=12, choices=Element.choices)
    off_from = models.TimeField(_("éteint à partir de"))
    on_until = models.TimeField(_("jusqu'à"), default=time(7))
    source = models.CharField(_("source"), max_length=300)
    valid_from = models.DateField(_("en vigueur du"))
    valid_until = models.DateField(_("jusqu'au"), null=True, blank=True)

    class Meta:
        verbose_name = _("règle locale")
        verbose_name_plural = _("règles locales")

    def __str__(self):
        return f"{self.commune} {self.element} {self.off_from}–{self.on_until}"

    def as_rule(self) -> rules_data.LocalRule:
        return rules_data.LocalRule(
            insee=self.commune,
            element=self.element,
            off_from=self.off_from,
            on_until=self.on_until,
            source=self.source,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
        )


class Derogation(models.Model):
    commune = models.CharField(_("commune (code INSEE)"), max_length=5)
    elements = models.JSONField(_("éléments"), default=list)
    reference = models.CharField(_("arrêté"), max_length=300)
    reason = models.CharField(_("motif"), max_length=300)
    valid_from = models.DateField(_("du soir du"))
    valid_until = models.DateField(_("au soir du"), null=True, blank=True)

    class Meta:
        verbose_name = _("dérogation")
        verbose_name_plural = _("dérogations")

    def __str__(self):
        return f"{self.commune} — {self.reason}"

    def as_rule(self) -> rules_data.Derogation:
        return rules_data.Derogation(
            insee=self.commune,
            elements=self.elements,
            reference=self.reference,
            reason=self.reason,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
        )


class VolunteerRevocation(models.Model):
    """The programme withdrew a person's access to the volunteers' contact queue."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lightsoff_revocation"
    )
    reason = models.CharField(_("motif"), max_length=300)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("accès retiré à la file des bénévoles")
        verbose_name_plural = _("accès retirés à la file des bénévoles")

    def __str__(self):
        return str(self.user)


class TenseDayAlert(models.Model):
    """A volunteer who wants an e-mail when an orange or red EcoWatt day is announced."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lightsoff_alert"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alerte jour tendu")
        verbose_name_plural = _("alertes jours tendus")

    def __str__(self):
        return str(self.user)


class EcoWattDay(models.Model):
    class Signal(models.IntegerChoices):
        GREEN = 1, _("Vert")
        ORANGE = 2, _("Orange")
        RED = 3, _("Rouge")

    day = models.DateField(_("jour"), unique=True)
    value = models.PositiveSmallIntegerField(_("signal"), choices=Signal.choices)
    message = models.CharField(_("message"), max_length=300, blank=True)
    source = models.CharField(max_length=20, default="manual")

    class Meta:
        verbose_name = _("signal EcoWatt")
        verbose_name_plural = _("signaux EcoWatt")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day} {self.get_value_display()}"

    @property
    def is_tense(self) -> bool:
        return self.value >= self.Signal.ORANGE


class Campaign(models.Model):
    """A night of action: an association gathers people to report and contact shops."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="lightsoff_campaigns"
    )
    title = models.CharField(_("titre"), max_length=200)
    night = models.DateField(_("soirée du"))
    cities = models.CharField(
        _("villes"), max_length=500, help_text=_("Séparées par des virgules.")
    )
    meeting_points = models.TextField(_("points de rendez-vous"), blank=True, max_length=3000)
    goal = models.PositiveIntegerField(_("objectif (commerces signalés)"), default=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="lightsoff_campaigns"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nuit d'action")
        verbose_name_plural = _("nuits d'action")
        ordering = ["-night"]

    def __str__(self):
        return self.title

    @property
    def city_list(self) -> list[str]:
        return [c.strip() for c in self.cities.split(",") if c.strip()]
