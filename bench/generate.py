"""Fill a scratch catalogue with N documents and realistic numbers of everything else.

Deterministic: the same --seed and --documents give the same catalogue. Rows
are written with bulk_create through the models (so dates, slugs and the
fields' own rules are the project's), then the search index is built with
`manage.py rebuild_search_index`, as after any bulk write.

Per 1,000 documents: 50 people, 5 organisations, 10 places, 100 articles
(each about 2 documents, with 5 citations and 10 mentions), 2 to 4 parties
per document; 95 % published. Texts are drawn from a Zipf-like vocabulary
(a few words very common, most rare), with planted search terms whose
frequencies are known: `rare` (in 3 documents each), `one_percent` (in 1 %
of documents) and `sixty_percent` (in 60 %). They are printed and saved as
JSON next to the database (or to --terms), for search benchmarks.

    DJANGO_SQLITE_PATH=/tmp/bench/catalogue.sqlite3 .venv/bin/python bench/generate.py \\
        --documents 100000
    createdb -h 127.0.0.1 -U postgres bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/generate.py \\
        --documents 100000 --terms /tmp/bench/terms.json
"""

import argparse
import calendar
import datetime
import hashlib
import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from catalogue.models import (  # noqa: E402
    Article,
    Citation,
    Document,
    DocumentAgent,
    Mention,
    Organisation,
    Person,
    Place,
    Status,
)

BATCH = 2_000
SYLLABLES = (
    "ka",
    "ri",
    "to",
    "mo",
    "na",
    "shi",
    "ba",
    "ro",
    "ve",
    "li",
    "du",
    "sa",
    "ne",
    "po",
    "gu",
    "mi",
    "ta",
    "le",
    "zo",
    "hi",
    "ku",
    "ra",
    "de",
)
VOCABULARY_SIZE = 20_000


class Progress:
    """One line per stage, redrawn in place: count, percentage, seconds so far."""

    def __init__(self, label, total):
        self.label, self.total, self.started = label, total, time.perf_counter()

    def update(self, done):
        share = done / self.total if self.total else 1
        bar = "#" * int(share * 30)
        elapsed = time.perf_counter() - self.started
        sys.stderr.write(
            f"\r{self.label:14} [{bar:30}] {done:>9,}/{self.total:,} {share:4.0%} {elapsed:6.1f} s"
        )
        if done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


class Words:
    """A Zipf-like vocabulary of made-up words, and planted terms of known frequency."""

    def __init__(self, rng):
        self.rng = rng
        words = set()
        while len(words) < VOCABULARY_SIZE:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocabulary = sorted(words)
        rng.shuffle(self.vocabulary)
        # Weight of rank r is 1 / r^1.07 (word frequencies in natural text).
        self.weights = list(itertools.accumulate(1 / r**1.07 for r in range(1, len(words) + 1)))
        used = set(self.vocabulary)
        self.planted = {}
        for group, count in (("rare", 5), ("one_percent", 3), ("sixty_percent", 2)):
            self.planted[group] = []
            while len(self.planted[group]) < count:
                word = "".join(rng.choice(SYLLABLES) for _ in range(5)) + "x"
                if word not in used:
                    used.add(word)
                    self.planted[group].append(word)

    def text(self, count):
        return " ".join(self.rng.choices(self.vocabulary, cum_weights=self.weights, k=count))

    def sentence(self, count):
        text = self.text(count)
        return text[:1].upper() + text[1:] + "."


def planted_rows(rng, words, documents):
    """{document index: [planted words]}, with each word's exact number of documents."""
    rows = {}
    shares = {"rare": None, "one_percent": 0.01, "sixty_percent": 0.60}
    counts = {}
    for group, share in shares.items():
        for word in words.planted[group]:
            wanted = 3 if share is None else max(1, round(documents * share))
            wanted = min(wanted, documents)
            for index in rng.sample(range(documents), wanted):
                rows.setdefault(index, []).append(word)
            counts[word] = wanted
    return rows, counts


def edtf_date(rng):
    """(date_edtf, earliest, latest): mostly days, some months, a few years."""
    year = rng.randint(1850, 2020)
    roll = rng.random()
    if roll < 0.1:
        return str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = rng.randint(1, 12)
    last = calendar.monthrange(year, month)[1]
    if roll < 0.3:
        return (
            f"{year}-{month:02d}",
            datetime.date(year, month, 1),
            datetime.date(year, month, last),
        )
    day = datetime.date(year, month, rng.randint(1, last))
    return day.isoformat(), day, day


def status(rng):
    return Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT


def authorities(rng, words, documents):
    people = [
        Person(
            identifier=f"person-g{n}",
            slug=f"person-g{n}",
            name=f"{words.text(1).title()} {words.text(1).title()}",
            variants=[words.text(1).title()] if n % 3 == 0 else [],
            description=words.sentence(rng.randint(10, 30)),
            status=status(rng),
        )
        for n in range(max(1, documents // 20))
    ]
    for person in people:
        person.sort_name = person.default_sort_name()
    organisations = [
        Organisation(
            identifier=f"org-g{n}",
            slug=f"org-g{n}",
            name=f"{words.text(2).title()} Office",
            kind=rng.choice(Organisation.Kind.values),
            status=status(rng),
        )
        for n in range(max(1, documents // 200))
    ]
    places = [
        Place(
            identifier=f"place-g{n}",
            slug=f"place-g{n}",
            name=words.text(1).title(),
            kind=rng.choice(Place.Kind.values),
            status=status(rng),
        )
        for n in range(max(1, documents // 100))
    ]
    for records in (organisations, places):
        for record in records:
            record.sort_name = record.default_sort_name()
    return (
        Person.objects.bulk_create(people, batch_size=BATCH),
        Organisation.objects.bulk_create(organisations, batch_size=BATCH),
        Place.objects.bulk_create(places, batch_size=BATCH),
    )


def fill_documents(rng, words, count, places, people, organisations):
    planted, counts = planted_rows(rng, words, count)
    progress = Progress("documents", count)
    made = []
    for start in range(0, count, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, count)):
            edtf, earliest, latest = edtf_date(rng)
            extra = " ".join(planted.get(n, []))
            batch.append(
                Document(
                    identifier=f"doc-g{n}",
                    slug=f"doc-g{n}",
                    title=words.text(rng.randint(3, 9)).capitalize(),
                    kind=rng.choice(Document.Kind.values),
                    date_written=edtf,
                    date_edtf=edtf,
                    date_earliest=earliest,
                    date_latest=latest,
                    place=rng.choice(places) if rng.random() < 0.8 else None,
                    description=f"{words.sentence(rng.randint(20, 60))} {extra}".strip(),
                    transcription=words.sentence(rng.randint(150, 300))
                    if rng.random() < 0.1
                    else "",
                    status=status(rng),
                )
            )
        made.extend(Document.objects.bulk_create(batch))
        agents = [
            DocumentAgent(
                document=document,
                role=rng.choice(DocumentAgent.Role.values),
                **(
                    {"person": rng.choice(people)}
                    if rng.random() < 0.7
                    else {"organisation": rng.choice(organisations)}
                ),
            )
            for document in made[start:]
            for _ in range(rng.randint(2, 4))
        ]
        DocumentAgent.objects.bulk_create(agents)
        progress.update(len(made))
    return made, counts


def fill_articles(rng, words, count, documents, people, places, organisations):
    progress = Progress("articles", count)
    # Popular documents are cited far more often than the rest (Zipf again).
    popularity = list(itertools.accumulate(1 / r for r in range(1, len(documents) + 1)))
    for start in range(0, count, BATCH // 4):
        articles, texts = [], []
        for n in range(start, min(start + BATCH // 4, count)):
            text = "\n\n".join(words.sentence(rng.randint(40, 90)) for _ in range(5))
            texts.append(text)
            edtf, earliest, latest = edtf_date(rng)
            articles.append(
                Article(
                    identifier=f"article-g{n}",
                    slug=f"article-g{n}",
                    title=words.text(rng.randint(4, 10)).capitalize(),
                    site_name="Generated Review",
                    body=text,
                    source_text=text,
                    source_sha256=hashlib.sha256(text.encode()).hexdigest(),
                    date_edtf=edtf,
                    date_earliest=earliest,
                    date_latest=latest,
                    status=status(rng),
                )
            )
        articles = Article.objects.bulk_create(articles)
        citations, mentions = [], []
        about = Article.about_documents.through
        abouts = []
        for article, text in zip(articles, texts, strict=True):
            cited = rng.choices(documents, cum_weights=popularity, k=5)
            abouts.extend(
                about(article_id=article.pk, document_id=d.pk) for d in {cited[0], cited[1]}
            )
            citations.extend(
                Citation(
                    citing_article=article,
                    cited_document=document,
                    footnote_label=str(i + 1),
                    reference_text=f"See {document.title}.",
                    locator=f"page {rng.randint(1, 40)}",
                )
                for i, document in enumerate(cited)
            )
            spans = sorted(rng.sample(range(len(text) - 20), 10))
            for start_at in spans:
                target = rng.choice(
                    [("person", people), ("place", places), ("organisation", organisations)]
                )
                end_at = text.find(" ", start_at + 1)
                end_at = end_at if end_at > start_at else start_at + 5
                mentions.append(
                    Mention(
                        article=article,
                        surface=text[start_at:end_at],
                        start=start_at,
                        end=end_at,
                        **{target[0]: rng.choice(target[1])},
                    )
                )
        about.objects.bulk_create(abouts, ignore_conflicts=True)
        Citation.objects.bulk_create(citations)
        Mention.objects.bulk_create(mentions)
        progress.update(min(start + BATCH // 4, count))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1956)
    parser.add_argument(
        "--terms", help="where to save the planted terms (default: beside the SQLite file)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if Document.objects.exists():
        sys.exit("The database already holds documents: generate into an empty one.")
    rng = random.Random(args.seed)
    words = Words(rng)
    with transaction.atomic():
        people, organisations, places = authorities(rng, words, args.documents)
        documents, counts = fill_documents(
            rng, words, args.documents, places, people, organisations
        )
        fill_articles(
            rng, words, max(1, args.documents // 10), documents, people, places, organisations
        )
    fill_seconds = time.perf_counter() - started
    call_command("rebuild_search_index")
    build_seconds = time.perf_counter() - started - fill_seconds
    figures = {
        "seed": args.seed,
        "database": connection.vendor,
        "documents": args.documents,
        "records": {
            "documents": Document.objects.count(),
            "articles": Article.objects.count(),
            "people": Person.objects.count(),
            "organisations": Organisation.objects.count(),
            "places": Place.objects.count(),
            "citations": Citation.objects.count(),
            "mentions": Mention.objects.count(),
            "parties": DocumentAgent.objects.count(),
        },
        "terms": {
            group: {word: counts[word] for word in planted}
            for group, planted in words.planted.items()
        },
        "common_words": words.vocabulary[:5],
        "fill_seconds": round(fill_seconds, 1),
        "build_seconds": round(build_seconds, 1),
    }
    if args.terms:
        terms_path = Path(args.terms)
    elif connection.vendor == "sqlite":
        terms_path = Path(settings.DATABASES["default"]["NAME"]).with_suffix(".terms.json")
    else:
        terms_path = Path(f"bench-{settings.DATABASES['default']['NAME']}.terms.json")
    terms_path.write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures, indent=1))
    print(f"Built in {build_seconds:.0f} s; terms saved to {terms_path}")


if __name__ == "__main__":
    main()
