"""Each unit's library of 规章 and 规范性文件 (条例 Art 20 (1)): its documents by validity, the 现行有效 list,
the documents whose 有效期 runs out soon or has run out, and the figures of the annual report's table 二.

A joint document belongs to the library of each of its issuing units. Only published documents are in a
library: a draft is not a rule yet, a withdrawn one is no longer published. The staff pages read through
`Document.objects.visible_to`, the public pages through `Document.objects.public()`.

    in_library(documents, unit)          a unit's 规章 and 规范性文件, joint ones included
    by_validity(documents)               {validity: [documents]} in the order of Validity
    in_force(documents)                  现行有效 (a document of a genre that only lately carries a validity,
                                         with none recorded, counts as in force: validation.py gives new ones that)
    expiring_within(documents, …)        in force, 有效期 ends within `days` days from `today` (today included)
    past_expiry(documents, today=…)      in force, yet the 有效期 ended before `today`
    needing_attention(documents, …)      either of the two
    year_figures(documents, …)           本年制发件数 / 本年废止件数 / 现行有效件数 for one unit or all units
    year_figures_by_genre(documents, …)  the same for 规章 and 规范性文件 apart: the rows of the annual report
    year_figures_by_unit(documents, …)   the same for every unit at once
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from gongkai.events.models import Event

from .models import Category, CategoryKind, Document, Validity

VALIDITY_ORDER = [Validity.IN_FORCE, Validity.AMENDED, Validity.REPEALED, Validity.EXPIRED]
# 本年废止件数 counts the documents that stopped applying in the year: repealed (已废止) and expired (失效).
# An amended document (已修改) lives on in its amended text, so it is counted neither as repealed nor in force
# (its amended text is a document of its own, counted there).
ENDED = frozenset({Validity.REPEALED, Validity.EXPIRED})
IN_FORCE_VALUES = (Validity.IN_FORCE, "")


def library(documents=None):
    """Published 规章 and 规范性文件 of `documents` (default: all documents)."""
    documents = Document.objects.all() if documents is None else documents
    return documents.normative().published()


def in_library(documents, unit):
    """The documents `unit` (a unit, or a list of units) issued, alone or jointly, each once."""
    units = list(unit) if isinstance(unit, list | tuple | set | frozenset) else [unit]
    unit_ids = [getattr(each, "pk", each) for each in units]
    ids = Document.joint_units.through.objects.filter(unit_id__in=unit_ids).values("document_id")
    return documents.filter(Q(unit_id__in=unit_ids) | Q(pk__in=ids))


def in_force(documents):
    return documents.filter(validity__in=IN_FORCE_VALUES)


def no_longer_in_force(documents):
    return documents.exclude(validity__in=IN_FORCE_VALUES)


def expiring_within(documents, *, today, days):
    """In force, and the 有效期 ends between `today` and `today + days` (both included): still valid, soon not."""
    return in_force(documents).filter(expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=days))


def past_expiry(documents, *, today):
    """Still marked 现行有效 although the 有效期 ended before `today`: someone has to confirm 失效."""
    return in_force(documents).filter(expires_on__lt=today)


def needing_attention(documents, *, today, days):
    """Both of the above: in force and the 有效期 ends within `days` days or has ended."""
    return in_force(documents).filter(expires_on__lte=today + datetime.timedelta(days=days))


def for_listing(documents):
    """What a library page shows of each document: the issuing unit and the document that replaced it."""
    return documents.select_related("unit", "genre", "superseded_by").order_by("-published_at", "-id")


def by_validity(documents):
    """[(validity, [documents])] in the order 现行有效, 已修改, 已废止, 失效, every validity listed."""
    groups = {validity: [] for validity in VALIDITY_ORDER}
    for document in documents:
        groups[Validity(document.validity) if document.validity else Validity.IN_FORCE].append(document)
    return list(groups.items())


def validity_counts(documents):
    """{validity: count} of `documents`, every validity present (0 where none)."""
    counts = dict.fromkeys(VALIDITY_ORDER, 0)
    for validity in documents.order_by().values_list("validity", flat=True):
        counts[Validity(validity) if validity else Validity.IN_FORCE] += 1
    return counts


def expiry_state(document, *, today, days):
    """"past" when a document in force has outlived its 有效期, "soon" when it ends within `days`, else ""."""
    if document.validity not in IN_FORCE_VALUES or document.expires_on is None:
        return ""
    if document.expires_on < today:
        return "past"
    if document.expires_on <= today + datetime.timedelta(days=days):
        return "soon"
    return ""


# --- the figures of table 二, 第二十条第（一）项 ---------------------------------------------------------

@dataclass(frozen=True)
class YearFigures:
    """本年制发件数, 本年废止件数 and 现行有效件数 of one year (rules.md §5.1, table 二)."""

    year: int
    issued: int = 0
    ended: int = 0
    in_force: int = 0


@dataclass
class _Row:
    validity: str
    published_on: datetime.date
    ended_on: datetime.date | None


def year_figures(documents, *, year, today=None, unit=None):
    """The figures of `year` for `unit` (a joint document counts for each issuer), or for all of
    `documents` when `unit` is None. `documents` is already a library (see `library`).

    * 本年制发件数: published in the year (发布日期);
    * 本年废止件数: repealed or expired in the year — on the day the repealing document was published,
      else on the last day of its 有效期, else on the day the validity was recorded;
    * 现行有效件数: in force at the end of the year (today, for the year under way): published by then and
      not yet amended, repealed or expired by then.
    """
    rows = _rows(documents if unit is None else in_library(documents, unit))
    return _figures(rows.values(), year=year, today=today)


def year_figures_by_genre(documents, *, year, today=None, unit=None):
    """[(genre, YearFigures)] for every genre that carries a validity (规章, 规范性文件), in the office's order:
    the rows of table 二's block 第二十条第（一）项, each listed even when it has no document."""
    rows = _rows(documents if unit is None else in_library(documents, unit))
    genre_of = dict(documents.order_by().values_list("pk", "genre_id"))
    return [(genre, _figures([row for pk, row in rows.items() if genre_of.get(pk) == genre.pk], year=year, today=today))
            for genre in Category.objects.filter(kind=CategoryKind.GENRE, has_validity=True)]


def year_figures_by_unit(documents, *, year, today=None):
    """{unit id: YearFigures} of every unit with a document in `documents`, joint issuers included."""
    rows = _rows(documents)
    members = {}
    for document_id, unit_id in documents.order_by().values_list("pk", "unit_id"):
        members.setdefault(unit_id, set()).add(document_id)
    for document_id, unit_id in Document.joint_units.through.objects.filter(
            document__in=documents.order_by().values("pk")).values_list("document_id", "unit_id"):
        members.setdefault(unit_id, set()).add(document_id)
    return {unit_id: _figures([rows[pk] for pk in ids], year=year, today=today) for unit_id, ids in members.items()}


def _figures(rows, *, year, today):
    today = today or timezone.localdate()
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    as_of = min(last, today)
    issued = ended = standing = 0
    for row in rows:
        if first <= row.published_on <= last:
            issued += 1
        if row.validity in ENDED and row.ended_on and first <= row.ended_on <= last:
            ended += 1
        if row.published_on <= as_of and (row.validity in IN_FORCE_VALUES or (row.ended_on and row.ended_on > as_of)):
            standing += 1
    return YearFigures(year=year, issued=issued, ended=ended, in_force=standing)


def _rows(documents):
    """{pk: _Row} with the day each document was published and, if it no longer applies, the day it ended."""
    rows, unknown = {}, []
    for pk, validity, published_at, expires_on, replaced_at in documents.order_by().values_list(
            "pk", "validity", "published_at", "expires_on", "superseded_by__published_at"):
        ended_on = None
        if validity not in IN_FORCE_VALUES:
            if replaced_at:
                ended_on = _local_day(replaced_at)
            elif validity == Validity.EXPIRED and expires_on:
                ended_on = expires_on
            else:
                unknown.append(pk)
        rows[pk] = _Row(validity=validity, published_on=_local_day(published_at), ended_on=ended_on)
    for pk, recorded_at in _validity_recorded(unknown).items():
        rows[pk].ended_on = _local_day(recorded_at)
    return rows


def _validity_recorded(pks):
    """{document pk: when its present validity was last recorded} from the event log (one query)."""
    if not pks:
        return {}
    recorded = {}
    events = Event.objects.filter(verb="documents.validity_changed", subject_id__in=[str(pk) for pk in pks],
                                  subject_type__app_label="documents", subject_type__model="document")
    for subject_id, created_at in events.order_by("created_at", "id").values_list("subject_id", "created_at"):
        recorded[int(subject_id)] = created_at
    return recorded


def _local_day(moment):
    return timezone.localtime(moment).date() if moment else datetime.date.min
