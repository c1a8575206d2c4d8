from django.urls import path

from . import views

app_name = "sprints"

urlpatterns = [
    path("tableau/", views.staff_board, name="board"),
    path("defi/<int:pk>/", views.sprint, name="sprint"),
    path("defi/<int:pk>/plan/", views.save_plan, name="save_plan"),
    path("defi/<int:pk>/plan/valider/", views.validate_plan, name="validate_plan"),
    path("defi/<int:pk>/livrables/", views.add_deliverable, name="add_deliverable"),
    path(
        "defi/<int:pk>/livrables/<int:item>/retirer/",
        views.remove_deliverable,
        name="remove_deliverable",
    ),
    path("defi/<int:pk>/livrables/<int:item>/livrer/", views.deliver, name="deliver"),
    path(
        "defi/<int:pk>/livrables/<int:item>/fichier/",
        views.deliverable_file,
        name="deliverable_file",
    ),
    path("defi/<int:pk>/indicateurs/", views.add_indicator, name="add_indicator"),
    path(
        "defi/<int:pk>/indicateurs/<int:item>/retirer/",
        views.remove_indicator,
        name="remove_indicator",
    ),
    path(
        "defi/<int:pk>/indicateurs/<int:item>/mesures/",
        views.add_measurement,
        name="add_measurement",
    ),
    path("defi/<int:pk>/points/", views.post_checkin, name="post_checkin"),
    path("defi/<int:pk>/points/<int:item>/commenter/", views.comment, name="comment"),
    path(
        "defi/<int:pk>/points/<int:item>/blocage-leve/",
        views.resolve_blocker,
        name="resolve_blocker",
    ),
    path("defi/<int:pk>/heures/", views.hours, name="hours"),
    path("defi/<int:pk>/demo/", views.record_demo, name="record_demo"),
    path("defi/<int:pk>/livraison/", views.decide, name="decide"),
    path("defi/<int:pk>/passation/", views.save_handover, name="save_handover"),
]
