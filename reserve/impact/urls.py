from django.urls import path

from . import employer_views, record_views, views
from .feeds import ImpactFeed

app_name = "impact"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("defis/<slug:slug>/", views.challenge, name="challenge"),
    path("donnees/impact.json", views.open_data_json, name="open_data_json"),
    path("donnees/impact.csv", views.open_data_csv, name="open_data_csv"),
    path("flux/", ImpactFeed(), name="feed"),
    path("contributions/<str:token>/", views.contributor, name="contributor"),
    path("releves/<str:token>/", views.verify, name="verify"),
    path("releves/<str:token>/pdf/", employer_views.statement_pdf, name="statement_pdf"),
    path("employeur/<int:pk>/", employer_views.hours, name="employer_hours"),
    path("employeur/<int:pk>/heures.csv", employer_views.hours_csv, name="employer_csv"),
    path("employeur/<int:pk>/releve/", employer_views.issue_statement, name="issue_statement"),
    path("employeur/<int:pk>/cout/<int:user_pk>/", employer_views.set_cost, name="set_cost"),
    path("mon-engagement/", record_views.mine, name="mine"),
    path("mon-engagement/visibilite/", record_views.set_visibility, name="set_visibility"),
    path("mon-engagement/attestation.pdf", record_views.certificate, name="certificate"),
]
