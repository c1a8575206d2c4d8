"""Read shops out of OpenStreetMap extracts: `.osm` XML, Overpass JSON, `.osm.pbf`.

Each reader yields plain dicts (`osm_id`, `lat`, `lon`, `tags`) for the nodes and ways tagged
`shop=*` (or a few shop-like `amenity`/`office` values); a way is placed at the mean of its nodes.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import iterparse

from .models import Category

SHOP_AMENITIES = {"pharmacy", "bank", "restaurant", "cafe", "fast_food", "bar"}
CATEGORY_OF = {
    "clothes": Category.CLOTHES, "fashion": Category.CLOTHES, "boutique": Category.CLOTHES,
    "supermarket": Category.SUPERMARKET, "convenience": Category.SUPERMARKET,
    "bakery": Category.BAKERY, "pastry": Category.BAKERY, "pharmacy": Category.PHARMACY,
    "chemist": Category.PHARMACY, "bank": Category.BANK, "restaurant": Category.RESTAURANT,
    "cafe": Category.RESTAURANT, "fast_food": Category.RESTAURANT, "bar": Category.RESTAURANT,
    "hairdresser": Category.HAIRDRESSER, "beauty": Category.HAIRDRESSER,
    "estate_agent": Category.ESTATE_AGENT, "optician": Category.OPTICIAN,
    "mobile_phone": Category.PHONE, "electronics": Category.PHONE, "shoes": Category.SHOES,
    "car": Category.CAR, "car_repair": Category.CAR,
}  # fmt: skip


def is_shop(tags: dict) -> bool:
    return bool(tags.get("name")) and (
        "shop" in tags
        or tags.get("amenity") in SHOP_AMENITIES
        or tags.get("office") == "estate_agent"
    )


def shop_fields(tags: dict) -> dict:
    """Our Shop fields from OSM tags (only business information)."""
    kind = tags.get("shop") or tags.get("amenity") or tags.get("office") or ""
    street = " ".join(p for p in (tags.get("addr:housenumber"), tags.get("addr:street")) if p)
    return {
        "name": tags["name"][:200],
        "category": CATEGORY_OF.get(kind, Category.OTHER),
        "address": street[:300],
        "city": tags.get("addr:city", "")[:120],
        "commune": tags.get("ref:INSEE", "")[:5],
        "phone": (tags.get("phone") or tags.get("contact:phone") or "")[:40],
        "website": (tags.get("website") or tags.get("contact:website") or "")[:300],
        "opening_hours": tags.get("opening_hours", "")[:255],
    }


def read(path: Path) -> Iterator[dict]:
    name = path.name.lower()
    if name.endswith(".pbf"):
        return read_pbf(path)
    if name.endswith(".json"):
        return read_overpass_json(path)
    return read_osm_xml(path)


def read_osm_xml(path: Path) -> Iterator[dict]:
    nodes: dict[str, tuple[float, float]] = {}
    tags: dict[str, str] = {}
    refs: list[str] = []
    for _event, element in iterparse(path, events=("end",)):
        if element.tag == "tag":
            tags[element.get("k")] = element.get("v", "")
        elif element.tag == "nd":
            refs.append(element.get("ref"))
        elif element.tag in ("node", "way", "relation"):
            if element.tag == "node":
                position = (float(element.get("lat")), float(element.get("lon")))
                nodes[element.get("id")] = position
                if is_shop(tags):
                    yield _item("node", element.get("id"), *position, tags)
            elif element.tag == "way" and is_shop(tags):
                points = [nodes[r] for r in refs if r in nodes]
                if points:
                    yield _item("way", element.get("id"), *_centre(points), tags)
            tags, refs = {}, []
            element.clear()


def read_overpass_json(path: Path) -> Iterator[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for element in data.get("elements", []):
        tags = element.get("tags", {})
        if not is_shop(tags):
            continue
        if "lat" in element:
            lat, lon = element["lat"], element["lon"]
        elif "center" in element:
            lat, lon = element["center"]["lat"], element["center"]["lon"]
        else:
            continue
        yield _item(element["type"], element["id"], lat, lon, tags)


def read_pbf(path: Path) -> Iterator[dict]:
    import osmium

    processor = (
        osmium.FileProcessor(str(path))
        .with_locations()
        .with_filter(osmium.filter.KeyFilter("shop", "amenity", "office"))
    )
    for obj in processor:
        tags = dict(obj.tags)
        if not is_shop(tags):
            continue
        if obj.is_node():
            yield _item("node", obj.id, obj.location.lat, obj.location.lon, tags)
        elif obj.is_way():
            points = [(n.lat, n.lon) for n in obj.nodes if n.location.valid()]
            if points:
                yield _item("way", obj.id, *_centre(points), tags)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _item(kind: str, osm_id, lat: float, lon: float, tags: dict) -> dict:
    return {"osm_id": f"{kind}/{osm_id}", "lat": lat, "lon": lon, "tags": tags}
