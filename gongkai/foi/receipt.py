"""The receipt (回执) an applicant keeps: what was asked of whom, the code and password, and what happens next.

Shown once, in the response that created the application (the password is never stored in clear), and
printable; the same page serves the staff who register an application that arrived in person or by post.
It echoes the request but never the full identity number.
"""

from django.conf import settings
from django.urls import reverse

from gongkai.documents.guide import guide_of

from . import services
from .privacy import mask_id_number

REPLY_WORKDAYS = 20  # 条例 Art 33: the reply period, in working days from the confirmed receipt
EXTENSION_WORKDAYS = 20  # … which may be extended once by at most this many, with approval


def context(application, password, *, staff=False):
    return {
        "application": application, "password": password, "staff": staff,
        "masked_id": mask_id_number(application.id_number),
        "status_url": f"{getattr(settings, 'SITE_URL', '')}{reverse('foi:status')}",
        "reply_workdays": REPLY_WORKDAYS, "extension_workdays": EXTENSION_WORKDAYS,
        "receipt_text": services.receipt_text(application, password),
        "guide": guide_of(application.target_unit),  # whom the applicant calls with questions
    }
