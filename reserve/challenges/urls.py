from django.urls import path

from . import views
from .feeds import ChallengeFeed

app_name = "challenges"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("flux.atom", ChallengeFeed(), name="feed"),
    path("proposer/", views.create, name="create"),
    path("mes-defis/", views.mine, name="mine"),
    path("pipeline/", views.pipeline, name="pipeline"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("<int:pk>/espace/", views.workspace, name="workspace"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/qualification/", views.qualification, name="qualification"),
    path("<int:pk>/decision/", views.decide, name="decide"),
    path("<int:pk>/equipe/", views.team, name="team"),
    path("<int:pk>/messages/", views.post_message, name="post_message"),
    path("<int:pk>/referents/", views.add_referent, name="add_referent"),
    path("<int:pk>/pieces/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/<str:name>/", views.transition, name="transition"),
    path("<slug:slug>/", views.detail, name="detail"),
]
