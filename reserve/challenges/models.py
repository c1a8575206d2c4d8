from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    ApplicationStatus,
    Decision,
    Level,
    Location,
    Scale,
    Status,
    TerritoryLevel,
    Theme,
)
from .grid import CRITERIA, SCORES
from .skills import skill_label

SPRINT_DAYS = 30  # the programme's one-month sprint


def default_auto_replace() -> bool:
    return settings.TEAM_AUTO_REPLACE


def default_overbooking() -> int:
    return settings.TEAM_OVERBOOKING


CARD_FIELDS = [
    "title", "slug", "organisation", "status", "status_changed_at", "summary", "themes",
    "territory_level", "territory_name", "declined_is_public", "submitted_at", "created_at",
]  # fmt: skip


class ChallengeQuerySet(models.QuerySet):
    def public(self):
        return self.filter(
            models.Q(status__in=Status.public())
            | models.Q(status=Status.DECLINED, declined_is_public=True)
        )

    def catalogue(self):
        """Public challenges, latest news first, with what a card shows (no long texts)."""
        return (
            self.public()
            .select_related("organisation")
            .only(*CARD_FIELDS, "organisation__name")
            .order_by("-status_changed_at", "-pk")
        )

    def involving(self, user):
        """Challenges the user sponsors (through an organisation), created, helps qualify, or
        works on as a member of the team."""
        return self.filter(
            models.Q(organisation__memberships__user=user)
            | models.Q(created_by=user)
            | models.Q(referents__user=user)
            | models.Q(slots__applications__in=Application.objects.accepted().filter(user=user))
        ).distinct()

    def overdue(self, now=None):
        now = now or timezone.now()
        return self.filter(status__in=Status.awaiting_decision(), qualification_due__lt=now)

    def search(self, text: str):
        words = text.split()[:8]
        query = models.Q()
        for word in words:
            query &= (
                models.Q(title__icontains=word)
                | models.Q(summary__icontains=word)
                | models.Q(problem__icontains=word)
            )
        return self.filter(query)

    def filtered(self, q="", theme="", status="", skill="", territory=""):
        """The catalogue's filters; empty values do not filter."""
        queryset = self.search(q) if q else self
        if theme:
            queryset = queryset.filter(themes__contains=theme)
        if status:
            queryset = queryset.filter(status=status)
        if skill:
            queryset = queryset.filter(
                pk__in=RoleSlot.objects.filter(skill=skill).values("challenge")
            )
        if territory:
            queryset = queryset.filter(territory_name__icontains=territory)
        return queryset


class Challenge(models.Model):
    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("adresse"), max_length=180, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("organisation porteuse"),
        help_text=_("Vide : défi ouvert à l'initiative du programme."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_challenges",
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    status_changed_at = models.DateTimeField(_("statut depuis le"), default=timezone.now)

    summary = models.CharField(
        _("résumé en une phrase"),
        max_length=300,
        help_text=_("Ce que verra le public dans le catalogue."),
    )
    problem = models.TextField(
        _("le problème et qui en souffre"),
        max_length=10_000,
        help_text=_("Markdown accepté. Décrivez la situation concrète."),
    )
    affected_people = models.PositiveIntegerField(
        _("nombre de personnes concernées (estimation)"), null=True, blank=True
    )
    severity = models.CharField(
        _("gravité"), max_length=10, choices=Scale.choices, default=Scale.MEDIUM
    )
    evidence = models.TextField(
        _("preuves"),
        max_length=5_000,
        blank=True,
        help_text=_("Chiffres, études, témoignages : d'où savez-vous que le besoin est réel ?"),
    )
    tried = models.TextField(_("ce qui a déjà été essayé"), max_length=5_000, blank=True)
    blind_spot = models.TextField(
        _("l'angle mort de l'action publique"),
        max_length=5_000,
        help_text=_("Pourquoi personne ne s'en occupe aujourd'hui."),
    )
    urgency = models.CharField(
        _("urgence"), max_length=10, choices=Scale.choices, default=Scale.MEDIUM
    )
    hard_deadline = models.DateField(_("échéance impérative"), null=True, blank=True)
    data_personal = models.BooleanField(_("des données personnelles sont en jeu"), default=False)
    data_sensitive = models.BooleanField(
        _("des données sensibles sont en jeu (santé, opinions…)"), default=False
    )
    data_holder = models.CharField(_("qui détient les données"), max_length=200, blank=True)
    deliverable = models.TextField(_("le livrable attendu"), max_length=5_000)
    success_criterion = models.TextField(
        _("le critère de succès un mois après la livraison"), max_length=2_000
    )
    themes = models.CharField(_("thèmes"), max_length=200, blank=True)
    territory_level = models.CharField(
        _("échelle du territoire"),
        max_length=12,
        choices=TerritoryLevel.choices,
        default=TerritoryLevel.NATIONAL,
    )
    territory_name = models.CharField(
        _("territoire"),
        max_length=120,
        blank=True,
        help_text=_("Nom de la région, du département ou de la commune."),
    )

    submitted_at = models.DateTimeField(_("soumis le"), null=True, blank=True)
    qualification_due = models.DateTimeField(_("qualification attendue le"), null=True, blank=True)
    decision = models.CharField(_("décision"), max_length=20, choices=Decision.choices, blank=True)
    decision_rationale = models.TextField(_("motif de la décision"), max_length=5_000, blank=True)
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    declined_is_public = models.BooleanField(_("rendre public malgré le refus"), default=False)
    impact_assessment_needed = models.BooleanField(
        _("analyse d'impact (AIPD) nécessaire"), default=False
    )
    sprint_start = models.DateField(_("début du sprint"), null=True, blank=True)
    sprint_end = models.DateField(_("fin du sprint"), null=True, blank=True)
    team_formed_at = models.DateTimeField(_("équipe formée le"), null=True, blank=True)
    auto_replace = models.BooleanField(
        _("inviter automatiquement le candidat suivant"),
        default=default_auto_replace,
        help_text=_(
            "Quand une personne décline ou ne répond pas à temps, la plateforme invite d'elle-même "
            "le candidat suivant du classement."
        ),
    )
    delivered_at = models.DateTimeField(_("livré le"), null=True, blank=True)
    progress = models.TextField(
        _("avancement public"), max_length=10_000, blank=True, help_text=_("Markdown accepté.")
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("défi")
        verbose_name_plural = _("défis")
        ordering = ["-status_changed_at"]
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            models.Index(fields=["-status_changed_at", "-id"], name="challenge_latest_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("challenges:detail", args=[self.slug])

    def get_workspace_url(self):
        return reverse("challenges:workspace", args=[self.pk])

    @property
    def theme_list(self) -> list[Theme]:
        return [Theme(value) for value in self.themes.split() if value in Theme.values]

    @property
    def is_public(self) -> bool:
        return self.status in Status.public() or (
            self.status == Status.DECLINED and self.declined_is_public
        )

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in Status.awaiting_decision()
            and self.qualification_due is not None
            and self.qualification_due < timezone.now()
        )

    @property
    def days_in_status(self) -> int:
        return (timezone.now() - self.status_changed_at).days

    def default_sprint_end(self):
        if self.sprint_start is None:
            return None
        return self.sprint_start + timedelta(days=SPRINT_DAYS - 1)


class Referent(models.Model):
    """A civil servant concerned by the challenge, invited by e-mail to help qualify it."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="referents")
    name = models.CharField(_("nom"), max_length=150)
    service = models.CharField(_("service"), max_length=200)
    role = models.CharField(_("fonction"), max_length=150, blank=True)
    email = models.EmailField(_("adresse e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referent_roles",
    )
    invited_at = models.DateTimeField(_("invité le"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("a rejoint le"), null=True, blank=True)

    class Meta:
        verbose_name = _("agent référent")
        verbose_name_plural = _("agents référents")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.service})"


class TimelineEvent(models.Model):
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    text = models.CharField(_("événement"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("événement du défi")
        verbose_name_plural = _("événements des défis")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text


class QualificationScore(models.Model):
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="scores")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    criterion = models.CharField(_("critère"), max_length=30, choices=CRITERIA)
    score = models.PositiveSmallIntegerField(_("note"), choices=SCORES)
    comment = models.TextField(_("commentaire"), max_length=2_000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("note de qualification")
        verbose_name_plural = _("notes de qualification")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "author", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.challenge} — {self.get_criterion_display()} : {self.score}"


class Message(models.Model):
    """The private discussion thread of a challenge (staff, referents, sponsor, later the team)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=10_000, help_text=_("Markdown accepté."))
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fichier"), upload_to="challenges/%Y/%m/")
    name = models.CharField(_("nom"), max_length=200)
    size = models.PositiveIntegerField(_("taille (octets)"))

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.name


class RoleSlotQuerySet(models.QuerySet):
    def with_taken(self):
        """Each slot with `taken`, its accepted applications, so `seats_left` costs no query."""
        return self.annotate(
            taken=models.Count(
                "applications", filter=models.Q(applications__status=ApplicationStatus.ACCEPTED)
            )
        )


class RoleSlot(models.Model):
    """A seat in the team a challenge needs (the teams app fills it)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="slots")
    skill = models.CharField(_("compétence (code)"), max_length=50, db_index=True)
    level = models.CharField(
        _("niveau minimum"), max_length=12, choices=Level.choices, default=Level.CONFIDENT
    )
    count = models.PositiveSmallIntegerField(_("combien de personnes"), default=1)
    hours_per_week = models.PositiveSmallIntegerField(_("heures par semaine"), default=6)
    location = models.CharField(
        _("à distance ou sur place"),
        max_length=10,
        choices=Location.choices,
        default=Location.REMOTE,
    )
    departement = models.CharField(
        _("département (si sur place)"), max_length=3, blank=True, help_text=_("Ex. : 33, 2A.")
    )
    description = models.CharField(_("ce que fera la personne"), max_length=300, blank=True)
    overbooking = models.PositiveSmallIntegerField(
        _("invitations en surnombre"),
        default=default_overbooking,
        help_text=_(
            "Invitations envoyées en plus des places restantes, pour compenser les refus ; "
            "les invitations en trop sont closes dès que le rôle est pourvu."
        ),
    )

    objects = RoleSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("rôle recherché")
        verbose_name_plural = _("rôles recherchés")
        ordering = ["challenge", "pk"]

    def __str__(self):
        return f"{self.skill_label} × {self.count} — {self.challenge}"

    @property
    def skill_label(self) -> str:
        return skill_label(self.skill)

    @property
    def seats_left(self) -> int:
        """The one definition of the seats still open: people wanted minus accepted members.

        Read from `with_taken()` when annotated; otherwise counted now (callers that decide on
        it lock the slot first, see teams/applications.py)."""
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.applications.accepted().count()
        return self.count - taken


class ApplicationQuerySet(models.QuerySet):
    """Who is on a team, and who is waiting: the one place these are written."""

    def accepted(self):
        return self.filter(status=ApplicationStatus.ACCEPTED)

    def pending(self):
        return self.filter(status=ApplicationStatus.PENDING)

    def of_challenge(self, challenge):
        return self.filter(slot__challenge=challenge)

    def of_user(self, user):
        return self.filter(user=user)

    def members(self, challenge):
        """The team of a challenge: its accepted applications, role by role."""
        return (
            self.accepted()
            .of_challenge(challenge)
            .select_related("user", "slot")
            .order_by("slot_id", "user__last_name")
        )

    def to_decide(self):
        """Pending applications to challenges that still recruit, for the people who decide."""
        return (
            self.pending()
            .filter(slot__challenge__status__in=Status.recruiting())
            .select_related("user", "slot__challenge")
            .order_by("slot__challenge__title", "created_at")
        )

    def stale(self):
        """Pending applications that can no longer succeed: the challenge stopped recruiting."""
        return self.pending().exclude(slot__challenge__status__in=Status.recruiting())


class Application(models.Model):
    """ "Je me porte volontaire": a reservist applies to a role; the teams app processes it."""

    slot = models.ForeignKey(RoleSlot, on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="challenge_applications"
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    message = models.TextField(_("message"), max_length=2_000, blank=True)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "user"], name="one_application_per_slot")
        ]

    def __str__(self):
        return f"{self.user} → {self.slot}"
