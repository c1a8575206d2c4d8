import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core import attention, notify
from reserve.core.models import Notification

from . import services
from .forms import DeleteAccountForm, ProfileForm
from .roles import roles_of

NOTIFICATIONS_SHOWN = 50


@login_required
def dashboard(request):
    roles = sorted(roles_of(request.user), key=lambda role: role.label)
    context = {"roles": roles, "needs": attention.items_for(request.user)}
    return render(request, "accounts/dashboard.html", context)


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if form.is_valid():
        services.update_profile(request.user, form)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def notifications(request):
    """The person's notifications, newest first; seeing them marks them read."""
    latest = list(Notification.objects.filter(user=request.user)[:NOTIFICATIONS_SHOWN])
    notify.mark_read(request.user)
    return render(request, "accounts/notifications.html", {"notifications": latest})


@login_required
def export_data(request):
    """GET explains and offers the button; the download itself is a POST (it is audited)."""
    if request.method != "POST":
        return render(request, "accounts/export.html")
    data = services.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"la-reserve-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Votre compte et vos données ont été supprimés. Au revoir !"))
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
