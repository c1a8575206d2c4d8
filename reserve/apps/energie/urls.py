from django.urls import path

from . import distribution_views, views

app_name = "energie"

urlpatterns = [
    path("", views.index, name="index"),
    path("diagnostic/", views.start, name="start"),
    path("chiffres/", views.figures, name="figures"),
    path("chiffres/poses.csv", views.open_data_csv, name="open_data_csv"),
    path("chiffres/poses.json", views.open_data_json, name="open_data_json"),
    # The household, through its private link
    path("dossier/<str:token>/", views.file, name="file"),
    path("dossier/<str:token>/etape/<int:step>/", views.step, name="step"),
    path("dossier/<str:token>/visite/", views.request_visit, name="request"),
    path("dossier/<str:token>/supprimer/", views.delete, name="delete"),
    path("dossier/<str:token>/suivi/", views.follow_up, name="follow_up"),
    # Alert givers, volunteers and staff, with an account
    path("orienter/", views.flag, name="flag"),
    path("foyers/", views.households, name="households"),
    path("foyers/<int:pk>/", views.file, name="household"),
    path("foyers/<int:pk>/etape/<int:step>/", views.step, name="household_step"),
    path("foyers/<int:pk>/visite/", views.request_visit, name="household_request"),
    path("foyers/<int:pk>/supprimer/", views.delete, name="household_delete"),
    path("kits/", distribution_views.kits, name="kits"),
    path("campagnes/", distribution_views.campaigns, name="campaigns"),
    path("campagnes/<int:pk>/", distribution_views.campaign, name="campaign"),
    path(
        "campagnes/<int:pk>/<str:action>/",
        distribution_views.campaign_action,
        name="campaign_action",
    ),
    path("visites/", distribution_views.visits, name="visits"),
    path("visites/<int:pk>/", distribution_views.visit, name="visit"),
    path("visites/<int:pk>/agenda.ics", distribution_views.visit_ics, name="visit_ics"),
    path("visites/<int:pk>/photo/", distribution_views.visit_photo, name="visit_photo"),
]
