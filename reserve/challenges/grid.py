"""The qualification grid as data: four sections, each criterion scored with a comment."""

from django.utils.translation import gettext_lazy as _

SECTIONS = [
    (
        "need",
        _("Angle mort de l'action publique et besoin réel et urgent"),
        [
            ("blind_spot", _("Angle mort de l'action publique")),
            ("need_size", _("Ampleur du besoin (combien de personnes)")),
            ("need_severity", _("Gravité et urgence")),
            ("need_evidence", _("Preuves du besoin")),
        ],
    ),
    (
        "feasibility",
        _("Solution faisable en un mois environ"),
        [
            ("scope_in", _("Périmètre inclus")),
            ("scope_out", _("Périmètre exclu")),
            ("deliverable", _("Livrable attendu")),
            ("ownership", _("Qui la fera vivre ensuite et la diffusera")),
        ],
    ),
    (
        "values",
        _("Valeurs du service public"),
        [
            ("equal_access", _("Égal accès")),
            ("neutrality", _("Neutralité")),
            ("continuity", _("Continuité")),
            ("accessibility", _("Accessibilité")),
            ("free_of_charge", _("Gratuité pour les citoyens")),
            ("open_source", _("Code source ouvert")),
        ],
    ),
    (
        "data",
        _("Sécurité des données"),
        [
            ("personal_data", _("Catégories de données personnelles")),
            ("sensitive_data", _("Données sensibles")),
            ("legal_basis", _("Base légale")),
            ("minimisation", _("Minimisation")),
            ("eu_hosting", _("Hébergement dans l'Union européenne")),
            ("retention", _("Durée de conservation")),
            ("impact_assessment", _("Analyse d'impact (AIPD) nécessaire ?")),
        ],
    ),
]

CRITERIA = [(key, label) for _section, _title, criteria in SECTIONS for key, label in criteria]

SCORES = [
    (0, _("0 — non satisfait")),
    (1, _("1 — partiellement")),
    (2, _("2 — satisfait")),
    (3, _("3 — pleinement satisfait")),
]
