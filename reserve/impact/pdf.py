"""PDF documents: the time statement for employers and the volunteer's engagement certificate.

ReportLab, not WeasyPrint: it installs with pip alone (wheels, no system library), so a fresh
machine, the CI image and a laptop build the same PDF; our documents are a title, paragraphs and
a table, which its layout engine does well.
"""

from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

STYLES = getSampleStyleSheet()
# A4 less the margins leaves 17 cm: long titles wrap in their column.
STATEMENT_COLUMNS = [3 * cm, 10 * cm, 3.5 * cm]
CERTIFICATE_COLUMNS = [8 * cm, 5 * cm, 3.5 * cm]


def _text(value, style="BodyText"):
    return Paragraph(escape(str(value)), STYLES[style])


def _table(header, rows, widths):
    table = Table([header, *rows], repeatRows=1, hAlign="LEFT", colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _render(title: str, flowables) -> bytes:
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="La Réserve", leftMargin=2 * cm, rightMargin=2 * cm
    )
    document.build([_text(title, "Title"), *flowables])
    return buffer.getvalue()


def hours(value) -> str:
    return number_format(value, decimal_pos=2)


def time_statement(statement, verify_url: str) -> bytes:
    period = {
        "start": date_format(statement.period_start, "SHORT_DATE_FORMAT"),
        "end": date_format(statement.period_end, "SHORT_DATE_FORMAT"),
    }
    rows = [
        [
            date_format(date.fromisoformat(line["week"]), "SHORT_DATE_FORMAT"),
            _text(line["challenge"]),
            hours(line["hours"]),
        ]
        for line in statement.lines
    ]
    rows.append(["", _("Total"), hours(statement.hours)])
    flowables = [
        _text(_("Salarié·e : %(name)s") % {"name": statement.employee_name}),
        _text(_("Employeur : %(name)s") % {"name": statement.employer.name}),
        _text(_("Organisation bénéficiaire : %(name)s") % {"name": statement.beneficiary.name}),
        _text(_("Période : du %(start)s au %(end)s") % period),
        Spacer(1, 0.4 * cm),
        _table([_("Semaine du"), _("Défi"), _("Heures validées")], rows, STATEMENT_COLUMNS),
        Spacer(1, 0.4 * cm),
        _text(
            _(
                "Heures déclarées chaque semaine par la personne et validées par le responsable "
                "de l'équipe ou par l'organisation porteuse du défi, sur la plateforme La Réserve."
            )
        ),
        _text(
            _(
                "Ce relevé n'est pas un reçu fiscal. Seule l'organisation bénéficiaire, si elle "
                "est éligible au mécénat (CGI art. 238 bis), délivre le reçu fiscal (cerfa "
                "n° 16216) ; la valorisation des heures au coût est de la responsabilité de "
                "l'employeur."
            )
        ),
        Spacer(1, 0.4 * cm),
        _text(_("Vérifier ce relevé : %(url)s") % {"url": verify_url}),
        _text(_("Empreinte SHA-256 : %(digest)s") % {"digest": statement.digest}, "Code"),
        _text(
            _("Émis le %(date)s")
            % {"date": date_format(statement.issued_at, "SHORT_DATETIME_FORMAT")}
        ),
    ]
    return _render(_("Relevé d'heures de mécénat de compétences"), flowables)


def certificate(name: str, engagements, total_hours, issued_on) -> bytes:
    rows = [[_text(e["challenge"]), _text(e["role"]), hours(e["hours"])] for e in engagements]
    flowables = [
        _text(
            _(
                "La Réserve atteste que %(name)s s'est engagé·e bénévolement sur les défis "
                "d'intérêt général suivants :"
            )
            % {"name": name}
        ),
        Spacer(1, 0.4 * cm),
        _table([_("Défi"), _("Rôle"), _("Heures validées")], rows, CERTIFICATE_COLUMNS),
        Spacer(1, 0.4 * cm),
        _text(_("Total des heures validées : %(hours)s") % {"hours": hours(total_hours)}),
    ]
    for engagement in engagements:
        if engagement["deliverables"]:
            flowables.append(
                _text(
                    _("Livrables de « %(challenge)s » : %(list)s")
                    % {
                        "challenge": engagement["challenge"],
                        "list": ", ".join(engagement["deliverables"]),
                    }
                )
            )
    flowables.append(_text(_("Fait le %(date)s") % {"date": date_format(issued_on, "DATE_FORMAT")}))
    return _render(_("Attestation d'engagement"), flowables)
