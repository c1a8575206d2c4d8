from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile, name="profile"),
    path("notifications/", views.notifications, name="notifications"),
    path("mes-donnees/", views.export_data, name="export"),
    path("supprimer/", views.delete_account, name="delete"),
]
