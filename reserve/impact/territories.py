"""Where the challenges are: each placed in its region, for a schematic map. Pure module.

The map is a tile map: one square per region (2016 map of regions), laid out roughly as France
lies, the five overseas regions on the last row. Regions, not shapes: a challenge names its
territory in words (a region, a département or a commune), and a region is what those words
can always be brought to, except a commune, which is counted apart.
"""

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    column: int
    row: int
    departements: tuple[str, ...]


REGIONS = (
    Region("HDF", "Hauts-de-France", 2, 0, ("02", "59", "60", "62", "80")),
    Region("NOR", "Normandie", 1, 1, ("14", "27", "50", "61", "76")),
    Region("IDF", "Île-de-France", 2, 1, ("75", "77", "78", "91", "92", "93", "94", "95")),
    Region("GES", "Grand Est", 3, 1, ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88")),
    Region("BRE", "Bretagne", 0, 2, ("22", "29", "35", "56")),
    Region("PDL", "Pays de la Loire", 1, 2, ("44", "49", "53", "72", "85")),
    Region("CVL", "Centre-Val de Loire", 2, 2, ("18", "28", "36", "37", "41", "45")),
    Region(
        "BFC", "Bourgogne-Franche-Comté", 3, 2, ("21", "25", "39", "58", "70", "71", "89", "90")
    ),
    Region(
        "NAQ",
        "Nouvelle-Aquitaine",
        1,
        3,
        ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"),
    ),
    Region(
        "ARA",
        "Auvergne-Rhône-Alpes",
        3,
        3,
        ("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"),
    ),
    Region(
        "OCC",
        "Occitanie",
        2,
        4,
        ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    ),
    Region("PAC", "Provence-Alpes-Côte d'Azur", 3, 4, ("04", "05", "06", "13", "83", "84")),
    Region("COR", "Corse", 4, 4, ("2A", "2B")),
    Region("GUA", "Guadeloupe", 0, 5, ("971",)),
    Region("MTQ", "Martinique", 1, 5, ("972",)),
    Region("GUF", "Guyane", 2, 5, ("973",)),
    Region("REU", "La Réunion", 3, 5, ("974",)),
    Region("MAY", "Mayotte", 4, 5, ("976",)),
)
REGION_OF_DEPARTEMENT = {code: region for region in REGIONS for code in region.departements}


def plain(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(letters.replace("-", " ").replace("'", " ").replace("’", " ").split())


def region_of(level: str, name: str, departements: dict[str, str]) -> Region | None:
    """The region a territory lies in; `departements` maps codes to names. None if unknown."""
    wanted = plain(name)
    if level == "region":
        return next((r for r in REGIONS if plain(r.name) == wanted), None)
    if level == "departement":
        for code, label in departements.items():
            if wanted in (plain(label), plain(code)):
                return REGION_OF_DEPARTEMENT.get(code)
    return None


@dataclass(frozen=True)
class Tile:
    region: Region
    count: int
    shade: int  # 0 (none) to 4 (the most)


def tiles(counts: dict[str, int]) -> list[Tile]:
    """Every region with its count of challenges and a shade relative to the largest."""
    top = max(counts.values(), default=0)
    return [
        Tile(region, counts.get(region.code, 0), _shade(counts.get(region.code, 0), top))
        for region in REGIONS
    ]


def _shade(count: int, top: int) -> int:
    if count == 0 or top == 0:
        return 0
    return max(1, round(4 * count / top))
