"""The tables of a snapshot: which rows (published only) and which columns,
each column with its Frictionless type and a description.

Every table starts from the models' `published()`; a link table's row is kept
only when every record it names is published, and a link from a published
record to a draft (a document's draft place) is written empty, so no draft
identifier reaches a file.
"""

from dataclasses import dataclass

from django.db.models import Case, F, When

from catalogue.models import (
    Article,
    Citation,
    Document,
    DocumentAgent,
    DocumentRelation,
    Mention,
    Organisation,
    Person,
    Place,
    published_at,
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless field type: string, integer, boolean, date, datetime, array
    description: str
    source: str = ""  # the ORM path read; the name when empty
    published_link: bool = False  # a link to a record: empty unless that record is published

    def expression(self):
        path = self.source or self.name
        if not self.published_link:
            return F(path)
        record = path.rsplit("__", 1)[0]
        return Case(When(published_at(record), then=F(path)), default=None)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    model: type
    columns: tuple
    key: str = "identifier"
    fts: tuple = ()  # columns of the SQLite file's full-text index
    # For a table without published() (a many-to-many table): both ends published.
    published_ends: tuple = ()

    def published(self):
        queryset = self.model._default_manager.all()
        if self.published_ends:
            return queryset.filter(*(published_at(end) for end in self.published_ends))
        return queryset.published()

    def rows(self, chunk_size=2000):
        """Published rows as tuples in column order, streamed from the database."""
        annotations = {f"_c{i}": c.expression() for i, c in enumerate(self.columns)}
        queryset = self.published().order_by("pk").annotate(**annotations)
        return queryset.values_list(*annotations).iterator(chunk_size=chunk_size)

    def count(self):
        return self.published().count()


def record_columns(*columns):
    return (
        Column("identifier", "string", "Stable public identifier; never changes."),
        Column("slug", "string", "The record's page address on the catalogue site."),
        *columns,
        Column("version", "integer", "Raised on every save of the record."),
        Column("created", "datetime", "When the record was created (UTC)."),
        Column("modified", "datetime", "When the record was last changed (UTC)."),
    )


def dated_columns():
    return (
        Column("date_written", "string", "The date exactly as the source writes it."),
        Column("date_edtf", "string", "The date in Extended Date/Time Format (EDTF)."),
        Column("date_earliest", "date", "The earliest day the date can mean."),
        Column("date_latest", "date", "The latest day the date can mean."),
    )


def authority_columns(*columns):
    return record_columns(
        Column("name", "string", "Display name."),
        Column("sort_name", "string", "Name as sorted."),
        Column("variants", "array", "Other spellings and forms of the name (a JSON list)."),
        Column("description", "string", "Description."),
        Column("wikidata", "string", "Wikidata identifier, e.g. Q193211."),
        *columns,
    )


def link(name, description, record):
    return Column(name, "string", description, f"{record}__identifier", published_link=True)


TABLES = (
    Table(
        "documents",
        "Documents",
        "Primary sources: declarations, treaties, protocols, letters, newspaper texts.",
        Document,
        record_columns(
            Column("title", "string", "Title."),
            Column("other_titles", "array", "Other titles (a JSON list)."),
            Column("kind", "string", "Kind of document."),
            *dated_columns(),
            link("place", "Identifier of the place (table places).", "place"),
            Column("languages", "array", "Languages (a JSON list of codes)."),
            Column("description", "string", "Description."),
            Column("transcription", "string", "Transcription or excerpts of the text."),
            Column("transcription_provenance", "string", "Where the transcription comes from."),
        ),
        fts=("title", "description", "transcription"),
    ),
    Table(
        "articles",
        "Articles",
        "Secondary texts about the documents and events.",
        Article,
        record_columns(
            Column("title", "string", "Title."),
            link("publisher", "Identifier of the publisher (table organisations).", "publisher"),
            Column("site_name", "string", "The site's name as the page gives it."),
            Column("url", "string", "Where the text was published."),
            Column("licence", "string", "The text's licence."),
            Column("accessed", "date", "When the text was retrieved."),
            *dated_columns(),
            Column("body", "string", "The cleaned text, without site chrome."),
            Column("key_points", "array", "Key points (a JSON list)."),
            Column("source_filename", "string", "File name of the text as received."),
            Column("source_sha256", "string", "SHA-256 of the text as received."),
        ),
        fts=("title", "body"),
    ),
    Table(
        "people",
        "People",
        "Authority records of people.",
        Person,
        authority_columns(
            Column("life_dates_edtf", "string", "Life dates in EDTF."),
            Column("biography", "string", "Biography."),
            Column("viaf", "string", "VIAF identifier."),
        ),
        fts=("name", "variants", "description"),
    ),
    Table(
        "organisations",
        "Organisations",
        "Authority records of states, agencies, newspapers and other bodies.",
        Organisation,
        authority_columns(
            Column("kind", "string", "Kind of organisation."),
            Column("viaf", "string", "VIAF identifier."),
        ),
        fts=("name", "variants", "description"),
    ),
    Table(
        "places",
        "Places",
        "Authority records of places.",
        Place,
        authority_columns(
            Column("kind", "string", "Kind of place."),
            Column("geonames", "string", "GeoNames identifier."),
        ),
        fts=("name", "variants", "description"),
    ),
    Table(
        "parties",
        "Parties",
        "The people and organisations involved in a document, with their role.",
        DocumentAgent,
        (
            Column("id", "integer", "Row number in the catalogue.", "pk"),
            Column("document", "string", "Identifier of the document.", "document__identifier"),
            Column("role", "string", "Role: signatory, party, author, publisher..."),
            Column("person", "string", "Identifier of the person, if one.", "person__identifier"),
            Column(
                "organisation",
                "string",
                "Identifier of the organisation, if one.",
                "organisation__identifier",
            ),
            Column("note", "string", "Note."),
            Column("order", "integer", "Position among the document's parties."),
        ),
        key="id",
    ),
    Table(
        "relations",
        "Relations",
        "Relations between documents (accompanied by, supersedes, responds to...).",
        DocumentRelation,
        (
            Column("id", "integer", "Row number in the catalogue.", "pk"),
            Column("source", "string", "Identifier of the first document.", "source__identifier"),
            Column("kind", "string", "Kind of relation."),
            Column("target", "string", "Identifier of the other document.", "target__identifier"),
            Column("note", "string", "Note."),
        ),
        key="id",
    ),
    Table(
        "citations",
        "Citations",
        "One work citing another: the reference as written, the quoted words, the locator.",
        Citation,
        (
            Column("id", "integer", "Row number in the catalogue.", "pk"),
            Column(
                "citing_article",
                "string",
                "Identifier of the citing article.",
                "citing_article__identifier",
            ),
            Column(
                "citing_document",
                "string",
                "Identifier of the citing document.",
                "citing_document__identifier",
            ),
            Column(
                "cited_document",
                "string",
                "Identifier of the cited document.",
                "cited_document__identifier",
            ),
            Column("cited_work", "string", "The cited work when it is not catalogued."),
            Column("kind", "string", "reference or quotation."),
            Column("footnote_label", "string", "Footnote label, e.g. 1."),
            Column("reference_text", "string", "The reference as written."),
            Column("quoted_text", "string", "The quoted words."),
            Column("locator", "string", "Where in the cited work, e.g. Article 9."),
            Column("quote_found", "boolean", "Whether the quote was found in the cited text."),
            Column("source_start", "integer", "Start of the citation in the article's text."),
            Column("source_end", "integer", "End of the citation in the article's text."),
        ),
        key="id",
    ),
    Table(
        "mentions",
        "Mentions",
        "Where an article's text names a person, organisation, place or document.",
        Mention,
        (
            Column("id", "integer", "Row number in the catalogue.", "pk"),
            Column("article", "string", "Identifier of the article.", "article__identifier"),
            Column("person", "string", "Identifier of the person named.", "person__identifier"),
            Column(
                "organisation",
                "string",
                "Identifier of the organisation named.",
                "organisation__identifier",
            ),
            Column("place", "string", "Identifier of the place named.", "place__identifier"),
            Column(
                "document", "string", "Identifier of the document named.", "document__identifier"
            ),
            Column("surface", "string", "The words as written."),
            Column("start", "integer", "Character offset in the article's source text."),
            Column("end", "integer", "End offset in the article's source text."),
        ),
        key="id",
    ),
    Table(
        "article_authors",
        "Article authors",
        "Who wrote each article.",
        Article.authors.through,
        (
            Column("article", "string", "Identifier of the article.", "article__identifier"),
            Column("person", "string", "Identifier of the person.", "person__identifier"),
        ),
        key="",
        published_ends=("article", "person"),
    ),
)
