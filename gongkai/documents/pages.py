"""What the staff page and the public page of a document both show: the metadata table as Chinese
disclosure pages lay it out, and the interpretations the public may read."""

import difflib

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.foi.grounds import GROUNDS

from .models import DisclosureAttribute, Document
from .sanitising import plain_text

GROUND_CITATIONS = {ground.key: f"{ground.citation}（{ground.title}）" for ground in GROUNDS}


def issuers(document):
    """发布机构: the issuing unit, then the joint issuers."""
    return "、".join([document.unit.name, *document.joint_units.order_by("name").values_list("name", flat=True)])


def metadata_rows(document, *, public=False):
    """(label, value) in the order of Chinese disclosure pages; '—' where nothing was given."""
    published = timezone.localtime(document.published_at).strftime("%Y-%m-%d") if document.published_at else ""
    rows = [
        (_("Index number (索引号)"), document.index_number or ("" if public else _("given at publication"))),
        (_("Issuing unit (发布机构)"), issuers(document)),
        (_("Date written (成文日期)"), document.written_on.strftime("%Y-%m-%d") if document.written_on else ""),
        (_("Document number (文号)"), document.number),
        (_("Date published (发布日期)"), published),
        (_("Subject category (主题分类)"), document.topic.name if document.topic_id else ""),
        (_("Genre (体裁分类)"), document.genre.name if document.genre_id else ""),
        (_("Disclosure attribute (公开属性)"), document.get_attribute_display()),
    ]
    if not public and document.attribute != DisclosureAttribute.PROACTIVE:
        rows.append((_("Why it is not disclosed proactively"), document.attribute_reason))
        rows.append((_("Legal ground"), GROUND_CITATIONS.get(document.legal_ground, document.legal_ground)))
    if document.genre_id and document.genre.has_validity:
        rows.append((_("Validity (有效性)"), document.get_validity_display()))
        rows.append((_("Valid until (有效期)"), document.expires_on.strftime("%Y-%m-%d") if document.expires_on
                     else _("not limited")))
    if document.keywords:
        rows.append((_("Keywords"), "、".join(document.keywords)))
    return [(label, value or "—") for label, value in rows]


def public_interpretations(document):
    """The public interpretations of a policy, or the public policy an interpretation explains."""
    return list(Document.objects.public().filter(interprets=document).order_by("published_at", "id"))


def text_changes(older, newer):
    """What changed in the text from one version to the next: [(mark, line)], mark "+" added, "-" removed,
    " " unchanged context; at most three lines of context around each change."""
    old_lines, new_lines = plain_text(older).splitlines(), plain_text(newer).splitlines()
    changes = []
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=3):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            changes.append(("…", ""))
            continue
        changes.append((line[:1], line[1:]))
    return changes


IMAGE_KINDS = frozenset({"PNG", "JPEG", "GIF", "WebP"})


def images_of(attachments):
    """The attachments a page shows as pictures (a 图解 is read, not downloaded); the rest stay links."""
    return [attachment for attachment in attachments if attachment.kind in IMAGE_KINDS]
