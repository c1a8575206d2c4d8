from reserve.impact import territories
from reserve.reservists.departements import DEPARTEMENTS


def test_every_departement_lies_in_one_region():
    assert set(territories.REGION_OF_DEPARTEMENT) == set(DEPARTEMENTS)
    codes = [code for region in territories.REGIONS for code in region.departements]
    assert len(codes) == len(set(codes)) == 101


def test_no_two_regions_share_a_tile():
    places = [(region.column, region.row) for region in territories.REGIONS]
    assert len(places) == len(set(places))


def test_a_territory_is_placed_by_its_region_or_departement_name():
    region_of = territories.region_of
    assert region_of("departement", "Lozère", DEPARTEMENTS).code == "OCC"
    assert region_of("departement", "cotes d'armor", DEPARTEMENTS).code == "BRE"
    assert region_of("departement", "2A", DEPARTEMENTS).code == "COR"
    assert region_of("region", "Provence-Alpes-Côte d’Azur", DEPARTEMENTS).code == "PAC"
    assert region_of("commune", "Bordeaux", DEPARTEMENTS) is None
    assert region_of("departement", "Atlantide", DEPARTEMENTS) is None


def test_tiles_shade_relative_to_the_largest_count():
    shades = {t.region.code: t.shade for t in territories.tiles({"OCC": 4, "BRE": 1})}
    assert shades["OCC"] == 4
    assert shades["BRE"] == 1
    assert shades["IDF"] == 0
