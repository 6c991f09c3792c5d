"""The public page of a document at its stable address /gk/<pk>/: only published, proactively disclosed
documents; everything else (drafts, review, scheduled, withdrawn, 依申请公开, 不予公开, unknown) is the
site's 404, and so are their attachments and versions."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from gongkai.documents import services
from gongkai.documents.models import DisclosureAttribute

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def public_url(document):
    return reverse("documents-public:document", args=[document.pk])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def attach(document, actor, name="附件.pdf"):
    return services.add_attachment(actor=actor, document=document, upload=SimpleUploadedFile(name, PDF))


def test_a_public_document_has_its_page_with_the_metadata_table(client, published, genre, topic):
    document = published("沈河区人民政府关于印发优化营商环境若干措施的通知", number="沈河政发〔2026〕9号",
                         genre=genre("规范性文件"), topic=topic("综合政务"), keywords=["营商环境"])
    response = client.get(f"/gk/{document.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="zh-CN"' in page and "<h1" in page
    assert document.title in page and "沈河政发〔2026〕9号" in page and document.index_number in page
    headers = re.findall(r'<th scope="row">([^<]+)</th>', page)
    for label in ("索引号", "发布机构", "成文日期", "文号", "发布日期", "主题分类", "体裁分类", "公开属性", "有效性"):
        assert any(label in header for header in headers), label
    assert "现行有效" in page and "综合政务" in page


@pytest.mark.parametrize("attribute", [DisclosureAttribute.ON_REQUEST, DisclosureAttribute.NOT_PUBLIC])
def test_a_published_document_kept_back_is_not_found(client, published, attribute):
    document = published(attribute=attribute, attribute_reason="过程性信息", legal_ground="art16_2")
    assert client.get(public_url(document)).status_code == 404


def test_drafts_documents_in_review_scheduled_withdrawn_and_unknown_ones_are_not_found(
        client, client_for, draft, published, shenhe, shenhe_reviewer):
    a_draft = draft("草稿")
    in_review = services.submit_for_review(actor=shenhe, document=draft("待审"))
    scheduled = services.submit_for_review(actor=shenhe, document=draft("定时"))
    services.publish(actor=shenhe_reviewer, document=scheduled, at=timezone.now() + datetime.timedelta(days=30))
    withdrawn = services.withdraw(actor=shenhe_reviewer, document=published("撤回"), reason="已调整")
    for document in (a_draft, in_review, scheduled, withdrawn):
        assert client.get(public_url(document)).status_code == 404, document.title
    assert client.get("/gk/999999/").status_code == 404
    # a logged-in member of the unit is no exception: the public page shows only what the public sees
    assert client_for(shenhe).get(public_url(a_draft)).status_code == 404


def test_attachments_download_only_from_public_documents(client, draft, published, shenhe, shenhe_reviewer):
    public = published("公开文件")
    attachment = services.add_attachment(actor=shenhe_reviewer, document=public,
                                         upload=SimpleUploadedFile("公开附件.pdf", PDF))
    url = reverse("documents-public:attachment", args=[public.pk, attachment.pk])
    assert "公开附件.pdf" in client.get(public_url(public)).content.decode()
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and response["Content-Disposition"].startswith("attachment")
    named_as_page = services.add_attachment(actor=shenhe_reviewer, document=public,
                                            upload=SimpleUploadedFile("页面.html", PDF))
    response = client.get(reverse("documents-public:attachment", args=[public.pk, named_as_page.pk]))
    assert response["Content-Type"] == "application/pdf"  # the checked type, not one guessed from the name
    hidden = draft("草稿")
    hidden_file = attach(hidden, shenhe)
    assert client.get(reverse("documents-public:attachment", args=[hidden.pk, hidden_file.pk])).status_code == 404
    # another document's attachment under a public document's address
    assert client.get(reverse("documents-public:attachment", args=[public.pk, hidden_file.pk])).status_code == 404
    services.withdraw(actor=shenhe_reviewer, document=public, reason="撤回")
    assert client.get(url).status_code == 404


def test_the_change_history_lists_only_versions_the_public_saw(client, draft, shenhe, shenhe_reviewer):
    document = draft("沈河区通知", body="草稿一")
    services.edit_document(actor=shenhe, document=document, fields={"body": "草稿二"}, note="内部修改")
    services.submit_for_review(actor=shenhe, document=document)
    services.publish(actor=shenhe_reviewer, document=document)
    services.edit_document(actor=shenhe_reviewer, document=document, fields={"body": "更正后的正文"}, note="更正错别字")
    page = client.get(public_url(document)).content.decode()
    assert "更正后的正文" in page and "更正错别字" in page
    assert "内部修改" not in page and "草稿一" not in page
    assert client.get(reverse("documents-public:version", args=[document.pk, 1])).status_code == 404
    published_before = client.get(reverse("documents-public:version", args=[document.pk, 2]))
    assert published_before.status_code == 200 and "草稿二" in published_before.content.decode()


def test_a_repealed_document_says_so_and_links_the_document_that_repealed_it(client, published, genre, shenhe):
    old = published("沈河区旧办法", genre=genre("规范性文件"))
    new = published("沈河区新办法", genre=genre("规范性文件"))
    services.set_validity(actor=shenhe, document=old, validity="repealed", superseded_by=new)
    page = client.get(public_url(old)).content.decode()
    assert "已废止" in page and public_url(new) in page


def test_interpretations_link_both_ways_when_public(client, published, draft):
    policy = published("沈河区促进消费措施")
    shown = published("图解：促进消费措施", interprets=policy, interpretation_kind="graphic")
    draft("文字解读草稿", interprets=policy, interpretation_kind="text")
    page = client.get(public_url(policy)).content.decode()
    assert public_url(shown) in page and "文字解读草稿" not in page
    assert public_url(policy) in client.get(public_url(shown)).content.decode()


def test_a_script_in_a_body_never_runs_on_the_public_page(client, published):
    document = published(body='<p onmouseover="x()">正文</p><script>alert(1)</script><iframe src="//evil"></iframe>')
    page = client.get(public_url(document)).content.decode()
    assert "正文" in page and "alert(" not in page and "<iframe" not in page
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", page)


def test_a_graphic_interpretation_shows_its_picture_and_keeps_other_files_as_links(client, published, shenhe_reviewer):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 40, 40)).save(buffer, format="PNG")
    graphic = published("一图读懂促进消费措施", interprets=published("沈河区促进消费措施"), interpretation_kind="graphic")
    image = services.add_attachment(actor=shenhe_reviewer, document=graphic,
                                    upload=SimpleUploadedFile("一图读懂.png", buffer.getvalue()))
    pdf = attach(graphic, shenhe_reviewer, "说明.pdf")
    page = client.get(public_url(graphic)).content.decode()
    image_url = reverse("documents-public:attachment", args=[graphic.pk, image.pk])
    pdf_url = reverse("documents-public:attachment", args=[graphic.pk, pdf.pk])
    assert f'<img src="{image_url}" alt="一图读懂促进消费措施"' in page
    assert f'<img src="{pdf_url}"' not in page and f'href="{pdf_url}"' in page
    picture = client.get(image_url)
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
