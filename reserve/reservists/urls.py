from django.urls import path

from . import views

app_name = "reservists"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rejoindre/", views.join, name="join"),
    path("profil/<slug:step>/", views.step, name="step"),
    path("periodes/<int:pk>/supprimer/", views.remove_period, name="remove_period"),
    path("indisponible/", views.unavailable, name="unavailable"),
    path("vivier/", views.pool, name="pool"),
    path("vivier/export.csv", views.pool_export, name="pool_export"),
    path("vivier/ecrire/", views.pool_email, name="pool_email"),
    path("vivier/recherches/", views.save_search, name="save_search"),
    path("vivier/recherches/<int:pk>/supprimer/", views.delete_search, name="delete_search"),
    path("vivier/statistiques/", views.statistics, name="statistics"),
    path("vivier/<int:pk>/", views.profile_detail, name="profile"),
    path("employeur/<int:pk>/", views.employer, name="employer"),
    path("employeur/<int:pk>/detachements/", views.secondments, name="secondments"),
    path(
        "employeur/<int:pk>/detachements/<int:profile_pk>/<slug:name>/",
        views.decide_secondment,
        name="decide_secondment",
    ),
]
