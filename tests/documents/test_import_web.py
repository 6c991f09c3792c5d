"""The web import: upload, preview with each row's problems, confirm; who may import which units."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.documents.models import Document, DocumentImport, DocumentState
from gongkai.events.models import Event

from .importing_helpers import PDF, doc, jsonl


def upload(client, data, name="listing.jsonl", zip_data=None, publish=True):
    form = {"listing": SimpleUploadedFile(name, data)}
    if zip_data is not None:
        form["files_zip"] = SimpleUploadedFile("files.zip", zip_data)
    if publish:
        form["publish"] = "on"
    return client.post(reverse("documents:import"), form)


def zip_of(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_office_previews_then_confirms(client_for, office):
    client = client_for(office)
    page = client.get(reverse("documents:import"))
    assert page.status_code == 200 and "导入" in page.content.decode()
    response = upload(client, jsonl(doc(), doc(title="沈阳市发展和改革委员会关于印发专项规划的通知", unit="市发展改革委")))
    staged = DocumentImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:import-preview", args=[staged.pk])
    preview = client.get(response["Location"]).content.decode()
    assert "沈阳市发展和改革委员会关于印发专项规划的通知" in preview and 'value="confirm"' in preview
    assert not Document.objects.exists()  # the preview writes nothing
    response = client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert response.status_code == 302
    assert Document.objects.filter(state=DocumentState.PUBLISHED).count() == 2
    assert Event.objects.filter(verb="documents.imported", actor=office).count() == 1
    staged.refresh_from_db()
    assert staged.status == "imported" and staged.counts["published"] == 2
    # Confirming again writes nothing more.
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert Document.objects.count() == 2


def test_a_liaison_may_not_import_another_units_documents(client_for, fgw_liaison):
    client = client_for(fgw_liaison)
    upload(client, jsonl(doc(unit="市发展改革委", title="本单位的通知"), doc(unit="沈河区政府", title="别的单位的通知")))
    staged = DocumentImport.objects.get()
    preview = client.get(reverse("documents:import-preview", args=[staged.pk])).content.decode()
    assert "沈河区人民政府" in preview and 'value="confirm"' not in preview
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert not Document.objects.exists()  # the whole file is refused, the own unit's row too
    assert DocumentImport.objects.get().status == "staged"


def test_a_liaison_imports_the_own_units_documents_as_drafts(client_for, fgw_liaison):
    client = client_for(fgw_liaison)
    upload(client, jsonl(doc(unit="市发展改革委", title="本单位的通知")), publish=False)
    staged = DocumentImport.objects.get()
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert Document.objects.get().state == DocumentState.DRAFT


@pytest.mark.parametrize("who", ["shenhe_viewer", "shenhe"])
def test_viewers_and_handlers_get_no_import_page(client_for, request, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("documents:import")).status_code == 403
    assert upload(client, jsonl(doc())).status_code == 403
    assert not DocumentImport.objects.exists()


def test_the_public_is_sent_to_sign_in(client):
    assert client.get(reverse("documents:import")).status_code == 302


def test_no_one_previews_or_confirms_another_persons_upload(client_for, office, zrzy_liaison):
    upload(client_for(office), jsonl(doc()))
    staged = DocumentImport.objects.get()
    other = client_for(zrzy_liaison)
    assert other.get(reverse("documents:import-preview", args=[staged.pk])).status_code == 404
    assert other.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"}).status_code == 404
    assert not Document.objects.exists()


def test_attachments_come_from_the_zip_and_hostile_entries_are_never_used(client_for, office):
    client = client_for(office)
    archive = zip_of({"附件/方案.pdf": PDF, "../evil.pdf": PDF})
    upload(client, jsonl(doc(attachments=["附件/方案.pdf"]), doc(title="乙", attachments=["../evil.pdf"])), zip_data=archive)
    staged = DocumentImport.objects.get()
    preview = client.get(reverse("documents:import-preview", args=[staged.pk])).content.decode()
    assert "../evil.pdf" in preview and 'value="confirm"' not in preview
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "discard"})
    assert DocumentImport.objects.get().status == "discarded"
    upload(client, jsonl(doc(attachments=["附件/方案.pdf"])), zip_data=archive)
    staged = DocumentImport.objects.latest("id")
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert Document.objects.get().attachments.get().original_name == "方案.pdf"


def test_a_zip_bomb_entry_is_refused_by_its_row(client_for, office):
    client = client_for(office)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.pdf", b"%PDF-" + b"\0" * (20 * 1024 * 1024))
    upload(client, jsonl(doc(attachments=["bomb.pdf"])), zip_data=out.getvalue())
    preview = client.get(reverse("documents:import-preview", args=[DocumentImport.objects.get().pk])).content.decode()
    assert "bomb.pdf" in preview and 'value="confirm"' not in preview


@pytest.mark.parametrize("data, name", [(b"%PDF-1.4 x", "listing.pdf"), (b"", "empty.csv"),
                                         ("名字,单位\n甲,乙\n".encode(), "x.csv")])
def test_an_unreadable_listing_is_a_message_beside_the_field(client_for, office, data, name):
    response = upload(client_for(office), data, name=name)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not DocumentImport.objects.exists()


def test_a_zip_that_is_not_a_zip_is_a_message(client_for, office):
    response = upload(client_for(office), jsonl(doc()), zip_data=b"not a zip at all")
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


def test_confirmation_checks_the_stored_file_again(client_for, office, tmp_path):
    """Between preview and confirmation the same listing was imported elsewhere: nothing is doubled."""
    from django.core.management import call_command

    client = client_for(office)
    upload(client, jsonl(doc()))
    path = tmp_path / "same.jsonl"
    path.write_bytes(jsonl(doc()))
    call_command("import_documents", str(path), stdout=io.StringIO())
    staged = DocumentImport.objects.get(created_by=office)
    client.post(reverse("documents:import-preview", args=[staged.pk]), {"action": "confirm", "rows": "[]"})
    assert Document.objects.count() == 1
