"""CSV exports that cannot attack a spreadsheet.

A cell beginning with =, +, -, @, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets ("CSV injection"): a name typed as `=HYPERLINK(...)` would run in
the reader's spreadsheet. Every export writes through these writers, which prefix such text
cells with an apostrophe, as OWASP recommends. Numbers are written as they are.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def safe_writer(file, **options) -> _SafeWriter:
    """`csv.writer(file, **options)` whose text cells cannot start a formula."""
    return _SafeWriter(csv.writer(file, **options))


class SafeDictWriter(csv.DictWriter):
    """`csv.DictWriter` whose text cells cannot start a formula."""

    def writerow(self, rowdict):
        return super().writerow({key: neutralise(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)
