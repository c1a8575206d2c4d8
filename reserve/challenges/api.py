from datetime import date, datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from reserve.core.caching import cache_anonymous_page
from reserve.core.pagination import BoundedPageNumberPagination

from .models import Challenge, Level, Location, Status, TerritoryLevel, Theme

router = Router(tags=["challenges"])


class RoleSlotOut(Schema):
    skill: str
    skill_label: str
    level: Level
    count: int
    hours_per_week: int
    location: Location
    departement: str


class ChallengeOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    status: Status
    themes: list[Theme] = Field(..., alias="theme_list")
    territory_level: TerritoryLevel
    territory_name: str
    organisation: str | None
    status_changed_at: datetime
    url: str = Field(..., alias="get_absolute_url")

    @staticmethod
    def resolve_organisation(challenge) -> str | None:
        return challenge.organisation.name if challenge.organisation else None


class ChallengeDetailOut(ChallengeOut):
    problem: str
    affected_people: int | None
    blind_spot: str
    deliverable: str
    success_criterion: str
    sprint_start: date | None
    sprint_end: date | None
    progress: str
    roles: list[RoleSlotOut] = Field(..., alias="slot_list")


class ChallengeFilters(Schema):
    q: Annotated[str | None, Field(max_length=100)] = None
    theme: Theme | None = None
    status: Status | None = None
    skill: Annotated[str | None, Field(max_length=50)] = None
    territory: Annotated[str | None, Field(max_length=100)] = None


@router.get("", response=list[ChallengeOut], summary="Défis publics (catalogue)")
@decorate_view(cache_anonymous_page(300, scope="challenges"))
@paginate(BoundedPageNumberPagination, page_size=50)
def list_challenges(request, filters: Query[ChallengeFilters]):
    return Challenge.objects.catalogue().filtered(**filters.dict(exclude_none=True))


@router.get("/{slug}", response=ChallengeDetailOut, summary="Un défi public")
@decorate_view(cache_anonymous_page(300, scope="challenges"))
def get_challenge(request, slug: str):
    challenge = get_object_or_404(
        Challenge.objects.public().select_related("organisation"), slug=slug
    )
    challenge.slot_list = list(challenge.slots.all())
    return challenge
