from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("", views.index, name="index"),
    path("comment-ca-marche/", views.how_it_works, name="how_it_works"),
    path("defi/<int:pk>/", views.candidates, name="candidates"),
    path("propositions/lancer/", views.run, name="run"),
    path("propositions/<int:pk>/", views.proposal, name="proposal"),
    path("propositions/<int:pk>/instance.json", views.instance, name="instance"),
    path("propositions/<int:pk>/relancer/", views.rerun, name="rerun"),
    path("propositions/<int:pk>/verrouiller/", views.lock, name="lock"),
    path("propositions/<int:pk>/deverrouiller/", views.unlock, name="unlock"),
    path("propositions/<int:pk>/ecarter/", views.exclude, name="exclude"),
    path("propositions/<int:pk>/inviter/", views.send_invitations, name="send_invitations"),
    path("defi/<int:pk>/inviter/", views.invite, name="invite"),
    path("defi/<int:pk>/remplacement/", views.auto_replace, name="auto_replace"),
    path(
        "defi/<int:pk>/candidatures/", views.challenge_applications, name="challenge_applications"
    ),
    path("defi/<int:pk>/espace/", views.team_space, name="space"),
    path("defi/<int:pk>/espace/liens/", views.add_link, name="add_link"),
    path(
        "defi/<int:pk>/espace/liens/<int:link_pk>/retirer/",
        views.remove_link,
        name="remove_link",
    ),
    path("defi/<int:pk>/calendrier.ics", views.team_calendar, name="calendar"),
    path("candidatures/", views.applications, name="applications"),
    path("invitations/", views.my_invitations, name="my_invitations"),
    path("invitations/<int:pk>/", views.invitation, name="invitation"),
    path("invitation/<str:token>/", views.reply, name="reply"),
    path("roles/<int:slot_pk>/candidater/", views.apply, name="apply"),
    path("candidatures/<int:application_pk>/retirer/", views.withdraw, name="withdraw"),
]
