import re
import unicodedata
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reserve.organisations.models import Organisation

from . import fulltext
from .departements import DEPARTEMENTS
from .taxonomy import FAMILIES, LANGUAGES, SKILLS, THEMES, Level

SEARCH_CONFIG = "french"
BIO_MAX_LENGTH = 1500
MAX_HOURS_PER_WEEK = 60


_FRENCH_ACCENTS = str.maketrans(
    {
        **dict(zip("àâäáãåçéèêëíìîïñóòôöõúùûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy", strict=True)),
        "œ": "oe",
        "æ": "ae",
    }
)


def normalise(text: str) -> str:
    """Lowercase without accents: what the search column stores and what queries compare to."""
    text = text.lower().translate(_FRENCH_ACCENTS)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("À distance")
    ON_SITE = "on_site", _("Sur place")
    BOTH = "both", _("À distance ou sur place")


class Engagement(models.TextChoices):
    OWN_TIME = "own_time", _("Sur mon temps personnel")
    SECONDED = "seconded", _("Détaché·e par mon employeur (mécénat de compétences)")


class Agreement(models.TextChoices):
    NOT_ASKED = "not_asked", _("Pas encore demandé")
    PENDING = "pending", _("Demandé, en attente")
    SIGNED = "signed", _("Accord signé")
    REFUSED = "refused", _("Refusé")


class Secondment(models.TextChoices):
    """The employer's word on a declared secondment (lifecycle.py): only confirmed ones count."""

    NONE = "none", _("Sans objet")
    PENDING = "pending", _("En attente de la confirmation de l'employeur")
    CONFIRMED = "confirmed", _("Confirmé par l'employeur")
    REFUSED = "refused", _("Refusé par l'employeur")


class Visibility(models.TextChoices):
    POOL = "pool", _("Visible par l'équipe du programme pour me proposer des défis")
    HIDDEN = "hidden", _("En pause : ne pas me proposer de défis")


class ProfileQuerySet(models.QuerySet):
    def in_pool(self):
        """Profiles staff may search: visible, consenting, with a live account."""
        return self.filter(visibility=Visibility.POOL, consent_data_use=True, user__is_active=True)

    # Skills filter through `pk IN (...)` so that the (skill, level, profile) index drives the
    # search instead of a subquery run for every profile.
    def with_skill(self, code: str, min_level: int = Level.DISCOVERING):
        return self.with_any_skill([code], min_level)

    def with_any_skill(self, codes, min_level: int = Level.DISCOVERING):
        having = ProfileSkill.objects.filter(skill__in=list(codes), level__gte=min_level)
        return self.filter(pk__in=having.values("profile_id"))

    def with_all_skills(self, codes, min_level: int = Level.DISCOVERING):
        queryset = self
        for code in codes:
            queryset = queryset.with_skill(code, min_level)
        return queryset

    def available_between(self, start: date, end: date, min_hours: int = 0):
        """Enough hours, not unavailable then, and free then if they listed when they are free.

        Someone who listed no available period is taken as available any time.
        """
        periods = AvailabilityPeriod.objects.filter(
            profile=OuterRef("pk"), start__lte=end, end__gte=start
        )
        any_available = AvailabilityPeriod.objects.filter(
            profile=OuterRef("pk"), kind=AvailabilityPeriod.Kind.AVAILABLE
        )
        return self.filter(
            Q(unavailable_until__isnull=True) | Q(unavailable_until__lt=start),
            ~Exists(periods.filter(kind=AvailabilityPeriod.Kind.UNAVAILABLE)),
            Q(Exists(periods.filter(kind=AvailabilityPeriod.Kind.AVAILABLE)))
            | ~Exists(any_available),
            hours_per_week__gte=max(min_hours, 1),
        )

    def with_theme(self, code: str):
        return self.filter(themes__contains=f" {code} ")

    def speaking(self, code: str):
        return self.filter(languages__contains=f" {code} ")

    def seconded(self):
        """Secondments their employer confirmed: the only ones its list and the figures show."""
        return self.filter(engagement=Engagement.SECONDED, secondment=Secondment.CONFIRMED)

    def seconded_by(self, organisation):
        return self.seconded().filter(employer=organisation)

    def awaiting_confirmation_by(self, organisation):
        return self.filter(
            engagement=Engagement.SECONDED, employer=organisation, secondment=Secondment.PENDING
        )

    def matching_text(self, text: str):
        """Free text over names, bio, skills, themes and places; every word must match.

        PostgreSQL uses its French full-text search (the stored, GIN-indexed `search_vector`)
        and annotates a `relevance`; SQLite its FTS5 index of the same accent-free column, by
        word prefix.
        """
        words = re.findall(r"\w+", normalise(text))
        if not words:
            return self
        if connection.vendor == "postgresql":
            query = SearchQuery(" ".join(words), config=SEARCH_CONFIG)
            return self.filter(search_vector=query).annotate(
                relevance=SearchRank(models.F("search_vector"), query)
            )
        return self.filter(pk__in=RawSQL(fulltext.SUBQUERY, (fulltext.match_expression(words),)))

    def search(
        self,
        *,
        text="",
        skills=(),
        skills_mode="all",
        min_level=Level.DISCOVERING,
        start=None,
        end=None,
        min_hours=None,
        work_mode="",
        departement="",
        engagement="",
        employer=None,
        themes=(),
        languages=(),
        sort="",
    ):
        """The staff pool search: every given criterion narrows the result."""
        queryset = self.matching_text(text) if text else self
        if skills:
            queryset = (
                queryset.with_all_skills(skills, min_level)
                if skills_mode == "all"
                else queryset.with_any_skill(skills, min_level)
            )
        if start and end:
            queryset = queryset.available_between(start, end, min_hours or 0)
        elif min_hours:
            queryset = queryset.filter(hours_per_week__gte=min_hours)
        if work_mode:
            queryset = queryset.filter(work_mode__in=[work_mode, WorkMode.BOTH])
        if departement:
            queryset = queryset.filter(departement=departement)
        if engagement:
            queryset = queryset.filter(engagement=engagement)
        if employer:
            queryset = queryset.filter(employer=employer)
        for theme in themes:
            queryset = queryset.with_theme(theme)
        for language in languages:
            queryset = queryset.speaking(language)
        return queryset.sorted_by(sort, has_relevance=bool(text))

    def sorted_by(self, sort: str, *, has_relevance: bool):
        if sort == "availability":
            return self.order_by("-hours_per_week", "-last_activity", "pk")
        if sort == "relevance" and has_relevance and connection.vendor == "postgresql":
            return self.order_by("-relevance", "-last_activity", "pk")
        return self.order_by("-last_activity", "pk")

    def for_listing(self):
        return self.select_related("user", "employer").prefetch_related("skills")


class Profile(models.Model):
    """A reservist's profile: what they can do, when, where and how they are engaged."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reservist_profile"
    )
    bio = models.TextField(_("présentation"), max_length=BIO_MAX_LENGTH, blank=True)
    links = models.TextField(_("liens"), blank=True, help_text=_("Une adresse par ligne."))
    # Space-delimited codes (" energy water "), so that one code matches with `contains`.
    themes = models.CharField(_("thèmes"), max_length=300, blank=True)
    languages = models.CharField(_("langues"), max_length=100, blank=True)

    hours_per_week = models.PositiveSmallIntegerField(_("heures par semaine"), default=0)
    work_mode = models.CharField(
        _("mode"), max_length=10, choices=WorkMode.choices, default=WorkMode.BOTH
    )
    departement = models.CharField(
        _("département"), max_length=3, blank=True, choices=sorted(DEPARTEMENTS.items())
    )
    city = models.CharField(_("ville"), max_length=100, blank=True)
    unavailable_until = models.DateField(_("indisponible jusqu'au"), null=True, blank=True)

    engagement = models.CharField(
        _("engagement"), max_length=10, choices=Engagement.choices, default=Engagement.OWN_TIME
    )
    employer = models.ForeignKey(
        Organisation,
        verbose_name=_("employeur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seconded_reservists",
    )
    employer_proposed_name = models.CharField(_("employeur proposé"), max_length=200, blank=True)
    hours_per_month_granted = models.PositiveSmallIntegerField(
        _("heures accordées par mois"), default=0
    )
    agreement = models.CharField(
        _("accord de l'employeur"),
        max_length=10,
        choices=Agreement.choices,
        default=Agreement.NOT_ASKED,
    )
    secondment = models.CharField(
        _("détachement"),
        max_length=10,
        choices=Secondment.choices,
        default=Secondment.NONE,
        editable=False,
    )
    secondment_decided_at = models.DateTimeField(
        _("décision de l'employeur le"), null=True, blank=True, editable=False
    )

    consent_data_use = models.BooleanField(_("accord pour l'usage des données"), default=False)
    consent_contact_email = models.BooleanField(_("contact par e-mail"), default=False)
    consent_contact_phone = models.BooleanField(_("contact par téléphone"), default=False)
    consent_employer_sees_skills = models.BooleanField(
        _("employeur voit mes compétences"), default=False
    )
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.POOL
    )

    search_text = models.TextField(editable=False, blank=True)
    # PostgreSQL only: filled from search_text by a trigger (migration 0002); NULL elsewhere.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now, db_index=True)
    last_activity = models.DateTimeField(_("dernière activité"), default=timezone.now)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil de réserviste")
        verbose_name_plural = _("profils de réservistes")
        ordering = ["-last_activity"]
        indexes = [
            models.Index(fields=["departement", "hours_per_week"]),
            models.Index(fields=["-last_activity"]),
            models.Index(fields=["-hours_per_week"]),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def theme_codes(self) -> list[str]:
        return self.themes.split()

    @property
    def language_codes(self) -> list[str]:
        return self.languages.split()

    @property
    def theme_labels(self) -> list[str]:
        return [str(THEMES[c]) for c in self.theme_codes if c in THEMES]

    @property
    def language_labels(self) -> list[str]:
        return [str(LANGUAGES[c]) for c in self.language_codes if c in LANGUAGES]

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def departement_name(self) -> str:
        return DEPARTEMENTS.get(self.departement, "")

    @property
    def employer_name(self) -> str:
        return self.employer.name if self.employer_id else self.employer_proposed_name

    @property
    def planned_hours_per_month(self) -> int:
        """What the reservist plans to give a month: their weekly hours, within the grant."""
        planned = round(self.hours_per_week * 52 / 12)
        if self.engagement == Engagement.SECONDED and self.hours_per_month_granted:
            return min(planned, self.hours_per_month_granted)
        return planned

    def is_unavailable_on(self, day: date) -> bool:
        return bool(self.unavailable_until and self.unavailable_until >= day)

    def missing(self) -> list[str]:
        """What a complete profile still needs, in words (uses prefetched skills and periods)."""
        # What matching needs (teams/build.py); themes and a presentation are welcome, not due.
        checks = [
            (self.skills.all(), _("au moins une compétence")),
            (self.hours_per_week, _("vos heures disponibles par semaine")),
            (self.departement, _("votre département")),
            (self.consent_data_use, _("votre accord pour l'usage de vos données")),
        ]
        if self.engagement == Engagement.SECONDED:
            checks.append((self.employer_name, _("le nom de votre employeur")))
        return [str(label) for present, label in checks if not present]

    def completeness(self) -> int:
        total = 5 if self.engagement == Engagement.SECONDED else 4
        return round(100 * (total - len(self.missing())) / total)

    def build_search_text(self, skills=None) -> str:
        skills = self.skills.all() if skills is None else skills
        parts = [
            self.user.first_name,
            self.user.last_name,
            self.bio,
            self.city,
            self.departement_name,
            self.employer_name,
            *(str(SKILLS[s.skill].label) for s in skills if s.skill in SKILLS),
            *self.theme_labels,
        ]
        return normalise(" ".join(p for p in parts if p))


class ProfileSkill(models.Model):
    SKILL_CHOICES = [
        (str(family.label), [(s.code, s.label) for s in family.skills]) for family in FAMILIES
    ]

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skills")
    skill = models.CharField(_("compétence"), max_length=40, choices=SKILL_CHOICES)
    level = models.PositiveSmallIntegerField(_("niveau"), choices=Level.choices)

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["-level", "skill"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="one_level_per_skill")
        ]
        indexes = [models.Index(fields=["skill", "level", "profile"])]

    def __str__(self):
        # Straight from the taxonomy: get_FOO_display() hashes all 33 lazy labels on every call.
        skill = SKILLS.get(self.skill)
        return f"{skill.label if skill else self.skill} ({Level(self.level).label})"

    @property
    def family(self) -> str:
        return self.skill.split(".", 1)[0]


class AvailabilityPeriod(models.Model):
    class Kind(models.TextChoices):
        AVAILABLE = "available", _("Disponible")
        UNAVAILABLE = "unavailable", _("Indisponible")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    start = models.DateField(_("du"))
    end = models.DateField(_("au"))

    class Meta:
        verbose_name = _("période")
        verbose_name_plural = _("périodes")
        ordering = ["start"]
        indexes = [models.Index(fields=["profile", "kind", "start", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_in_order")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.start:%d/%m/%Y} → {self.end:%d/%m/%Y}"


class SavedSearch(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_pool_searches"
    )
    name = models.CharField(_("nom"), max_length=100)
    query = models.TextField(_("critères"), blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("recherche enregistrée")
        verbose_name_plural = _("recherches enregistrées")
        ordering = ["name"]

    def __str__(self):
        return self.name
