"""Ledger fixtures: the 2021 plan turned into assignments, and the people who work them."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.ledger.services import generate_assignments

PLAN_START = datetime.date(2021, 7, 5)


@pytest.fixture
def ledger(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


def pdf_file(name="evidence.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", content_type="application/pdf")


def docx_file(name="report.docx"):
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("整改情况报告")
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())
