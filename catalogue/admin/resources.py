"""Bulk import and export of records (django-import-export), as CSV or JSON.

Rows are matched on `identifier`, never on database ids, and links to other
records are written as their identifiers. An import is all-or-nothing: one
bad row and nothing changes. Each row is saved through the records service,
like an edit in the admin, so derived fields (EDTF date ranges, slugs,
versions) and the revision history are kept as for any other save. A
`version` column, as exported, makes the import refuse a row whose record was
changed after the export (the service's own version check, under a row lock
held until the whole file is in).
"""

from dataclasses import dataclass

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV
from import_export.instance_loaders import ModelInstanceLoader
from import_export.results import Result

from catalogue.exports.csv import escape_formula, unescape_formula
from catalogue.models import (
    Article,
    Collection,
    Document,
    Organisation,
    Person,
    Place,
    Repository,
)
from catalogue.services import records as services


def _map_cells(dataset, function):
    rows = [[function(cell) for cell in row] for row in dataset]
    return tablib.Dataset(*rows, headers=dataset.headers, title=dataset.title)


class FormulaSafeCSV(CSV):
    """CSV whose cells cannot run as spreadsheet formulas (catalogue/exports/csv.py);
    its import takes back the quote its export added. JSON needs neither."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_map_cells(dataset, escape_formula), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map_cells(super().create_dataset(in_stream, **kwargs), unescape_formula)


@dataclass
class RowProblem:
    number: int  # counted from the first record after the header line
    identifier: str
    messages: list


class ImportResult(Result):
    """Also lists each refused row by number and identifier, in words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_problems = []

    def append_invalid_row(self, number, row, validation_error):
        super().append_invalid_row(number, row, validation_error)
        messages = []
        for field, errors in validation_error.message_dict.items():
            prefix = "" if field == NON_FIELD_ERRORS else f"{field}: "
            messages += [prefix + error for error in errors]
        self._problem(number, row, messages)

    def append_error_row(self, number, row, errors):
        super().append_error_row(number, row, errors)
        self._problem(number, row, [str(error.error) for error in errors])

    def _problem(self, number, row, messages):
        identifier = str(row.get("identifier") or "").strip() or "(new record)"
        self.row_problems.append(RowProblem(number, identifier, messages))


class IdentifierWidget(widgets.ForeignKeyWidget):
    """A link to another record, written as that record's identifier."""

    def __init__(self, model):
        super().__init__(model, field="identifier")

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            return self.model._default_manager.get(identifier=value)
        except self.model.DoesNotExist:
            raise ValueError(
                f"No {self.model._meta.verbose_name} has the identifier {value!r}."
            ) from None


class IdentifierListWidget(widgets.ManyToManyWidget):
    """Several links, written as identifiers separated by commas."""

    def __init__(self, model):
        super().__init__(model, separator=",", field="identifier")

    def clean(self, value, row=None, **kwargs):
        wanted = [v.strip() for v in str(value or "").split(self.separator) if v.strip()]
        found = list(self.model._default_manager.filter(identifier__in=wanted))
        missing = sorted(set(wanted) - {record.identifier for record in found})
        if missing:
            raise ValueError(
                f"No {self.model._meta.verbose_name_plural} have the identifiers "
                f"{', '.join(repr(m) for m in missing)}."
            )
        return found


class PrefetchedInstanceLoader(ModelInstanceLoader):
    """The file's existing records in a few queries (batches of identifiers)
    instead of one query per row: the lookups were a tenth of a row's time.

    Each prefetched record is handed out once; an identifier met again later
    in the same file is looked up in the database as before, so a row sees
    what the rows above it wrote (as with the plain loader).
    """

    BATCH = 500  # well under SQLite's and PostgreSQL's limits on query parameters

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.field = resource.fields[resource.get_import_id_fields()[0]]
        self.unseen, self.waiting = set(), {}
        if dataset is None or self.field.column_name not in (dataset.headers or ()):
            return  # no identifier column: import_instance reports it per row
        wanted = sorted({self.field.clean(row) for row in dataset.dict} - {None, ""})
        self.unseen = set(wanted)
        for start in range(0, len(wanted), self.BATCH):
            batch = wanted[start : start + self.BATCH]
            for record in self.get_queryset().filter(**{f"{self.field.attribute}__in": batch}):
                self.waiting[getattr(record, self.field.attribute)] = record

    def get_instance(self, row):
        key = self.field.clean(row)
        if key not in self.unseen:
            return super().get_instance(row)  # met before in this file, or no identifier
        self.unseen.discard(key)
        return self.waiting.pop(key, None)


def link(name, model):
    return fields.Field(attribute=name, column_name=name, widget=IdentifierWidget(model))


def links(name, model):
    return fields.Field(
        attribute=name, column_name=name, widget=IdentifierListWidget(model), default=None
    )


def derived(name):
    """A column the catalogue computes: exported for reference, ignored on import."""
    return fields.Field(attribute=name, column_name=name, readonly=True)


class RecordResource(resources.ModelResource):
    version = fields.Field(
        attribute="version", column_name="version", readonly=True, widget=widgets.IntegerWidget()
    )

    class Meta:
        import_id_fields = ["identifier"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        skip_html_diff = False
        instance_loader_class = PrefetchedInstanceLoader

    def get_result_class(self):
        return ImportResult

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        # All or nothing, whoever calls: a row that fails validation rolls the
        # whole file back, as an error in any row already does.
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        self._dry_run = dry_run
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        stored_status = instance.status
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Links to many records are saved with the row (save_instance); read
        # them now so that an unknown identifier is reported with its row.
        self._many(row, errors)
        self._check_version(instance, row, errors)
        user = kwargs.get("user")
        if (
            instance.status != stored_status
            and user is not None
            and not services.can_publish(user, self._meta.model)
        ):
            errors["status"] = [
                f"You may not change the status ({stored_status} to {instance.status}): "
                "publishing needs the publish permission."
            ]
        if errors:
            raise ValidationError(errors)

    def _many(self, row, errors):
        """{field: [records]} from the row's many-to-many columns; unknown identifiers
        go to `errors`."""
        many = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    many[field.attribute] = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        return many

    def _check_version(self, instance, row, errors):
        written = str(row.get("version") or "").strip()
        if instance.pk is None or not written:
            return
        if not written.isascii() or not written.isdigit():
            errors["version"] = [f"{written!r} is not a version number."]
            return
        try:
            services.check_version(record=instance, expected=int(written))
        except services.StaleVersionError as error:
            errors[NON_FIELD_ERRORS] = [
                f"The record was changed after this file was exported: {error} Export it "
                "again, or leave the version empty to overwrite it."
            ]

    def save_instance(self, instance, is_create, row, **kwargs):
        """Save the row like an edit in the admin: fields, status and links in
        one save, one version, one history row."""
        reason = f"Imported from {kwargs.get('file_name') or 'a file'}"
        user = kwargs.get("user")
        # django-import-export's own hooks run around the save as they would in
        # its save_instance (the background import names the user in one).
        self.before_save_instance(instance, row, **kwargs)

        if getattr(self, "_dry_run", False):
            # A preview is rolled back: its history rows and search entries
            # would be thrown away unread, and they were a third of its time.
            # The record itself is still written, so the database checks it.
            instance.skip_history_when_saving = True
            instance._skip_search_index = True

        # import_instance has checked every link already.
        many = self._many(row, errors={})
        if is_create:
            services.record_create(
                record=instance, many=many, status=instance.status, user=user, reason=reason
            )
            self.after_save_instance(instance, row, **kwargs)
            return
        written = str(row.get("version") or "").strip()
        services.record_update(
            record=instance,
            changes={},
            many=many,
            status=instance.status,
            user=user,
            # Checked in import_instance already; the lock taken there is still held.
            expected_version=int(written) if written else None,
            reason=reason,
        )
        self.after_save_instance(instance, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        """Nothing left to do: the links were saved with the record (save_instance)."""


RECORD_FIELDS = ("identifier", "slug", "status")
AUTHORITY_FIELDS = (*RECORD_FIELDS, "name", "sort_name", "variants", "description", "wikidata")
# Physical description, access and rights: collections and documents alike.
ACCESS_FIELDS = (
    "extent_and_medium",
    "access_conditions",
    "reproduction_conditions",
    "rights_uri",
    "rights_label",
)


class HeldResource(RecordResource):
    """Documents and units alike: dated, and filed with a full reference code,
    all three derived on save, so exported and never imported."""

    full_reference_code = derived("full_reference_code")
    date_earliest = derived("date_earliest")
    date_latest = derived("date_latest")


class DocumentResource(HeldResource):
    place = link("place", Place)
    collection = link("collection", Collection)

    class Meta(RecordResource.Meta):
        model = Document
        name = "Documents"
        fields = (
            *RECORD_FIELDS,
            "title",
            "other_titles",
            "kind",
            "date_written",
            "date_edtf",
            "date_earliest",
            "date_latest",
            "place",
            "languages",
            "description",
            "transcription",
            "transcription_provenance",
            "collection",
            "collection_position",
            "reference_code",
            "full_reference_code",
            *ACCESS_FIELDS,
            "version",
        )


class ArticleResource(RecordResource):
    publisher = link("publisher", Organisation)
    authors = links("authors", Person)
    about_documents = links("about_documents", Document)
    about_people = links("about_people", Person)
    about_places = links("about_places", Place)
    about_organisations = links("about_organisations", Organisation)
    date_earliest = derived("date_earliest")
    date_latest = derived("date_latest")
    source_sha256 = derived("source_sha256")

    class Meta(RecordResource.Meta):
        model = Article
        name = "Articles"
        fields = (
            *RECORD_FIELDS,
            "title",
            "publisher",
            "site_name",
            "url",
            "authors",
            "licence",
            "accessed",
            "date_written",
            "date_edtf",
            "date_earliest",
            "date_latest",
            "body",
            "sections",
            "key_points",
            "source_filename",
            "source_text",
            "source_sha256",
            "about_documents",
            "about_people",
            "about_places",
            "about_organisations",
            "version",
        )


class PersonResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Person
        name = "People"
        fields = (*AUTHORITY_FIELDS, "life_dates_edtf", "biography", "viaf", "version")


class OrganisationResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Organisation
        name = "Organisations"
        fields = (*AUTHORITY_FIELDS, "kind", "viaf", "version")


class PlaceResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Place
        name = "Places"
        fields = (*AUTHORITY_FIELDS, "kind", "geonames", "version")


class RepositoryResource(RecordResource):
    class Meta(RecordResource.Meta):
        model = Repository
        name = "Repositories"
        fields = (
            *AUTHORITY_FIELDS,
            "code",
            "address",
            "url",
            "email",
            "telephone",
            "version",
        )


class CollectionResource(HeldResource):
    """Units link to their repository, the unit above them and their creator by
    identifier; a parent may be a row higher up in the same file (rows are
    saved in order), so a whole tree imports from one file written top down."""

    repository = link("repository", Repository)
    parent = link("parent", Collection)
    creator_person = link("creator_person", Person)
    creator_organisation = link("creator_organisation", Organisation)

    class Meta(RecordResource.Meta):
        model = Collection
        name = "Collections"
        fields = (
            *RECORD_FIELDS,
            "repository",
            "parent",
            "position",
            "level",
            "reference_code",
            "full_reference_code",
            "title",
            "date_written",
            "date_edtf",
            "date_earliest",
            "date_latest",
            *ACCESS_FIELDS,
            "creator_person",
            "creator_organisation",
            "languages",
            *Collection.DESCRIPTION_TEXTS,
            "rules_conventions",
            "version",
        )
