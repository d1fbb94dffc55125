"""Cache tags beyond the publishing events: the API's answers are tagged with
the images, documents and redirects they hold and with ``cms``, and a change
to an image, a redirect or a language, made in the admin, purges exactly
those tags from the CDN, on the worker."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.webhooks.models import Delivery, Event
from cms.webhooks.purge import RecordingTagPurge
from content.demo.illustration import demo_image
from content.models import CausePage
from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    FRONTEND_MANIFEST,
    fresh_process_memory,
)
from tests.content.translation.test_views import (  # noqa: F401 (translator)
    editor_client,
    open_editor,
    save_string,
    string_segments,
    translator,
)

pytestmark = pytest.mark.django_db

Image = get_image_model()


@pytest.fixture(autouse=True)
def own_media(demo_article, settings, tmp_path):
    """A media directory of the test's own, with a copy of the demo image's
    file: files written or deleted are no part of the database's rollback."""
    image = demo_image()
    source = Path(image.file.path)
    settings.MEDIA_ROOT = str(tmp_path)
    target = tmp_path / image.file.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


@pytest.fixture
def recording_purge(settings):
    settings.CDN_TAG_PURGE_BACKEND = "cms.webhooks.purge.RecordingTagPurge"
    RecordingTagPurge.purged = []
    return RecordingTagPurge.purged


@pytest.fixture
def frontend_operations():
    call_command(
        "import_trusted_documents", str(FRONTEND_MANIFEST), stdout=io.StringIO()
    )
    manifest = json.loads(FRONTEND_MANIFEST.read_text())

    def operation(name: str) -> str:
        [found] = [
            document_id
            for document_id, text in manifest.items()
            if re.search(rf"\bquery {name}\b", text)
        ]
        return found

    return operation


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    yield client
    client.logout()


def cause_answer(client, document_id: str, slug: str):
    """The API's GET answer to the frontend's cause page, as a CDN fetches it."""
    response = client.get(
        "/graphql/",
        {"id": document_id, "variables": json.dumps({"locale": "en", "slug": slug})},
    )
    assert response.status_code == 200
    return response


def tags_of(response) -> set[str]:
    tags = set(response["Cache-Tag"].split(","))
    assert set(response["Surrogate-Key"].split(" ")) == tags
    return tags


def image_urls(response) -> list[str]:
    body = json.loads(response.content)["data"]["cause"]["body"]
    return [
        block["image"]["rendition"]["url"]
        for block in body
        if block["blockType"] == "image"
    ]


def png(name: str = "replacement.png") -> SimpleUploadedFile:
    from PIL import Image as PILImage

    data = io.BytesIO()
    PILImage.new("RGB", (120, 80), (200, 120, 140)).save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def image_form(image, **changes) -> dict:
    data = {
        "title": image.title,
        "collection": str(image.collection_id),
        "tags": "",
        "description": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    }
    data.update(changes)
    return data


# What answers carry -------------------------------------------------------


def test_an_answer_is_tagged_with_the_images_it_shows(
    demo_article, client, frontend_operations
):
    cause_page = frontend_operations("CausePage")
    image = demo_image()
    with_image = cause_answer(client, cause_page, "thin-endometrium")
    assert image_urls(with_image)
    assert {"cms", f"image-{image.pk}"} <= tags_of(with_image)
    without = cause_answer(client, cause_page, "hydrosalpinx")
    assert image_urls(without) == []
    assert "cms" in tags_of(without)
    assert not any(tag.startswith("image") for tag in tags_of(without))
    # A cached answer keeps them.
    again = cause_answer(client, cause_page, "thin-endometrium")
    assert again["X-Cache"] == "HIT"
    assert tags_of(again) == tags_of(with_image)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("{ images { id } }", {"cms", "images", "image-{image}"}),
        ("{ image(id: {image}) { id } }", {"cms", "images", "image-{image}"}),
        # A lookup that found nothing yet: a new image can change it.
        ("{ image(id: 987654) { id } }", {"cms", "images"}),
        ("{ documents { id } }", {"cms", "documents"}),
        ("{ redirects { oldPath } }", {"cms", "redirects"}),
        ("{ tags { name } }", {"cms", "tags"}),
        ("{ collections { name } }", {"cms", "collections"}),
        ("{ locales { code } }", {"cms"}),
    ],
    ids=[
        "image list",
        "image by id",
        "missing image",
        "documents",
        "redirects",
        "tags",
        "collections",
        "locales",
    ],
)
def test_lists_and_lookups_of_media_and_redirects_are_tagged(
    demo_article, client, query, expected
):
    image = demo_image()
    response = client.get(
        "/graphql/", {"query": query.replace("{image}", str(image.pk))}
    )
    assert response.status_code == 200
    assert "errors" not in json.loads(response.content)
    assert tags_of(response) == {tag.format(image=image.pk) for tag in expected}


# What a change purges -----------------------------------------------------


def test_an_image_replaced_in_the_admin_purges_exactly_the_answers_that_show_it(
    demo_article, recording_purge, client, admin_user, frontend_operations, run_worker
):
    cause_page = frontend_operations("CausePage")
    image = demo_image()
    shown = cause_answer(client, cause_page, "thin-endometrium")
    [old_url] = image_urls(shown)
    other = cause_answer(client, cause_page, "hydrosalpinx")
    assert image.renditions.exists()  # made by the answer: to be deleted

    client.force_login(admin_user)
    response = client.post(f"/admin/images/{image.pk}/", image_form(image, file=png()))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not image.renditions.exists()
    # Queued in the change's transaction for the worker, not purged in the
    # request; the image's save and each rendition's deletion make one purge.
    assert recording_purge == []
    [event] = Event.objects.filter(type="cdn.purge")
    assert Delivery.objects.get(event=event).subscriber == "cdn"

    run_worker()

    assert recording_purge == [[f"image-{image.pk}", "images"]]
    assert set(recording_purge[0]) & tags_of(shown) == {f"image-{image.pk}"}
    assert set(recording_purge[0]).isdisjoint(tags_of(other))
    assert Delivery.objects.get(event=event).status == Delivery.SUCCEEDED
    body = json.loads(event.body)
    assert body["type"] == "cdn.purge"
    assert {"type": "wagtailimages.image", "id": image.pk} in body["data"]["changed"]

    # The API answers with the new file at once.
    client.logout()
    [new_url] = image_urls(cause_answer(client, cause_page, "thin-endometrium"))
    assert new_url != old_url


def test_an_image_uploaded_in_the_admin_purges_the_image_lists(
    demo_article, recording_purge, admin_client, run_worker
):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Embryo transfer diagram", "file": png("transfer.png")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = Image.objects.get(title="Embryo transfer diagram")
    run_worker()
    assert recording_purge == [[f"image-{new.pk}", "images"]]


def test_an_image_deleted_in_the_admin_is_one_purge_with_its_renditions(
    demo_article, recording_purge, admin_client, run_worker
):
    image = Image.objects.create(title="Old scan", file=png("scan.png"))
    image.get_rendition("width-400")
    image.get_rendition("width-800")
    run_worker()
    RecordingTagPurge.purged.clear()
    response = admin_client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302
    run_worker()
    assert recording_purge == [[f"image-{image.pk}", "images"]]


def test_a_rendition_made_by_a_query_purges_nothing(
    demo_article, recording_purge, client, frontend_operations, run_worker
):
    cause_page = frontend_operations("CausePage")
    demo_image().renditions.all().delete()
    run_worker()
    RecordingTagPurge.purged.clear()
    Event.objects.all().delete()
    cause_answer(client, cause_page, "thin-endometrium")
    assert demo_image().renditions.exists()
    assert not Event.objects.exists()


def test_a_redirect_added_in_the_admin_purges_the_redirect_answers(
    demo_article, recording_purge, admin_client, run_worker
):
    response = admin_client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/causes/old-name/",
            "site": "",
            "is_permanent": "on",
            "redirect_link": "https://www.example.org/causes/new-name/",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    run_worker()
    assert recording_purge == [["redirects"]]


def test_a_language_removed_in_the_admin_purges_every_answer(
    demo_article, recording_purge, admin_client, run_worker
):
    unused = Locale.objects.get(language_code="it")
    assert not Page.objects.filter(locale=unused).exists()
    response = admin_client.post(f"/admin/locales/delete/{unused.pk}/")
    assert response.status_code == 302
    run_worker()
    assert recording_purge == [["cms"]]


def test_a_change_that_rolls_back_purges_nothing(
    demo_article, recording_purge, run_worker
):
    with pytest.raises(RuntimeError), transaction.atomic():
        Image.objects.create(title="Never saved", file=png("never.png"))
        raise RuntimeError
    run_worker()
    assert recording_purge == []
    assert not Event.objects.exists()


def test_without_a_cdn_a_change_queues_nothing_but_empties_the_cache(
    demo_article, client, run_worker
):
    query = "{ images { id title } }"
    first = client.get("/graphql/", {"query": query})
    image = demo_image()
    image.title = "Uterine lining, relabelled"
    image.save()
    assert not Event.objects.exists()
    second = client.get("/graphql/", {"query": query})
    assert second["X-Cache"] == "MISS"
    assert "relabelled" in second.content.decode()
    assert first.content != second.content


def test_a_string_a_translator_saves_purges_the_pages_it_translates(
    machine_translated_article,
    recording_purge,
    translator,  # noqa: F811 (the fixture)
    run_worker,
):
    # The page's translation status, which its answers in every language
    # show, moves on with each string; no other answer changes.
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    session = editor_client(translator)
    props, token, _page = open_editor(session, german)
    run_worker()
    RecordingTagPurge.purged.clear()
    segment = string_segments(props)[english.title]
    response = save_string(session, segment, "Hydrosalpinx (Eileiterverschluss)", token)
    assert response.status_code == 200
    run_worker()
    assert [sorted(tags) for tags in recording_purge] == [
        sorted([f"page-{english.pk}", f"page-{german.pk}"])
    ]


def test_opening_an_image_in_the_admin_purges_nothing(
    demo_article, recording_purge, admin_client, run_worker
):
    # The edit view fills in the file size Wagtail had not recorded yet,
    # which changes nothing a reader sees.
    image = demo_image()
    Image.objects.filter(pk=image.pk).update(file_size=None)
    query = "{ images { id title } }"
    admin_client.logout()
    admin_client.get("/graphql/", {"query": query})
    admin_client.force_login(User.objects.get(is_superuser=True))
    response = admin_client.get(f"/admin/images/{image.pk}/")
    assert response.status_code == 200
    assert Image.objects.get(pk=image.pk).file_size is not None
    assert not Event.objects.exists()
    admin_client.logout()
    assert admin_client.get("/graphql/", {"query": query})["X-Cache"] == "HIT"


def test_a_page_made_private_in_the_admin_purges_every_answer(
    demo_article, recording_purge, admin_client, run_worker
):
    # Its pages and images may be shown, or only linked, anywhere.
    page = CausePage.objects.get(slug="hydrosalpinx")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/privacy/",
        {"restriction_type": "password", "password": "not-for-readers"},
    )
    assert response.status_code == 200
    assert page.view_restrictions.exists()
    run_worker()
    assert recording_purge == [["cms"]]


IMAGE_WITH_TAGS_AND_COLLECTION = (
    "{ image(id: %d) { tags { name } collection { name } } }"
)


def image_answer(client, image) -> tuple[str, dict]:
    response = client.get(
        "/graphql/", {"query": IMAGE_WITH_TAGS_AND_COLLECTION % image.pk}
    )
    assert response.status_code == 200
    return response["X-Cache"], json.loads(response.content)["data"]["image"]


def purged_tags(recording_purge) -> set[str]:
    return {tag for tags in recording_purge for tag in tags}


def test_an_images_tags_changed_in_the_admin_purge_the_answers_that_show_it(
    demo_article, recording_purge, client, admin_user, run_worker
):
    image = demo_image()
    image_answer(client, image)
    assert image_answer(client, image)[0] == "HIT"

    client.force_login(admin_user)
    response = client.post(
        f"/admin/images/{image.pk}/", image_form(image, tags="ultrasound, lining")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    run_worker()
    # The image's answers, and the tag list (two new tags).
    assert purged_tags(recording_purge) == {f"image-{image.pk}", "images", "tags"}

    client.logout()
    cache, shown = image_answer(client, image)
    assert cache == "MISS"
    assert sorted(tag["name"] for tag in shown["tags"]) == ["lining", "ultrasound"]


def test_a_tag_given_to_an_image_outside_the_admin_empties_the_cache(
    demo_article, client, run_worker
):
    image = demo_image()
    image_answer(client, image)
    image.tags.add("ultrasound")
    cache, shown = image_answer(client, image)
    assert cache == "MISS"
    assert [tag["name"] for tag in shown["tags"]] == ["ultrasound"]
    image.tags.remove("ultrasound")
    cache, shown = image_answer(client, image)
    assert cache == "MISS"
    assert shown["tags"] == []


def test_a_tag_renamed_purges_the_answers_of_the_images_it_tags(
    demo_article, recording_purge, client, run_worker
):
    from taggit.models import Tag

    image = demo_image()
    image.tags.add("ultrasund")
    run_worker()
    RecordingTagPurge.purged.clear()
    image_answer(client, image)
    tag = Tag.objects.get(name="ultrasund")
    tag.name = "ultrasound"
    tag.save()
    run_worker()
    assert purged_tags(recording_purge) == {"tags", f"image-{image.pk}", "images"}
    cache, shown = image_answer(client, image)
    assert cache == "MISS"
    assert [t["name"] for t in shown["tags"]] == ["ultrasound"]


def test_a_collection_renamed_in_the_admin_purges_the_answers_of_its_images(
    demo_article, recording_purge, client, admin_user, run_worker
):
    from wagtail.models import Collection

    image = demo_image()
    collection = Collection.get_first_root_node().add_child(name="Ultrasound scans")
    image.collection = collection
    image.save()
    run_worker()
    RecordingTagPurge.purged.clear()
    image_answer(client, image)
    assert image_answer(client, image)[0] == "HIT"

    client.force_login(admin_user)
    response = client.post(
        f"/admin/collections/{collection.pk}/",
        {"name": "Scans", "parent": str(collection.get_parent().pk)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    run_worker()
    assert purged_tags(recording_purge) == {
        "collections",
        f"image-{image.pk}",
        "images",
    }

    client.logout()
    cache, shown = image_answer(client, image)
    assert cache == "MISS"
    assert shown["collection"]["name"] == "Scans"


def test_a_collection_of_many_images_renamed_purges_every_answer(
    demo_article, recording_purge, run_worker, settings
):
    from wagtail.models import Collection

    from cms.cache import tags

    collection = Collection.get_first_root_node().add_child(name="Archive")
    for number in range(tags.MAX_TAGS_PER_CHANGE + 1):
        Image.objects.create(
            title=f"Archived scan {number}",
            file=demo_image().file.name,
            collection=collection,
            width=10,
            height=10,
        )
    run_worker()
    RecordingTagPurge.purged.clear()
    collection.name = "Old archive"
    collection.save()
    run_worker()
    assert recording_purge == [["collections", "cms"]]
