from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("nouvelle/", views.create, name="create"),
    path("a-verifier/", views.review, name="review"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/verifier/", views.verify, name="verify"),
    path("<int:pk>/verification/<slug:name>/", views.transition, name="transition"),
    path("<int:pk>/membres/ajouter/", views.add_member, name="add_member"),
    path(
        "<int:pk>/membres/<int:membership_pk>/retirer/", views.remove_member, name="remove_member"
    ),
]
