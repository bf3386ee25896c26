"""Spreadsheets in and out: rosters from .xlsx/.csv with column mapping and checks, typed exports.

- ``plan.build_plan(ctx, path, sheet=, mapping=, village_id=, progress=)`` → :class:`model.ImportPlan`:
  the preview (nothing written), every problem with its row, what each household will become.
- ``apply.apply_plan(ctx, plan, progress=)`` → :class:`model.ImportResult`: one transaction, the change log
  naming the file (``xlsx:<name>``), a backup first.
- ``plan.inspect_sheet(path, sheet)``: sheets, the header found and sample rows (the wizard's first pages).
- ``headers.ColumnMapping``: column → field, saved and loaded as JSON.
- ``export.export_table(ctx, path, what, household_filter=)``: households | members | ledger | problems as
  .xlsx or .csv, of every household or of the list as filtered; written atomically (``sheets.write_table``:
  a failure raises ``sheets.ExportError`` in Chinese and leaves no file).
- ``xlsx_rows.sheet_values(ws)``: a sheet's rows as openpyxl's read-only ``iter_rows(values_only=True)`` gives
  them, with less work per cell (what the import reads with).
- ``bench.run_xlsx_bench(work_dir)``: ``fupin bench xlsx``.

openpyxl is imported where a file is read or written, never at import time.
"""
