from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("langue/<str:code>/", views.set_language, name="set_language"),
    path("style/", views.style, name="style"),
    path("sante/", views.floor, name="floor"),
    path("sante/pret/", views.ready, name="ready"),
]
