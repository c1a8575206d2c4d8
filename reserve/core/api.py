from ninja import Router

from . import stats

router = Router(tags=["plateforme"])


@router.get(
    "/stats",
    response=dict[str, int],
    summary="Compteurs publics du programme",
    description="Chaque compteur de la page d'accueil, par clé (réservistes, organisations…).",
)
def public_stats(request):
    return {counter.key: counter.value for counter in stats.counters()}
