from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import campaigns, services
from .models import Campaign


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["organisation", "title", "night", "cities", "meeting_points", "goal"]
        widgets = {"night": forms.DateInput(attrs={"type": "date"})}
        labels = {"organisation": gettext_lazy("Organisation")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = campaigns.organisations_for(user)


def campaign_list(request):
    return render(request, "lightsoff/campaigns.html", {"campaigns": Campaign.objects.all()[:50]})


@login_required
def campaign_create(request):
    if not campaigns.organisations_for(request.user).exists():
        raise PermissionDenied(
            _("Créer une nuit d'action est réservé aux membres d'une organisation.")
        )
    form = CampaignForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        try:
            campaign = campaigns.create_campaign(request.user, organisation, **data)
        except services.ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La nuit d'action est créée. Partagez cette page !"))
            return redirect("lightsoff:campaign", campaign.pk)
    return render(request, "lightsoff/campaign_form.html", {"form": form})


def campaign_detail(request, pk):
    campaign = get_object_or_404(Campaign.objects.select_related("organisation"), pk=pk)
    joined = (
        request.user.is_authenticated and campaign.participants.filter(pk=request.user.pk).exists()
    )
    context = {"campaign": campaign, "counts": campaigns.live_counts(campaign), "joined": joined}
    return render(request, "lightsoff/campaign.html", context)


@require_POST
@login_required
def campaign_join(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    campaigns.join_campaign(request.user, campaign)
    messages.success(request, _("Vous participez à cette nuit d'action. Merci !"))
    return redirect("lightsoff:campaign", campaign.pk)
