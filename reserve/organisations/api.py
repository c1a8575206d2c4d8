from typing import Annotated

from ninja import Field, FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from reserve.core.pagination import BoundedPageNumberPagination

from .models import Kind, Organisation, Part

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    name: str
    kind: Kind
    parts: list[Part] = Field(..., alias="part_list")
    city: str
    website: str


class OrganisationFilters(FilterSchema):
    kind: Kind | None = None
    part: Annotated[Part | None, FilterLookup("parts__contains")] = None
    q: Annotated[str | None, FilterLookup("name__icontains"), Field(max_length=100)] = None


@router.get("", response=list[OrganisationOut], summary="Organisations vérifiées")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_organisations(request, filters: Query[OrganisationFilters]):
    return filters.filter(Organisation.objects.verified())
