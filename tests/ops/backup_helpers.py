"""A small but complete catalogue, and every table and file of it read back
in a form that compares across databases."""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from rest_framework.authtoken.models import Token

from catalogue.backup import FullPrecisionEncoder, archived_models
from catalogue.models import Document, DocumentImage
from tests.admin.scans import image_bytes
from tests.factories import (
    make_agent,
    make_article,
    make_citation,
    make_document,
    make_mention,
    make_person,
    make_place,
)

PRECISE = datetime(1956, 10, 19, 14, 30, 5, 123456, tzinfo=UTC)


def make_catalogue(django_user_model):
    editor = django_user_model.objects.create_user("edith", password="s3cret-pass-phrase")
    editor.groups.add(Group.objects.get_or_create(name="Editor")[0])
    Token.objects.create(user=editor)
    place = make_place(name="Moscow")
    person = make_person(name="Ichirō Hatoyama")
    document = make_document(title="Joint Declaration", place=place)
    make_agent(document, person=person)
    document.description = "Signed in Moscow."
    document.save()  # a second history row
    article = make_article(title="On the Declaration", source_text="Hatoyama went to Moscow.")
    make_mention(article, person, "Hatoyama")
    make_citation(article, document)
    DocumentImage.objects.create(
        document=document, image=SimpleUploadedFile("scan.jpg", image_bytes())
    )
    # A timestamp with every microsecond set, which a millisecond encoder would lose.
    Document.objects.filter(pk=document.pk).update(modified=PRECISE)


def _comparable(obj, field):
    value = getattr(obj, field.attname)
    if isinstance(value, FieldFile):
        return value.name
    if field.is_relation and field.related_model in (ContentType, Permission) and value:
        # Ids of these differ between databases; their natural keys do not.
        return getattr(obj, field.name).natural_key()
    return value


def table_rows(model):
    rows = []
    for obj in model._base_manager.order_by(model._meta.pk.name):
        row = {f.attname: _comparable(obj, f) for f in model._meta.concrete_fields}
        for m2m in model._meta.many_to_many:
            related = getattr(obj, m2m.name).all()
            if m2m.related_model is Permission:
                row[m2m.name] = sorted(p.natural_key() for p in related)
            else:
                row[m2m.name] = sorted(r.pk for r in related)
        rows.append(row)
    return rows


def every_table():
    return {model._meta.label_lower: table_rows(model) for model in archived_models()}


def every_file(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def tables_json():
    """every_table() as text, so two processes (two databases) can compare them."""
    return json.dumps(every_table(), cls=FullPrecisionEncoder, sort_keys=True)
