"""Claims and candidates (issue 15), the parser's warnings kept on each article, and
the roles' permissions on the new models: Archivists review claims and candidates
(view, add, change: accepting or rejecting is a change), Editors may also delete them.
Neither may edit their history, which records every decision."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


NEW_MODELS = ("claim", "candidate")


def grant_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    using = schema_editor.connection.alias
    app_config = apps.get_app_config("catalogue")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    archivist = {f"{action}_{name}" for name in NEW_MODELS for action in ("view", "add", "change")}
    archivist |= {f"view_historical{name}" for name in NEW_MODELS}
    editor = archivist | {f"delete_{name}" for name in NEW_MODELS}
    for name, codenames in (("Archivist", archivist), ("Editor", editor)):
        group = Group.objects.using(using).filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.using(using).filter(
                    content_type__app_label="catalogue", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0006_jobs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="parse_warnings",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="What the parser found wrong with the text when it was ingested, e.g. a footnote marker without its reference.",
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="parse_warnings",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="What the parser found wrong with the text when it was ingested, e.g. a footnote marker without its reference.",
            ),
        ),
        migrations.CreateModel(
            name="Candidate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.CharField(
                        help_text="The parser's key, unique within the text.", max_length=200
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("person", "person"),
                            ("organisation", "organisation"),
                            ("place", "place"),
                            ("document", "document"),
                        ],
                        max_length=20,
                    ),
                ),
                ("name", models.CharField(max_length=300)),
                (
                    "spans",
                    models.JSONField(
                        default=list, help_text="[[start, end], ...] in the source text."
                    ),
                ),
                ("office", models.CharField(blank=True, max_length=300)),
                (
                    "variant_of",
                    models.CharField(
                        blank=True,
                        help_text="Identifier of a known record this name may be another spelling of.",
                        max_length=64,
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("proposed", "Proposed"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                        ],
                        db_index=True,
                        default="proposed",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="candidates",
                        to="catalogue.article",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="catalogue.document",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="catalogue.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="catalogue.person",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="catalogue.place",
                    ),
                ),
            ],
            options={
                "ordering": ["article", "name", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Claim",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("date", "date"),
                            ("in-force", "entry into force"),
                            ("place", "place"),
                            ("party", "party"),
                            ("signatory", "signatory"),
                            ("author", "author"),
                            ("publisher", "publisher"),
                            ("other-title", "other title"),
                            ("relation", "relation"),
                            ("translation", "translation"),
                            ("event", "dated event"),
                            ("office", "office"),
                            ("quotation", "quotation"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="property",
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        help_text="An identifier (a place, party, related document), an EDTF date, or words.",
                        max_length=500,
                    ),
                ),
                (
                    "value_label",
                    models.CharField(
                        blank=True, help_text="The value as the text words it.", max_length=500
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="e.g. the office of a signatory, a relation's kind, a quotation's locator.",
                        max_length=500,
                    ),
                ),
                (
                    "start",
                    models.PositiveIntegerField(
                        help_text="Where the words giving the value start."
                    ),
                ),
                ("end", models.PositiveIntegerField()),
                (
                    "evidence_start",
                    models.PositiveIntegerField(
                        help_text="The sentence or reference stating it."
                    ),
                ),
                ("evidence_end", models.PositiveIntegerField()),
                (
                    "evidence",
                    models.TextField(
                        blank=True,
                        help_text="That sentence, kept so pages can show it without the whole text.",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("proposed", "Proposed"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                        ],
                        db_index=True,
                        default="proposed",
                        max_length=10,
                    ),
                ),
                (
                    "negated",
                    models.BooleanField(
                        default=False, help_text="The text says it did NOT happen (“did not sign”)."
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "article",
                    models.ForeignKey(
                        help_text="The ingested text the fact comes from.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.article",
                    ),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        blank=True,
                        help_text="The record the fact is about while it is still a candidate.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.candidate",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.document",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.person",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claims",
                        to="catalogue.place",
                    ),
                ),
            ],
            options={
                "ordering": ["article", "start", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCandidate",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.CharField(
                        help_text="The parser's key, unique within the text.", max_length=200
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("person", "person"),
                            ("organisation", "organisation"),
                            ("place", "place"),
                            ("document", "document"),
                        ],
                        max_length=20,
                    ),
                ),
                ("name", models.CharField(max_length=300)),
                (
                    "spans",
                    models.JSONField(
                        default=list, help_text="[[start, end], ...] in the source text."
                    ),
                ),
                ("office", models.CharField(blank=True, max_length=300)),
                (
                    "variant_of",
                    models.CharField(
                        blank=True,
                        help_text="Identifier of a known record this name may be another spelling of.",
                        max_length=64,
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("proposed", "Proposed"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                        ],
                        db_index=True,
                        default="proposed",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.article",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.document",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.person",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.place",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical candidate",
                "verbose_name_plural": "historical candidates",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalClaim",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("date", "date"),
                            ("in-force", "entry into force"),
                            ("place", "place"),
                            ("party", "party"),
                            ("signatory", "signatory"),
                            ("author", "author"),
                            ("publisher", "publisher"),
                            ("other-title", "other title"),
                            ("relation", "relation"),
                            ("translation", "translation"),
                            ("event", "dated event"),
                            ("office", "office"),
                            ("quotation", "quotation"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="property",
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        help_text="An identifier (a place, party, related document), an EDTF date, or words.",
                        max_length=500,
                    ),
                ),
                (
                    "value_label",
                    models.CharField(
                        blank=True, help_text="The value as the text words it.", max_length=500
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="e.g. the office of a signatory, a relation's kind, a quotation's locator.",
                        max_length=500,
                    ),
                ),
                (
                    "start",
                    models.PositiveIntegerField(
                        help_text="Where the words giving the value start."
                    ),
                ),
                ("end", models.PositiveIntegerField()),
                (
                    "evidence_start",
                    models.PositiveIntegerField(
                        help_text="The sentence or reference stating it."
                    ),
                ),
                ("evidence_end", models.PositiveIntegerField()),
                (
                    "evidence",
                    models.TextField(
                        blank=True,
                        help_text="That sentence, kept so pages can show it without the whole text.",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("proposed", "Proposed"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                        ],
                        db_index=True,
                        default="proposed",
                        max_length=10,
                    ),
                ),
                (
                    "negated",
                    models.BooleanField(
                        default=False, help_text="The text says it did NOT happen (“did not sign”)."
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The ingested text the fact comes from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.article",
                    ),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The record the fact is about while it is still a candidate.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.candidate",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.document",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.person",
                    ),
                ),
                (
                    "place",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalogue.place",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical claim",
                "verbose_name_plural": "historical claims",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name="candidate",
            constraint=models.UniqueConstraint(
                fields=("article", "key"), name="candidate_unique_key"
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["article", "state"], name="catalogue_c_article_ed253a_idx"),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end__gte", models.F("start")),
                    ("evidence_end__gte", models.F("evidence_start")),
                ),
                name="claim_span_order",
            ),
        ),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
