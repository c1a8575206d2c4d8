from django.urls import path

from . import campaign_views, views, volunteer_views

app_name = "lightsoff"

urlpatterns = [
    path("", views.index, name="index"),
    path("theme/", views.theme_switch, name="theme"),
    path("commerces/ajouter/", views.shop_add, name="shop_add"),
    path("commerces/<int:pk>/", views.shop_detail, name="shop"),
    path("commerces/<int:pk>/signaler/", views.report_create, name="report"),
    path("commerces/<int:pk>/abus/", views.abuse, name="abuse"),
    path("photos/<uuid:public_id>/", views.photo, name="photo"),
    path("signalements/<str:token>/", views.report_result, name="report_result"),
    path("signalements/<str:token>/action/", views.report_action, name="report_action"),
    path("signalements/<str:token>/suivi/", views.follow_up, name="follow_up"),
    path("commercant/<str:token>/", views.shopkeeper, name="shopkeeper"),
    path("impact/", views.impact, name="impact"),
    path("impact/commerces.csv", views.impact_csv, name="impact_csv"),
    path("impact/commerces.geojson", views.impact_geojson, name="impact_geojson"),
    path("benevoles/", volunteer_views.queue, name="queue"),
    path("benevoles/alerte/", volunteer_views.tense_day_alert, name="tense_day_alert"),
    path("benevoles/<int:pk>/prendre/", volunteer_views.claim, name="claim"),
    path("benevoles/<int:pk>/", volunteer_views.contact, name="contact"),
    path("benevoles/<int:pk>/lettre/", volunteer_views.letter, name="letter"),
    path("benevoles/<int:pk>/suivi/", volunteer_views.follow_up, name="volunteer_follow_up"),
    path("nuits-d-action/", campaign_views.campaign_list, name="campaigns"),
    path("nuits-d-action/creer/", campaign_views.campaign_create, name="campaign_create"),
    path("nuits-d-action/<int:pk>/", campaign_views.campaign_detail, name="campaign"),
    path("nuits-d-action/<int:pk>/participer/", campaign_views.campaign_join, name="campaign_join"),
    path("moderation/", views.moderation, name="moderation"),
    path("ecowatt/", views.ecowatt, name="ecowatt"),
]
