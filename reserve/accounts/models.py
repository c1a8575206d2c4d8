from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: identified by e-mail, with the minimum we need to know."""

    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    is_reservist = models.BooleanField(
        _("réserviste"),
        default=False,
        help_text=_("La personne a rejoint la réserve de bénévoles."),
    )
    receive_optional_emails = models.BooleanField(
        _("recevoir les e-mails non essentiels"),
        default=True,
        help_text=_(
            "Rappels, nouvelles des défis… Les invitations et les e-mails de sécurité ou de "
            "compte sont toujours envoyés ; les notifications restent visibles sur le site."
        ),
    )
    # Set when the inactive-account reminder is sent; a login clears it (expiry.py).
    inactivity_reminded_at = models.DateTimeField(
        _("relancé pour inactivité le"), null=True, blank=True
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email.split("@")[0]
