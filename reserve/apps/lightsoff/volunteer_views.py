"""The volunteers' pages: the contact queue, a claimed shop, its letter, going back at night."""

from functools import wraps

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import explain, permissions, scripts, services
from .forms import ContactForm, FollowUpForm
from .models import Shop, TenseDayAlert, Verdicts
from .views import posted, tense_day, thank_for_follow_up


def _volunteer_required(view):
    """Log in first; then a 403 page says why the queue is closed to this person."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        permissions.require_volunteer(request.user)
        return view(request, *args, **kwargs)

    return wrapper


@_volunteer_required
def queue(request):
    now = timezone.now()
    shops = Shop.objects.contactable(now).prioritised()[:50]
    alert = TenseDayAlert.objects.filter(user=request.user).exists()
    context = {
        "shops": shops,
        "now": now,
        "alert": alert,
        "tense_day": tense_day(),
        "claim_minutes": settings.LIGHTSOFF_CLAIM_MINUTES,
    }
    return render(request, "lightsoff/queue.html", context)


@require_POST
@_volunteer_required
def tense_day_alert(request):
    wanted = request.POST.get("wanted") == "1"
    services.set_tense_day_alert(request.user, wanted)
    if wanted:
        messages.success(request, _("Vous serez prévenu(e) des jours EcoWatt orange et rouges."))
    else:
        messages.success(request, _("Vous ne serez plus prévenu(e) des jours tendus."))
    return redirect("lightsoff:queue")


@require_POST
@_volunteer_required
def claim(request, pk):
    if services.claim_shop(request.user, pk):
        return redirect("lightsoff:contact", pk)
    messages.error(
        request, _("Un autre bénévole s'occupe déjà de ce commerce. Choisissez-en un autre.")
    )
    return redirect("lightsoff:queue")


@_volunteer_required
def contact(request, pk):
    shop = get_object_or_404(Shop.objects.public(), pk=pk)
    if not permissions.holds_claim(request.user, shop):
        messages.error(request, _("Prenez d'abord ce commerce dans la file."))
        return redirect("lightsoff:queue")
    form = ContactForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.log_contact(
                request.user, shop, form.cleaned_data["outcome"], form.cleaned_data["notes"]
            )
        except services.ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Merci ! Le contact est enregistré."))
            return redirect("lightsoff:queue")
    report = shop.reports.filter(verdict=Verdicts.VIOLATION).first()
    return render(
        request,
        "lightsoff/contact.html",
        {
            "shop": shop,
            "form": form,
            "report": report,
            "call_script": scripts.call_script(report) if report else "",
            "can_call": shop.phone and not services.is_premium_rate(shop.phone),
        },
    )


@_volunteer_required
def letter(request, pk):
    shop = get_object_or_404(Shop.objects.public(), pk=pk)
    # The letter carries the shopkeeper's link: only the volunteer holding the claim sees it.
    if not permissions.holds_claim(request.user, shop):
        messages.error(request, _("Prenez d'abord ce commerce dans la file."))
        return redirect("lightsoff:queue")
    # A letter asks to switch off: only for a probable violation, with that report's hours.
    report = shop.reports.filter(verdict=Verdicts.VIOLATION).first()
    if report is None:
        raise Http404
    link = settings.SITE_URL + reverse("lightsoff:shopkeeper", args=[shop.token])
    qr = segno.make(link, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    context = {
        "shop": shop,
        "link": link,
        "qr": qr,
        "report": report,
        "verdict": explain.stored(report),
    }
    return render(request, "lightsoff/letter.html", context)


@_volunteer_required
def follow_up(request, pk):
    """A volunteer who contacted the shop goes back at night and says what they saw."""
    shop = get_object_or_404(Shop.objects.public(), pk=pk, contacts__volunteer=request.user)
    form = FollowUpForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            follow_up = services.record_follow_up(
                shop, form.cleaned_data["answer"], volunteer=request.user
            )
        except services.ServiceError as error:
            form.add_error(None, error)
        else:
            thank_for_follow_up(request, follow_up)
            return redirect("lightsoff:shop", shop.pk)
    return render(request, "lightsoff/follow_up.html", {"shop": shop, "form": form})
