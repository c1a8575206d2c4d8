import datetime

import pytest
from django import forms
from django.utils import translation

from reserve.reservists.forms import PoolSearchForm
from reserve.reservists.widgets import (
    _OPTIONS,
    FastCheckboxes,
    FastDateInput,
    FastNumberInput,
    FastSelect,
    FastSelectMultiple,
    FastTextInput,
)


def render(widget, value, name="f", attrs=None):
    return str(widget.render(name, value, attrs))


def test_a_select_marks_only_the_chosen_option_once_its_options_are_cached():
    widget = FastSelect(choices=[("", "tous"), ("33", "Gironde"), ("34", "Hérault")])

    first = render(widget, "33", attrs={"id": "id_f"})
    second = render(widget, "34", attrs={"id": "id_f"})

    assert '<option value="33" selected>Gironde</option>' in first
    assert '<option value="34">Hérault</option>' in first
    assert '<option value="34" selected>Hérault</option>' in second
    assert '33" selected' not in second
    assert "tous" not in first.split("selected")[0][-30:]
    assert render(widget, None).count("selected") == 1  # the empty choice, as Django does
    assert '<option value="" selected>tous</option>' in render(widget, None)


def test_a_multiple_select_marks_every_chosen_option_in_groups():
    widget = FastSelectMultiple(
        choices=[("Tech", [("a", "A"), ("b", "B")]), ("Design", [("c", "C")])]
    )

    html = render(widget, ["a", "c"])

    assert html.startswith('<select name="f" multiple>')
    assert '<optgroup label="Tech"><option value="a" selected>A</option>' in html
    assert '<option value="c" selected>C</option>' in html
    assert '<option value="b">B</option>' in html


def test_checkboxes_are_checked_from_the_value():
    widget = FastCheckboxes(choices=[("fr", "Français"), ("en", "Anglais")])

    html = render(widget, ["en"], attrs={"id": "id_f"})

    assert 'value="en" id="id_f_1" checked>' in html
    assert 'value="fr" id="id_f_0">' in html
    assert render(widget, [], attrs={"id": "id_f"}).count("checked") == 0


@pytest.mark.django_db
def test_the_cached_options_follow_the_language():
    _OPTIONS.clear()
    with translation.override("fr"):
        french = str(PoolSearchForm({"work_mode": "remote"})["work_mode"])
    with translation.override("en"):
        english = str(PoolSearchForm({"work_mode": "remote"})["work_mode"])

    assert "À distance" in french
    assert english != french
    assert 'value="remote" selected' in english


@pytest.mark.django_db
def test_the_search_form_renders_as_it_did_before_caching():
    data = {"skills": ["design.ux", "tech.data"], "departement": "33", "themes": ["energy"]}
    _OPTIONS.clear()
    fresh = {name: str(PoolSearchForm(data)[name]) for name in PoolSearchForm.base_fields}
    cached = {name: str(PoolSearchForm(data)[name]) for name in PoolSearchForm.base_fields}

    assert fresh == cached
    widget = PoolSearchForm.base_fields["departement"].widget
    uncached = widget._options(widget.get_context("departement", "33", None)["widget"])
    assert uncached in cached["departement"]
    assert '<option value="33" selected>' in cached["departement"]
    assert 'value="design.ux" selected' in cached["skills"]


@pytest.mark.parametrize(
    ("fast", "django", "value"),
    [
        (FastTextInput(), forms.TextInput(), 'énergie "solaire" <b>'),
        (FastTextInput(), forms.TextInput(), None),
        (FastNumberInput(), forms.NumberInput(), 12),
        (FastDateInput(), forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), None),
        (
            FastDateInput(),
            forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            datetime.date(2030, 5, 1),
        ),
    ],
)
def test_fast_inputs_render_what_django_renders(fast, django, value):
    attrs = {"id": "id_f", "aria-invalid": "true", "required": True, "min": 0}

    assert render(fast, value, attrs=attrs) == render(django, value, attrs=attrs)
