"""Proactive disclosure (主动公开): documents and what organises them.

document.py     the document, its versions, attachments, categories and the index-number counter
columns.py      the disclosure column tree (信息公开专栏) and historical topics (专题 / 历史专题)
gazette.py      the government gazette (政府公报): issues, articles, the distribution list
guide.py        each unit's disclosure guide (公开指南) as structured contact data
settings.py     the office's settings for proactive disclosure (one row)
imports.py      listings uploaded for bulk import, kept between preview and confirmation
"""

from .columns import Column, Topic, UpdateClass
from .document import (
    SUPERSEDED,
    Attachment,
    Category,
    CategoryKind,
    DisclosureAttribute,
    Document,
    DocumentState,
    DocumentVersion,
    IndexCounter,
    InterpretationKind,
    Validity,
)
from .gazette import GazetteArticle, GazetteIssue, GazetteRecipient
from .guide import DisclosureGuide
from .imports import DocumentImport, DocumentImportStatus
from .settings import DocumentSettings

__all__ = [
    "SUPERSEDED",
    "Attachment", "Category", "CategoryKind", "Column", "DisclosureAttribute", "DisclosureGuide", "Document",
    "DocumentImport", "DocumentImportStatus", "DocumentSettings", "DocumentState", "DocumentVersion",
    "GazetteArticle", "GazetteIssue", "GazetteRecipient",
    "IndexCounter", "InterpretationKind", "Topic", "UpdateClass", "Validity",
]
