"""How every form of the platform renders: one field template (core/components/field.html)."""

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    field_template_name = "core/components/field.html"
