"""Choice widgets that render their options in Python, and only once per language.

Django renders each option of a select or checkbox list through its own template; with a hundred
départements, thirty skills and twenty checkboxes, that alone cost the staff search page tens of
milliseconds. These produce the same HTML as Django's templates. Options that come from fixed
choices (not a queryset) are built once per field, language and set of choices, then only the
selected ones are marked, by a string replacement.
"""

import copy

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# (widget class, name, id, language, choice values) → the options' HTML, nothing selected.
_OPTIONS: dict[tuple, str] = {}


def _value(option) -> str:
    return "" if option["value"] is None else str(option["value"])


def _cache_key(widget, name, base_id):
    """None for choices that may change (a queryset, rows); otherwise what fixes the options'
    HTML (labels are left out: they only change with the language)."""
    if not widget.fixed_choices or isinstance(widget.choices, ModelChoiceIterator):
        return None
    values = []
    for value, label in widget.choices:
        if isinstance(label, list | tuple):
            values.append((str(value), tuple(str(v) for v, _label in label)))
        else:
            values.append(str(value))
    return (type(widget), name, base_id, get_language(), tuple(values))


def _mark(html: str, selected, template: str, marker: str) -> str:
    for value in selected:
        target = template.format(escape(value))
        html = html.replace(target, target[:-1] + marker + ">", 1)
    return html


class SharedChoicesWidget:
    """Copied for each form without copying (and normalising again) its fixed choices."""

    def __deepcopy__(self, memo):
        obj = copy.copy(self)
        obj.attrs = self.attrs.copy()
        memo[id(self)] = obj
        return obj


class FastSelect(SharedChoicesWidget, forms.Select):
    fixed_choices = True  # False: choices from the database, whose labels may change

    def _options(self, widget) -> str:
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (_value(o), mark_safe(" selected") if o["selected"] else "", o["label"])
                    for o in options
                ),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
                if group_name
                else rendered
            )
        return "".join(groups)

    def render(self, name, value, attrs=None, renderer=None):
        key = _cache_key(self, name, "")
        if key is None:
            widget = self.get_context(name, value, attrs)["widget"]
            options = self._options(widget)
        else:
            widget = {"attrs": self.build_attrs(self.attrs, attrs), "name": name}
            if key not in _OPTIONS:
                _OPTIONS[key] = self._options(self.get_context(name, [], attrs)["widget"])
            selected = self.format_value(value)
            if not self.allow_multiple_selected:
                selected = selected[:1]
            options = _mark(_OPTIONS[key], selected, '<option value="{}">', " selected")
        attributes = {**widget["attrs"], "name": widget["name"]}
        if self.allow_multiple_selected:
            attributes["multiple"] = True
        return format_html("<select{}>{}</select>", flatatt(attributes), mark_safe(options))


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    allow_multiple_selected = True


class FastCheckboxes(SharedChoicesWidget, forms.CheckboxSelectMultiple):
    fixed_choices = True

    def _items(self, widget, base_id) -> str:
        return format_html_join(
            "",
            '<div><label for="{0}_{1}"><input type="checkbox" name="{2}" value="{3}" '
            'id="{0}_{1}"{4}> {5}</label></div>',
            (
                (base_id, o["index"], widget["name"], _value(o),
                 mark_safe(" checked") if o["selected"] else "", o["label"])
                for _group, options, _index in widget["optgroups"]
                for o in options
            ),
        )  # fmt: skip

    def render(self, name, value, attrs=None, renderer=None):
        base_id = self.build_attrs(self.attrs, attrs).get("id", "")
        key = _cache_key(self, name, base_id)
        if key is None:
            items = self._items(self.get_context(name, value, attrs)["widget"], base_id)
        else:
            if key not in _OPTIONS:
                _OPTIONS[key] = self._items(self.get_context(name, [], attrs)["widget"], base_id)
            # Each value's input ends with its own id: the replacement cannot hit another one.
            ids = {_value(o): f"{base_id}_{o['index']}" for o in self._plain_options()}
            template = '" value="{}" id="{}">'
            items = _OPTIONS[key]
            for selected in self.format_value(value):
                if selected in ids:
                    target = template.format(escape(selected), escape(ids[selected]))
                    items = items.replace(target, target[:-1] + " checked>", 1)
        return format_html('<div id="{}">{}</div>', base_id, mark_safe(items))

    def _plain_options(self):
        for index, (value, label) in enumerate(self.choices):
            yield {"value": value, "label": label, "index": str(index)}


def _attributes(attrs: dict) -> str:
    """As Django's attrs.html writes them: in order, True bare, False left out."""
    return format_html_join(
        "",
        "{}{}",
        (
            (f" {name}", "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class FastInput(forms.widgets.Input):
    """An input rendered in Python, as Django's input template would render it."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = {"type": self.input_type, "name": name}
        value = self.format_value(value)
        if value is not None:
            attributes["value"] = value
        attributes.update(self.build_attrs(self.attrs, attrs))
        return format_html("<input{}>", _attributes(attributes))


class FastTextInput(FastInput, forms.TextInput):
    pass


class FastNumberInput(FastInput, forms.NumberInput):
    pass


class FastDateInput(FastInput, forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
