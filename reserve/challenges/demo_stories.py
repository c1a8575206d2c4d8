"""The demo challenges' stories: each its own need, sponsor, evidence, grid and pace.

`age` is how many days ago the challenge reached its status; `pace` stretches or shortens the
steps before the sprint (qualification, team forming), so each month of the programme's figures
differs; `grid` is the qualification grid's level per section (need, feasibility, values, data),
0 to 3, from which each criterion's score is drawn.
"""

from .models import Scale, Status, TerritoryLevel

LIGHTSOFF_SLUG = "commerces-eclaires-la-nuit"
ENERGY = "Direction interministérielle de la transition énergétique"
BORDEAUX = "Métropole de Bordeaux"
ARS = "Agence régionale de santé Occitanie"
ECLAIREURS = "Les Éclaireurs du numérique"
WATER = "Syndicat des eaux de la Charente-Maritime"
NANTES = "Ville de Nantes"
SPONSORS = [ENERGY, BORDEAUX, ARS, ECLAIREURS, WATER, NANTES]

STORIES = [
    {
        "slug": LIGHTSOFF_SLUG, "title": "Commerces éclairés la nuit", "status": Status.DELIVERED,
        "themes": "energy", "sponsor": ENERGY, "territory": (TerritoryLevel.NATIONAL, ""),
        "summary": "Des vitrines et enseignes restent allumées toute la nuit malgré la loi : aider "
        "les citoyens à le signaler et les commerçants à éteindre.",
        "problem": "Depuis 2019, vitrines et enseignes doivent être éteintes entre 1 h et 7 h. "
        "Dans les centres-villes, une sur trois reste allumée : les maires, chargés du contrôle, "
        "n'ont ni les agents ni les horaires pour le constater.",
        "affected_people": 400_000, "severity": Scale.MEDIUM, "urgency": Scale.HIGH,
        "evidence": "Relevés nocturnes de l'association Lumière sobre dans 12 villes (2023) ; "
        "estimation du ministère : 2 TWh par an.",
        "tried": "Campagnes d'affichage des chambres de commerce, sans mesure de l'effet.",
        "blind_spot": "Aucun service ne relie le signalement citoyen, le commerçant et la mairie.",
        "deliverable": "Un service web sans compte : signaler, connaître la règle, contacter "
        "poliment le commerçant, suivre l'extinction.",
        "success_criterion": "1 000 commerces contactés et la moitié éteints trois mois après.",
        "slots": [("tech.backend", "confident", 2), ("design.ux", "confident", 1),
                  ("communication.communication", "confident", 1)],
        "age": 40, "pace": 0.8, "grid": (3, 3, 3, 2),
    },
    {
        "slug": "alerte-secheresse-communes",
        "title": "Alerte sécheresse pour les petites communes",
        "status": Status.IN_SPRINT, "themes": "water", "sponsor": WATER,
        "territory": (TerritoryLevel.DEPARTEMENT, "Charente-Maritime"),
        "summary": "Prévenir les habitants des restrictions d'eau en vigueur dans leur commune.",
        "problem": "Les arrêtés de restriction changent chaque semaine l'été ; ils sont publiés "
        "au recueil de la préfecture, que personne ne lit. Les habitants arrosent sans savoir "
        "qu'ils risquent 1 500 € d'amende.",
        "affected_people": 650_000, "severity": Scale.HIGH, "urgency": Scale.CRITICAL,
        "evidence": "En 2023, 62 % des contrôles de l'OFB en Charente-Maritime ont trouvé des "
        "habitants qui ignoraient l'arrêté.",
        "tried": "VigiEau donne la carte, mais ne prévient personne.",
        "blind_spot": "Aucune alerte n'arrive au bon moment, dans la bonne commune.",
        "deliverable": "Une alerte par SMS et e-mail à l'entrée en vigueur de chaque arrêté.",
        "success_criterion": "10 000 abonnés avant l'été, moins d'une heure de délai d'alerte.",
        "slots": [("tech.backend", "confident", 1), ("tech.frontend", "confident", 1)],
        "age": 12, "pace": 1.4, "grid": (3, 2, 3, 2),
    },
    {
        "slug": "qualite-eau-robinet", "title": "Qualité de l'eau du robinet en un SMS",
        "status": Status.TEAM_FORMING, "themes": "water health", "sponsor": ARS,
        "territory": (TerritoryLevel.REGION, "Occitanie"),
        "summary": "Alerter les habitants quand l'eau du robinet n'est plus potable.",
        "problem": "Quand un captage est pollué, la mairie placarde une affiche et la radio "
        "locale en parle. Les familles avec un nourrisson l'apprennent souvent le lendemain.",
        "affected_people": 90_000, "severity": Scale.CRITICAL, "urgency": Scale.HIGH,
        "evidence": "41 restrictions de consommation en Occitanie en 2024 (bilan de l'ARS).",
        "tried": "Des listes d'abonnés tenues par quelques mairies, à la main.",
        "blind_spot": "Les résultats du contrôle sanitaire sont publics mais personne ne les "
        "pousse vers les habitants concernés.",
        "deliverable": "Un abonnement par commune et une alerte automatique à chaque "
        "non-conformité.",
        "success_criterion": "Alerte reçue moins de 2 heures après la décision de l'ARS.",
        "slots": [("tech.backend", "confident", 1), ("tech.data", "confident", 1),
                  ("design.ux", "discovering", 1)],
        "age": 2, "pace": 1.1, "grid": (3, 3, 2, 1),
    },
    {
        "slug": "passoires-thermiques-aides", "title": "Passoires thermiques : toutes les aides en "
        "une page", "status": Status.QUALIFIED, "themes": "energy housing", "sponsor": BORDEAUX,
        "territory": (TerritoryLevel.COMMUNE, "Bordeaux"),
        "summary": "Aider les ménages en logement DPE F ou G à connaître les aides auxquelles "
        "ils ont droit.",
        "problem": "Sept dispositifs nationaux et locaux, chacun avec son plafond et son guichet : "
        "les ménages modestes renoncent avant d'avoir compris ce à quoi ils ont droit.",
        "affected_people": 38_000, "severity": Scale.HIGH, "urgency": Scale.MEDIUM,
        "evidence": "L'espace conseil France Rénov' de Bordeaux reçoit 300 appels par mois sur "
        "ce seul sujet ; 70 % des dossiers MaPrimeRénov' déposés sont incomplets.",
        "tried": "Un simulateur national, qui ignore les aides de la métropole.",
        "blind_spot": "Les aides locales ne sont décrites nulle part de façon lisible.",
        "deliverable": "Un simulateur en cinq questions, aides nationales et locales, avec le "
        "guichet à appeler.",
        "success_criterion": "Appels au guichet divisés par deux, dossiers complets à 80 %.",
        "slots": [("tech.frontend", "confident", 1), ("legal.public_policy", "expert", 1),
                  ("domain.housing", "confident", 1)],
        "age": 6, "pace": 0.7, "grid": (2, 3, 3, 3),
    },
    {
        "slug": "covoiturage-rural-soignants", "title": "Covoiturage des soignants en zone rurale",
        "status": Status.IMPACT_FOLLOW_UP, "themes": "mobility health", "sponsor": ARS,
        "territory": (TerritoryLevel.DEPARTEMENT, "Lozère"),
        "summary": "Mettre en relation les soignants à domicile pour partager les trajets.",
        "problem": "Les infirmières et aides à domicile de Lozère font 150 km par jour, seules, "
        "souvent sur les mêmes routes ; le carburant pèse sur des salaires modestes.",
        "affected_people": 1_200, "severity": Scale.MEDIUM, "urgency": Scale.MEDIUM,
        "evidence": "Enquête de l'URPS infirmiers auprès de 240 professionnels (2024).",
        "tried": "Les plateformes de covoiturage grand public ne gèrent pas les tournées.",
        "blind_spot": "Aucun outil ne croise les tournées de structures différentes.",
        "deliverable": "Une application mobile qui propose les trajets communs de la semaine.",
        "success_criterion": "20 % des kilomètres partagés au bout de trois mois.",
        "slots": [("tech.mobile", "confident", 1)],
        "age": 70, "pace": 1.8, "grid": (2, 2, 3, 2),
    },
    {
        "slug": "canicule-personnes-isolees", "title": "Canicule : repérer les personnes isolées",
        "status": Status.CLOSED, "themes": "health social", "sponsor": ECLAIREURS,
        "territory": (TerritoryLevel.DEPARTEMENT, "Rhône"),
        "summary": "Aider les mairies à tenir le registre des personnes vulnérables pendant les "
        "canicules.",
        "problem": "Le registre canicule est un tableur par mairie ; pendant l'alerte, les agents "
        "appellent chacun sans savoir qui a déjà été joint.",
        "affected_people": 25_000, "severity": Scale.CRITICAL, "urgency": Scale.HIGH,
        "evidence": "Retour d'expérience de la canicule de 2019 par la préfecture du Rhône.",
        "tried": "Des fichiers partagés, qui posaient des problèmes de confidentialité.",
        "blind_spot": "Aucun outil public adapté aux petites mairies.",
        "deliverable": "Un registre sécurisé et une liste d'appels partagée pendant l'alerte.",
        "success_criterion": "Toutes les personnes inscrites jointes dans les 24 heures.",
        "slots": [("tech.backend", "confident", 1)],
        "age": 110, "pace": 1.0, "grid": (3, 2, 3, 1),
    },
    {
        "slug": "logement-urgence-places", "title": "Places d'hébergement d'urgence en temps réel",
        "status": Status.ARCHIVED, "themes": "housing social", "sponsor": BORDEAUX,
        "territory": (TerritoryLevel.COMMUNE, "Bordeaux"),
        "summary": "Afficher les places libres dans les centres d'hébergement d'urgence.",
        "problem": "Les maraudes appellent les centres un par un à 22 h pour trouver un lit.",
        "affected_people": 2_500, "severity": Scale.CRITICAL, "urgency": Scale.CRITICAL,
        "evidence": "Journal des appels du 115 de Gironde, hiver 2023-2024.",
        "tried": "Un tableau blanc partagé par téléphone chaque soir.",
        "blind_spot": "Le SI-SIAO ne donne pas les places en temps réel aux maraudes.",
        "deliverable": "Un tableau des places mis à jour par les centres en un geste.",
        "success_criterion": "Une place trouvée en moins de 10 minutes, 9 soirs sur 10.",
        "slots": [], "age": 160, "pace": 0.6, "grid": (3, 3, 2, 2),
    },
    {
        "slug": "bornes-recharge-pannes", "title": "Signaler les bornes de recharge en panne",
        "status": Status.DECLINED, "themes": "mobility energy", "sponsor": ENERGY,
        "territory": (TerritoryLevel.NATIONAL, ""),
        "summary": "Un service citoyen pour signaler les bornes de recharge électrique hors "
        "service.",
        "problem": "Une borne publique sur dix est en panne et les applications des opérateurs "
        "ne le disent pas.",
        "affected_people": 1_000_000, "severity": Scale.LOW, "urgency": Scale.LOW,
        "evidence": "Étude de l'Avere-France (2023) sur la disponibilité des bornes.",
        "tried": "Les opérateurs ont leurs propres formulaires.",
        "blind_spot": "Partiel : les agrégateurs privés couvrent déjà l'essentiel.",
        "deliverable": "Un signalement ouvert, relayé aux opérateurs.",
        "success_criterion": "Délai de réparation moyen divisé par deux.",
        "slots": [], "age": 20, "pace": 1.3, "grid": (1, 2, 2, 2),
    },
    {
        "slug": "irrigation-agriculteurs",
        "title": "Partager l'eau d'irrigation entre agriculteurs",
        "status": Status.IN_QUALIFICATION, "themes": "water agriculture", "sponsor": WATER,
        "territory": (TerritoryLevel.DEPARTEMENT, "Charente-Maritime"),
        "summary": "Coordonner les tours d'eau entre exploitations pendant les arrêtés "
        "sécheresse.",
        "problem": "Les tours d'eau se négocient par téléphone ; les conflits entre voisins "
        "finissent en mairie.",
        "affected_people": 3_400, "severity": Scale.HIGH, "urgency": Scale.HIGH,
        "evidence": "Chambre d'agriculture : 180 litiges signalés en 2022.",
        "tried": "Un agenda papier tenu par l'association d'irrigants.",
        "blind_spot": "Aucun outil public pour répartir les volumes autorisés.",
        "deliverable": "Un calendrier partagé des tours d'eau, respectant les volumes.",
        "success_criterion": "Litiges divisés par deux sur une saison.",
        "slots": [], "age": 4, "pace": 1.0, "grid": (3, 2, 2, 2),
    },
    {
        "slug": "chauffage-ecoles", "title": "Piloter le chauffage des écoles", "status":
        Status.SUBMITTED, "themes": "energy education", "sponsor": BORDEAUX,
        "territory": (TerritoryLevel.COMMUNE, "Bordeaux"),
        "summary": "Baisser la consommation de chauffage des écoles le week-end et pendant les "
        "vacances.",
        "problem": "Les écoles sont chauffées le week-end faute de programmation : les "
        "chaudières sont réglées une fois par an.",
        "affected_people": 21_000, "severity": Scale.MEDIUM, "urgency": Scale.MEDIUM,
        "evidence": "Compteurs de 40 écoles : 30 % de la consommation hors temps scolaire.",
        "tried": "Des consignes aux gardiens, oubliées pendant les vacances.",
        "blind_spot": "Le calendrier scolaire n'est relié à aucune chaudière.",
        "deliverable": "Un planning de chauffage calé sur le calendrier et les réservations.",
        "success_criterion": "15 % de gaz en moins sur un hiver.",
        "slots": [], "age": 9, "pace": 1.0, "grid": (2, 2, 3, 3),
    },
    {
        "slug": "transport-demande-seniors", "title": "Transport à la demande pour les seniors",
        "status": Status.NEEDS_INFORMATION, "themes": "mobility social digital_inclusion",
        "sponsor": ECLAIREURS, "territory": (TerritoryLevel.COMMUNE, "Lyon"),
        "summary": "Réserver un trajet par téléphone quand on ne sait pas utiliser "
        "d'application.",
        "problem": "Le transport à la demande se réserve par application ; les personnes âgées "
        "sans smartphone n'y ont pas accès et renoncent à leurs rendez-vous.",
        "affected_people": 8_000, "severity": Scale.MEDIUM, "urgency": Scale.MEDIUM,
        "evidence": "Permanences numériques du 8e arrondissement : 120 demandes en 2024.",
        "tried": "Une ligne téléphonique aux horaires de bureau.",
        "blind_spot": "Le service existe mais exclut ceux qui en ont le plus besoin.",
        "deliverable": "Un serveur vocal qui réserve dans le système existant.",
        "success_criterion": "300 trajets réservés par téléphone le premier mois.",
        "slots": [], "age": 3, "pace": 1.2, "grid": (2, 1, 3, 2),
    },
    {
        "slug": "rendez-vous-medicaux-annules", "title": "Rendez-vous médicaux non honorés",
        "status": Status.DRAFT, "themes": "health", "sponsor": ARS,
        "territory": (TerritoryLevel.REGION, "Occitanie"),
        "summary": "Réattribuer les créneaux libérés au dernier moment.",
        "problem": "Dans les centres de santé, un rendez-vous sur dix n'est pas honoré alors "
        "que les délais dépassent trois semaines.",
        "affected_people": 150_000, "severity": Scale.MEDIUM, "urgency": Scale.MEDIUM,
        "evidence": "Relevé de 12 centres de santé de l'Hérault sur six mois.",
        "tried": "Des rappels par SMS, qui n'aident pas à remplir le créneau libéré.",
        "blind_spot": "Aucune liste d'attente partagée entre les centres.",
        "deliverable": "Une liste d'attente qui propose le créneau libéré au patient suivant.",
        "success_criterion": "Moitié des créneaux libérés réattribués.",
        "slots": [], "age": 2, "pace": 1.0, "grid": (2, 2, 2, 1),
    },
    # Earlier challenges: the programme's history, month by month.
    {
        "slug": "cantines-gaspillage", "title": "Moins de gaspillage dans les cantines",
        "status": Status.CLOSED, "themes": "agriculture education", "sponsor": NANTES,
        "territory": (TerritoryLevel.COMMUNE, "Nantes"),
        "summary": "Ajuster les commandes des cantines aux inscriptions réelles du jour.",
        "problem": "Les cantines commandent les repas sur les effectifs théoriques : 120 g "
        "jetés par repas servi.",
        "affected_people": 16_000, "severity": Scale.MEDIUM, "urgency": Scale.MEDIUM,
        "evidence": "Pesées du service de restauration scolaire de Nantes (2023).",
        "tried": "Des inscriptions papier la veille, mal suivies.",
        "blind_spot": "Les inscriptions en ligne ne remontent pas à la cuisine centrale.",
        "deliverable": "Un tableau des repas à produire, mis à jour chaque matin à 9 h.",
        "success_criterion": "Gaspillage réduit d'un tiers sur un trimestre.",
        "slots": [("tech.data", "confident", 1)], "age": 135, "pace": 0.5, "grid": (2, 3, 3, 3),
    },
    {
        "slug": "pharmacies-de-garde", "title": "La pharmacie de garde la plus proche",
        "status": Status.IMPACT_FOLLOW_UP, "themes": "health", "sponsor": ARS,
        "territory": (TerritoryLevel.REGION, "Occitanie"),
        "summary": "Trouver la pharmacie de garde sans appeler un numéro surtaxé.",
        "problem": "Le soir, trouver la pharmacie de garde passe par un numéro payant ou "
        "l'affichette de la porte d'une pharmacie fermée.",
        "affected_people": 500_000, "severity": Scale.HIGH, "urgency": Scale.MEDIUM,
        "evidence": "Appels au 3237 relevés par l'ARS : 40 000 par mois dans la région.",
        "tried": "Des listes PDF par département, rarement à jour.",
        "blind_spot": "Les tours de garde ne sont publiés dans aucun format ouvert.",
        "deliverable": "Une page et un jeu de données ouvert des gardes, mis à jour chaque jour.",
        "success_criterion": "100 000 consultations par mois, données à jour à 98 %.",
        "slots": [("tech.backend", "confident", 1)], "age": 95, "pace": 2.4, "grid": (3, 3, 3, 2),
    },
    {
        "slug": "velos-reparation-quartiers", "title": "Ateliers de réparation de vélos",
        "status": Status.DELIVERED, "themes": "mobility", "sponsor": NANTES,
        "territory": (TerritoryLevel.COMMUNE, "Nantes"),
        "summary": "Trouver un atelier solidaire et un créneau pour réparer son vélo.",
        "problem": "Un vélo sur trois dort dans une cave pour une panne simple ; les ateliers "
        "solidaires sont pleins un jour et vides le lendemain.",
        "affected_people": 30_000, "severity": Scale.LOW, "urgency": Scale.MEDIUM,
        "evidence": "Enquête mobilité de Nantes Métropole (2024).",
        "tried": "Chaque atelier a son propre agenda.",
        "blind_spot": "Aucune vue d'ensemble des créneaux.",
        "deliverable": "Un agenda commun des ateliers, avec réservation.",
        "success_criterion": "Taux de remplissage des ateliers à 80 %.",
        "slots": [("tech.frontend", "confident", 1)], "age": 58, "pace": 1.6, "grid": (1, 3, 3, 3),
    },
    {
        "slug": "logements-vacants-communes", "title": "Repérer les logements vacants",
        "status": Status.DECLINED, "themes": "housing", "sponsor": NANTES,
        "territory": (TerritoryLevel.COMMUNE, "Nantes"),
        "summary": "Croiser les données pour proposer des logements vacants à la location.",
        "problem": "Des milliers de logements sont vides pendant que la demande sociale explose.",
        "affected_people": 12_000, "severity": Scale.HIGH, "urgency": Scale.MEDIUM,
        "evidence": "Fichier LOVAC : 9 000 logements vacants depuis plus de deux ans.",
        "tried": "Zéro Logement Vacant, l'outil de l'État, le fait déjà.",
        "blind_spot": "Aucun : un service public existe.",
        "deliverable": "Une carte des logements vacants pour les agents.",
        "success_criterion": "100 propriétaires contactés.",
        "slots": [], "age": 75, "pace": 0.9, "grid": (0, 2, 2, 1),
    },
    {
        "slug": "fontaines-eau-potable", "title": "Les fontaines d'eau potable ouvertes",
        "status": Status.ARCHIVED, "themes": "water health", "sponsor": NANTES,
        "territory": (TerritoryLevel.COMMUNE, "Nantes"),
        "summary": "Savoir quelles fontaines publiques fonctionnent pendant une canicule.",
        "problem": "Pendant les canicules, les personnes à la rue cherchent de l'eau ; un tiers "
        "des fontaines sont fermées ou en panne.",
        "affected_people": 4_000, "severity": Scale.HIGH, "urgency": Scale.HIGH,
        "evidence": "Recensement des maraudes, été 2023.",
        "tried": "Une carte statique, jamais mise à jour.",
        "blind_spot": "L'état des fontaines n'est connu que des agents d'entretien.",
        "deliverable": "Une carte mise à jour par les agents d'un geste.",
        "success_criterion": "État connu de 95 % des fontaines chaque jour d'alerte.",
        "slots": [], "age": 175, "pace": 1.2, "grid": (3, 3, 3, 3),
    },
    {
        "slug": "aide-devoirs-zones-blanches", "title": "Aide aux devoirs sans connexion",
        "status": Status.IN_SPRINT, "themes": "education digital_inclusion",
        "sponsor": ECLAIREURS, "territory": (TerritoryLevel.DEPARTEMENT, "Creuse"),
        "summary": "Des exercices qui marchent hors ligne pour les élèves sans internet.",
        "problem": "Un collégien creusois sur cinq n'a pas de connexion correcte à la maison ; "
        "les devoirs en ligne creusent l'écart.",
        "affected_people": 2_100, "severity": Scale.MEDIUM, "urgency": Scale.HIGH,
        "evidence": "Enquête du rectorat de Limoges, 2024.",
        "tried": "Des photocopies, qui ne suivent pas la progression de l'élève.",
        "blind_spot": "Les ressources publiques supposent une connexion.",
        "deliverable": "Une application qui se synchronise quand le réseau revient.",
        "success_criterion": "500 élèves actifs à la fin du trimestre.",
        "slots": [("tech.mobile", "confident", 1), ("design.ux", "confident", 1)],
        "age": 20, "pace": 0.8, "grid": (2, 2, 3, 2),
    },
    {
        "slug": "chaleur-ecoles-alerte", "title": "Alerter les écoles en cas de forte chaleur",
        "status": Status.IN_SPRINT, "themes": "health education", "sponsor": BORDEAUX,
        "territory": (TerritoryLevel.COMMUNE, "Bordeaux"),
        "summary": "Prévenir directeurs et parents quand une vague de chaleur menace les salles "
        "de classe.",
        "problem": "Les salles orientées au sud dépassent 32 °C dès la fin mai ; la mairie "
        "l'apprend par les plaintes des parents, une fois les enfants malades.",
        "affected_people": 38_000, "severity": Scale.HIGH, "urgency": Scale.HIGH,
        "evidence": "Relevés de 40 capteurs posés par la Métropole en juin 2024 : 11 écoles au-"
        "dessus de 30 °C plus de cinq jours.",
        "tried": "Une circulaire de l'inspection académique, envoyée trop tard.",
        "blind_spot": "Aucun lien entre la prévision de Météo-France, les capteurs et l'école.",
        "deliverable": "Une alerte la veille aux directeurs, avec les gestes prévus.",
        "success_criterion": "Toutes les écoles exposées prévenues 24 h avant chaque épisode.",
        "slots": [("tech.backend", "confident", 1), ("design.ux", "confident", 1)],
        "age": 20, "pace": 1.1, "grid": (3, 3, 3, 2),
    },
    {
        "slug": "stocks-banques-alimentaires",
        "title": "Les stocks des banques alimentaires en temps réel",
        "status": Status.IN_SPRINT, "themes": "social", "sponsor": ECLAIREURS,
        "territory": (TerritoryLevel.DEPARTEMENT, "Rhône"),
        "summary": "Montrer aux associations où les denrées manquent et où elles dorment.",
        "problem": "Des palettes arrivent à date courte dans un entrepôt pendant qu'une épicerie "
        "solidaire voisine manque de tout ; chacun tient son stock dans un tableur.",
        "affected_people": 52_000, "severity": Scale.MEDIUM, "urgency": Scale.HIGH,
        "evidence": "8 tonnes jetées en 2024 dans le Rhône faute de redistribution à temps.",
        "tried": "Un groupe de messagerie entre bénévoles, vite saturé.",
        "blind_spot": "Aucune vue commune des stocks entre les associations du département.",
        "deliverable": "Un tableau partagé des stocks, mis à jour par téléphone.",
        "success_criterion": "Moitié moins de denrées jetées sur les trois mois suivants.",
        "slots": [("tech.frontend", "confident", 1), ("tech.data", "confident", 1)],
        "age": 25, "pace": 0.9, "grid": (2, 3, 3, 2),
    },
]  # fmt: skip
