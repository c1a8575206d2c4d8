import json
from io import StringIO

import osmium
import pytest
from django.core.management import CommandError, call_command

from reserve.apps.lightsoff.models import Category, Shop

pytestmark = pytest.mark.django_db

OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6">
  <node id="1" lat="44.84" lon="-0.57">
    <tag k="shop" v="bakery"/><tag k="name" v="Fournil du Port"/>
    <tag k="opening_hours" v="Tu-Su 07:00-13:00"/><tag k="phone" v="+33 5 56 00 00 01"/>
    <tag k="addr:housenumber" v="3"/><tag k="addr:street" v="quai Richelieu"/>
    <tag k="addr:city" v="Bordeaux"/>
  </node>
  <node id="2" lat="44.85" lon="-0.58">
    <tag k="highway" v="bus_stop"/><tag k="name" v="Arrêt"/>
  </node>
  <node id="3" lat="44.8400" lon="-0.5700"/>
  <node id="4" lat="44.8402" lon="-0.5702"/>
  <way id="10">
    <nd ref="3"/><nd ref="4"/><tag k="shop" v="clothes"/><tag k="name" v="Mode Lumière"/>
  </way>
  <node id="5" lat="40.71" lon="-74.0">
    <tag k="shop" v="clothes"/><tag k="name" v="New York"/>
  </node>
</osm>
"""


def run(path, *args):
    out = StringIO()
    call_command("import_osm_shops", str(path), *args, stdout=out)
    return out.getvalue()


def test_it_imports_tagged_nodes_and_ways_from_osm_xml_with_counts(tmp_path):
    path = tmp_path / "extract.osm"
    path.write_text(OSM_XML)

    output = run(path, "--commune", "33063")

    assert "2 shops created, 0 updated, 1 skipped" in output
    bakery = Shop.objects.get(osm_id="node/1")
    assert bakery.name == "Fournil du Port"
    assert bakery.category == Category.BAKERY
    assert bakery.address == "3 quai Richelieu"
    assert bakery.opening_hours == "Tu-Su 07:00-13:00"
    assert bakery.commune == "33063"
    way = Shop.objects.get(osm_id="way/10")
    assert way.lat == pytest.approx(44.8401)


def test_running_it_again_updates_instead_of_duplicating(tmp_path):
    path = tmp_path / "extract.osm"
    path.write_text(OSM_XML)
    run(path)
    path.write_text(OSM_XML.replace("Fournil du Port", "Fournil du Port (nouveau)"))

    output = run(path)

    assert "0 shops created, 2 updated" in output
    assert Shop.objects.count() == 2
    assert Shop.objects.get(osm_id="node/1").name == "Fournil du Port (nouveau)"


def test_it_imports_overpass_json_including_way_centres(tmp_path):
    path = tmp_path / "overpass.json"
    path.write_text(
        json.dumps(
            {
                "elements": [
                    {"type": "node", "id": 7, "lat": 45.76, "lon": 4.83,
                     "tags": {"amenity": "pharmacy", "name": "Pharmacie des Terreaux"}},
                    {"type": "way", "id": 8, "center": {"lat": 45.761, "lon": 4.834},
                     "tags": {"shop": "shoes", "name": "Chaussures Bellecour"}},
                    {"type": "node", "id": 9, "lat": 45.76, "lon": 4.83, "tags": {"shop": "x"}},
                ]
            }
        )
    )  # fmt: skip

    output = run(path)

    assert "2 shops created" in output
    assert Shop.objects.get(osm_id="node/7").category == Category.PHARMACY
    assert Shop.objects.get(osm_id="way/8").lon == pytest.approx(4.834)


def test_it_imports_a_pbf_extract(tmp_path):
    path = tmp_path / "extract.osm.pbf"
    with osmium.SimpleWriter(str(path)) as writer:
        writer.add_node(
            osmium.osm.mutable.Node(
                id=21,
                location=(-1.556, 47.213),
                tags={"shop": "optician", "name": "Optique Crébillon"},
            )
        )
        writer.add_node(
            osmium.osm.mutable.Node(id=22, location=(-1.557, 47.214), tags={"name": "x"})
        )

    output = run(path)

    assert "1 shops created" in output
    shop = Shop.objects.get(osm_id="node/21")
    assert shop.category == Category.OPTICIAN
    assert shop.lat == pytest.approx(47.213)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "absent.osm")


def test_a_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.osm"
    path.write_text("<osm><node id='1'")

    with pytest.raises(CommandError, match="cannot read"):
        run(path)
