"""Each unit's library of 规章 and 规范性文件: grouped by validity, the year's figures of the annual report's
table 二 (第二十条第（一）项), joint documents, the 现行有效文件目录 workbook, who reads which library, and
the public library that shows only what the public may read.

Time is pinned to Thursday 2026-12-03 in Shanghai.
"""

import datetime
import io
from contextlib import contextmanager
from unittest import mock

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.documents import regulations, services
from gongkai.documents.models import DisclosureAttribute, Document, Validity

from .conftest import at

D = datetime.date
TODAY = at(2026, 12, 3, 10)


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


@pytest.fixture(autouse=True)
def pinned():
    with clock(TODAY):
        yield


@pytest.fixture
def regulation(office, shenhe_unit, genre, calendar):
    """regulation(title, when, unit=沈河区, joint=(), genre="规范性文件", **fields): published at `when`."""

    def make(title, when, *, unit=None, joint=(), kind="规范性文件", attribute=DisclosureAttribute.PROACTIVE,
             **fields):
        document = services.create_document(
            actor=office, unit=unit or shenhe_unit, joint_units=joint, now=when,
            fields={"title": title, "genre": genre(kind), "attribute": attribute, "body": "正文。",
                    **({"attribute_reason": "涉及内部事项。", "legal_ground": _ground()}
                       if attribute != DisclosureAttribute.PROACTIVE else {}),
                    **fields})
        services.submit_for_review(actor=office, document=document)
        return services.publish(actor=office, document=document, now=when)

    return make


def _ground():
    from gongkai.foi.grounds import GROUNDS

    return GROUNDS[0].key


def replace(office, old, validity, new):
    return services.set_validity(actor=office, document=old, validity=validity, superseded_by=new)


@pytest.fixture
def library(regulation, office, shenhe_unit, genre, draft):
    """沈河区's library: two in force (one expiring soon, one past its 有效期), one amended, one repealed, one
    expired; besides a draft, a withdrawn 规范性文件 and a notice, which are not in it."""
    docs = {
        "in_force": regulation("沈河区促进楼宇经济发展若干措施", at(2026, 3, 2), number="沈河政发〔2026〕3号"),
        "soon": regulation("沈河区老旧小区改造补助办法", at(2026, 2, 10), expires_on=D(2026, 12, 20)),
        "past": regulation("沈河区冬季供暖保障办法", at(2025, 11, 3), expires_on=D(2026, 11, 30)),
        "old": regulation("沈河区停车管理暂行办法", at(2025, 3, 4), number="沈河政发〔2025〕2号"),
        "new": regulation("沈河区停车管理办法", at(2026, 4, 1), number="沈河政发〔2026〕9号"),
        "draft_old": regulation("沈河区社区服务规定", at(2025, 6, 2)),
        "amending": regulation("沈河区社区服务规定（2026年修订）", at(2026, 6, 1)),
        "expired": regulation("沈河区疫情防控临时措施", at(2025, 1, 6), expires_on=D(2025, 6, 30)),
    }
    replace(office, docs["old"], Validity.REPEALED, docs["new"])
    replace(office, docs["draft_old"], Validity.AMENDED, docs["amending"])
    services.set_validity(actor=office, document=docs["expired"], validity=Validity.EXPIRED)
    withdrawn = regulation("沈河区撤回的规范性文件", at(2026, 5, 6))
    services.withdraw(actor=office, document=withdrawn, reason="发布有误。")
    draft("沈河区规范性文件草稿", genre=genre("规范性文件"))
    regulation("沈河区关于春节假期的通知公告", at(2026, 2, 1), kind="通知公告")
    return docs


def shenhe_library(unit):
    return regulations.in_library(regulations.library(), unit)


def test_the_library_groups_by_validity_and_counts_each(library, shenhe_unit):
    groups = dict(regulations.by_validity(regulations.for_listing(shenhe_library(shenhe_unit))))
    titles = {validity: {d.title for d in documents} for validity, documents in groups.items()}
    assert titles[Validity.IN_FORCE] == {"沈河区促进楼宇经济发展若干措施", "沈河区老旧小区改造补助办法",
                                         "沈河区冬季供暖保障办法", "沈河区停车管理办法", "沈河区社区服务规定（2026年修订）"}
    assert titles[Validity.AMENDED] == {"沈河区社区服务规定"}
    assert titles[Validity.REPEALED] == {"沈河区停车管理暂行办法"}
    assert titles[Validity.EXPIRED] == {"沈河区疫情防控临时措施"}
    assert regulations.validity_counts(shenhe_library(shenhe_unit)) == {
        Validity.IN_FORCE: 5, Validity.AMENDED: 1, Validity.REPEALED: 1, Validity.EXPIRED: 1}


def test_expiring_and_past_expiry_are_only_documents_still_in_force(library, shenhe_unit):
    documents = shenhe_library(shenhe_unit)
    today = D(2026, 12, 3)
    assert list(regulations.expiring_within(documents, today=today, days=30)) == [library["soon"]]
    assert list(regulations.expiring_within(documents, today=today, days=16)) == []  # 20 December is 17 days away
    assert list(regulations.expiring_within(documents, today=today, days=17)) == [library["soon"]]
    assert list(regulations.past_expiry(documents, today=today)) == [library["past"]]  # the expired one is 失效


def test_year_figures_count_issued_repealed_and_in_force_at_the_end_of_the_year(library, shenhe_unit):
    documents = regulations.library()
    # 2025: published 供暖, 停车暂行, 社区服务, 疫情防控; 疫情防控 expired on 30 June; at the year's end in force:
    # 供暖, 停车暂行 (repealed in 2026), 社区服务 (amended in 2026).
    assert regulations.year_figures(documents, year=2025, unit=shenhe_unit) == regulations.YearFigures(
        year=2025, issued=4, ended=1, in_force=3)
    # 2026: four published (the withdrawn one is not), 停车暂行 repealed on 1 April (its successor's day); amended is not repealed.
    assert regulations.year_figures(documents, year=2026, unit=shenhe_unit) == regulations.YearFigures(
        year=2026, issued=4, ended=1, in_force=5)


def test_an_expiry_recorded_without_a_date_counts_on_the_day_it_was_recorded(regulation, office, shenhe_unit):
    document = regulation("沈河区临时规定", at(2025, 2, 3))
    with clock(at(2026, 3, 5)):
        services.set_validity(actor=office, document=document, validity=Validity.EXPIRED)
    documents = regulations.library()
    assert regulations.year_figures(documents, year=2026, unit=shenhe_unit).ended == 1
    assert regulations.year_figures(documents, year=2025, unit=shenhe_unit) == regulations.YearFigures(
        year=2025, issued=1, ended=0, in_force=1)


def test_a_joint_document_is_in_the_library_of_each_issuer(regulation, shenhe_unit, directory):
    fgw, heping = directory["沈阳市发展和改革委员会"], directory["和平区人民政府"]
    joint = regulation("关于联合推进营商环境建设的若干意见", at(2026, 5, 6), joint=[fgw])
    regulation("沈河区单独发布的规定", at(2026, 5, 7))
    assert list(shenhe_library(fgw)) == [joint]
    assert joint in shenhe_library(shenhe_unit)
    assert not shenhe_library(heping).exists()
    by_unit = regulations.year_figures_by_unit(regulations.library(), year=2026)
    assert by_unit[fgw.pk] == regulations.YearFigures(year=2026, issued=1, ended=0, in_force=1)
    assert by_unit[shenhe_unit.pk].issued == 2
    assert heping.pk not in by_unit
    # The city's total counts the joint document once.
    assert regulations.year_figures(regulations.library(), year=2026).issued == 2


def test_the_current_list_workbook_holds_the_documents_in_force(library, regulation, client_for, shenhe_viewer,
                                                                 shenhe_unit, directory):
    regulation("关于联合推进营商环境建设的若干意见", at(2026, 5, 6), unit=directory["沈阳市发展和改革委员会"],
               joint=[shenhe_unit])
    response = client_for(shenhe_viewer).get(reverse("documents:regulations-xlsx", args=[shenhe_unit.pk]))
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "沈河区人民政府现行有效规章和规范性文件目录（截至2026-12-03）"
    assert rows[1] == ["序号", "文号", "标题", "发布机构", "体裁分类", "成文日期", "发布日期", "有效期", "索引号"]
    body = rows[2:]
    assert [row[0] for row in body] == list(range(1, 7))
    titles = {row[2] for row in body}
    assert titles == {"沈河区促进楼宇经济发展若干措施", "沈河区老旧小区改造补助办法", "沈河区冬季供暖保障办法",
                      "沈河区停车管理办法", "沈河区社区服务规定（2026年修订）", "关于联合推进营商环境建设的若干意见"}
    by_title = {row[2]: row for row in body}
    assert by_title["沈河区停车管理办法"][1] == "沈河政发〔2026〕9号"
    assert by_title["沈河区停车管理办法"][6] == "2026-04-01"
    assert by_title["沈河区停车管理办法"][7] == "长期"
    assert by_title["沈河区老旧小区改造补助办法"][7] == "2026-12-20"
    assert by_title["关于联合推进营商环境建设的若干意见"][3] == "沈阳市发展和改革委员会、沈河区人民政府"
    assert by_title["沈河区停车管理办法"][8] == library["new"].index_number != ""


def test_a_title_that_looks_like_a_formula_stays_text_in_the_workbook(regulation, client_for, shenhe, shenhe_unit):
    regulation("=HYPERLINK(\"http://example.com\",\"点击\")", at(2026, 5, 6))
    response = client_for(shenhe).get(reverse("documents:regulations-xlsx", args=[shenhe_unit.pk]))
    cell = load_workbook(io.BytesIO(response.content)).active["C3"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_figures_are_given_for_规章_and_规范性文件_apart(regulation, shenhe_unit, office):
    regulation("沈阳市沈河区管理规定", at(2026, 2, 3), kind="规章")
    old = regulation("沈河区旧办法", at(2025, 2, 3))
    new = regulation("沈河区新办法", at(2026, 3, 3))
    replace(office, old, Validity.REPEALED, new)
    rows = regulations.year_figures_by_genre(regulations.library(), year=2026, unit=shenhe_unit)
    assert [(genre.name, figures) for genre, figures in rows] == [
        ("规章", regulations.YearFigures(year=2026, issued=1, ended=0, in_force=1)),
        ("规范性文件", regulations.YearFigures(year=2026, issued=1, ended=1, in_force=1))]


def test_a_viewer_reads_the_own_library_another_unit_gets_404(library, client_for, shenhe_viewer, outsider,
                                                             shenhe_unit):
    url = reverse("documents:regulations", args=[shenhe_unit.pk])
    page = client_for(shenhe_viewer).get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "沈河区停车管理暂行办法" in text and "沈河区规范性文件草稿" not in text
    assert "沈河区撤回的规范性文件" not in text and "沈河区关于春节假期的通知公告" not in text
    assert reverse("documents:detail", args=[library["new"].pk]) in text  # the repealing document, linked
    client = client_for(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("documents:regulations-xlsx", args=[shenhe_unit.pk])).status_code == 404


def test_the_page_shows_the_year_figures_and_highlights_expiry(library, client_for, shenhe, shenhe_unit):
    text = client_for(shenhe).get(reverse("documents:regulations", args=[shenhe_unit.pk])).content.decode()
    figures = text[text.index('id="year-total"'):text.index("</tr>", text.index('id="year-total"'))]
    assert "<td>4</td><td>1</td><td>5</td>" in figures
    assert "即将到期" in text and "已过有效期" in text
    assert "1件现行有效文件将在30天内到期；1件已过有效期" in text
    last_year = client_for(shenhe).get(reverse("documents:regulations", args=[shenhe_unit.pk]), {"year": "2025"})
    assert [(genre.name, row) for genre, row in last_year.context["by_genre"]] == [
        ("规章", regulations.YearFigures(year=2025)),
        ("规范性文件", regulations.YearFigures(year=2025, issued=4, ended=1, in_force=3))]


def test_a_tab_shows_one_validity_and_bad_input_is_said(library, client_for, shenhe, shenhe_unit):
    url = reverse("documents:regulations", args=[shenhe_unit.pk])
    repealed = client_for(shenhe).get(url, {"validity": "repealed"}).content.decode()
    assert "沈河区停车管理暂行办法" in repealed and "沈河区促进楼宇经济发展若干措施" not in repealed
    for query in ({"validity": "nonsense"}, {"year": "abc"}, {"year": "1900"}):
        response = client_for(shenhe).get(url, query)
        assert response.status_code == 200
        assert "沈河区促进楼宇经济发展若干措施" in response.content.decode()
        assert list(response.context["messages"])


def test_the_office_sees_every_unit_and_what_expires(library, regulation, client_for, office, shenhe,
                                                     shenhe_unit, directory):
    fgw = directory["沈阳市发展和改革委员会"]
    regulation("沈阳市发展改革委价格管理规定", at(2026, 7, 1), unit=fgw, expires_on=D(2026, 12, 10))
    page = client_for(office).get(reverse("documents:regulations-overview"))
    text = page.content.decode()
    assert reverse("documents:regulations", args=[shenhe_unit.pk]) in text
    assert reverse("documents:regulations", args=[fgw.pk]) in text
    assert reverse("documents:regulations", args=[directory["和平区人民政府"].pk]) not in text  # no library
    attention = [d.title for d in page.context["attention"]]
    assert attention == ["沈河区冬季供暖保障办法", "沈阳市发展改革委价格管理规定", "沈河区老旧小区改造补助办法"]
    assert client_for(office).get(reverse("documents:regulations", args=[fgw.pk])).status_code == 200
    own = client_for(shenhe).get(reverse("documents:regulations-overview"))
    assert [row["unit"] for row in own.context["rows"]] == [shenhe_unit]
    assert [d.title for d in own.context["attention"]] == ["沈河区冬季供暖保障办法", "沈河区老旧小区改造补助办法"]


def test_the_public_reads_only_public_published_documents_in_force_first(library, regulation, client, office,
                                                                       shenhe_unit):
    kept_back = regulation("沈河区依申请公开的规范性文件", at(2026, 8, 3), attribute=DisclosureAttribute.ON_REQUEST)
    assert kept_back.state == "published" and not kept_back.is_public
    page = client.get(reverse("regulations:unit", args=[shenhe_unit.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "沈河区依申请公开的规范性文件" not in text and "沈河区规范性文件草稿" not in text
    assert "沈河区撤回的规范性文件" not in text and "沈河区关于春节假期的通知公告" not in text
    assert text.index("沈河区促进楼宇经济发展若干措施") < text.index("沈河区停车管理暂行办法")
    assert text.index("现行有效文件") < text.index("沈河区疫情防控临时措施")
    public_successor = reverse("documents-public:document", args=[library["new"].pk])
    assert public_successor in text
    assert "/documents/" not in text.split("<main", 1)[-1]  # no staff link reaches the public
    index = client.get(reverse("regulations:index"))
    assert [(row["unit"], row["in_force"]) for row in index.context["rows"]] == [(shenhe_unit, 5)]
    assert client.get(reverse("regulations:unit", args=[999999])).status_code == 404


def test_a_successor_the_public_may_not_read_is_not_linked(regulation, office, client, shenhe_unit):
    old = regulation("沈河区旧规定", at(2025, 3, 3))
    new = regulation("沈河区新规定（依申请公开）", at(2026, 3, 3), attribute=DisclosureAttribute.ON_REQUEST)
    replace(office, old, Validity.REPEALED, new)
    text = client.get(reverse("regulations:unit", args=[shenhe_unit.pk])).content.decode()
    assert "沈河区旧规定" in text
    assert reverse("documents-public:document", args=[new.pk]) not in text and "沈河区新规定" not in text


def test_anonymous_staff_pages_ask_for_login(client, shenhe_unit):
    for name, args in (("documents:regulations-overview", []), ("documents:regulations", [shenhe_unit.pk]),
                       ("documents:regulations-xlsx", [shenhe_unit.pk])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and "login" in response["Location"]
    assert Document.objects.count() == 0
