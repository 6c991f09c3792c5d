"""Bulk import of documents from an existing site: readers per format → one record model → checks → write.

readers.py      JSON Lines (gongkai.document/v1), CSV (UTF-8 with or without BOM, GB18030) and XLSX
                listings → SourceRow (line number + the format's field names)
checking.py     every row against the directory, the catalogue and the rules of documents/validation.py,
                and against what is already imported: the ImportPlan, with each row's problems by line
files.py        where attachments come from: a folder (--files DIR) or an uploaded ZIP, checked safely
writing.py      the plan written through documents/services.py in one transaction, one event per file
staging.py      the web flow: an uploaded listing kept on the server between preview and confirmation

Nothing is half-imported: one bad row and nothing is written; the dry run and the web preview show
the same report the import would. Importing the same listing again creates nothing twice: a row is
"already imported" when a document with its source address (url) exists, or, without a url, one of
the same unit with the same 文号 and title.
"""
