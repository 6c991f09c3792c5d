"""A bulletin as PDF: the same content as the Word file, laid out by WeasyPrint from an HTML template.

Fonts are named explicitly and the page is marked lang="zh-CN"; otherwise a CJK font's Japanese glyph
variants may be chosen. The Noto CJK fonts come from Debian's fonts-noto-cjk package.
"""

from django.template.loader import render_to_string

from .content import bulletin_content

PDF_TYPE = "application/pdf"


def bulletin_html(bulletin):
    return render_to_string("bulletins/bulletin_pdf.html", {"content": bulletin_content(bulletin)})


def bulletin_pdf(bulletin):
    """The bulletin as PDF bytes."""
    from weasyprint import HTML  # imported here: loading Pango costs time that only PDF requests should pay

    return HTML(string=bulletin_html(bulletin)).write_pdf()
