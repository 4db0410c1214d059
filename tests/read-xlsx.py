#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a spreadsheet back as a spreadsheet program does (openpyxl) and
prints it as JSON: every sheet with its rows, each cell as [type, value],
the type being "number", "date", "text" or "empty", and the sheet's frozen
panes and filter. For the tests of the spreadsheet export."""

import datetime
import json
import sys

import openpyxl


def cell(value):
    if value is None:
        return ["empty", None]
    if isinstance(value, bool):
        return ["text", str(value)]
    if isinstance(value, (int, float)):
        return ["number", value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return ["date", value.isoformat()]
    return ["text", str(value)]


workbook = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in workbook.worksheets:
    sheets.append({
        "name": sheet.title,
        "frozen": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "rows": [[cell(v) for v in row] for row in sheet.iter_rows(values_only=True)],
    })
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
