from ninja import Router, Schema

from . import stats

router = Router(tags=["plateforme"])


class Counters(Schema):
    reservists: int
    organisations: int
    administrations: int
    employers: int


@router.get("/stats", response=Counters, summary="Compteurs publics du programme")
def public_stats(request):
    return stats.counters()
