"""Build a corpus of N distinct, realistic text-layer statement PDFs for the benchmarks.

Letters are German statements in the four layouts ingest reads (see ``letters.py``); their body
paragraphs are the real paragraphs of the bundled sample corpus (as ingest reads them),
recombined per letter with a seeded RNG, under varied senders, dates and reference numbers.
Letter ``i`` depends only on ``i`` (and on the letters before it, which it must differ from), so
a corpus of 100 is the first 100 letters of a corpus of 1,000. Built corpora are cached in
``benchmarks/.corpus/<N>/`` (git-ignored) with a stamp of ``VERSION``; change ``VERSION`` when
the letters change.

    .venv/bin/python benchmarks/corpus.py --n 240
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

from letters import Letter, draw

VERSION = "1"
SEED = "stellungnahmen-bench"
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpus"
SAMPLE = HERE.parent / "data" / "raw" / "sample"
STAMP = "corpus.json"
LIST_ITEM = re.compile(r"[-–•*]\s|\d+[.)]\s|[a-z][.)]\s")
# Most letters have 3-8 paragraphs (1-2 pages); one in ten has 12-16 (3 pages).
LONG_SHARE = 0.1

# The sample's synthetic motions (file-name prefix → town and motion); the one real letter
# (Chemnitz) is left out.
MOTIONS = {
    "auenberg-ba045-2021": (
        "Stadt",
        "Auenberg",
        "09387",
        "BA-045/2021",
        "Beschlussantrag",
        "Digitalisierungsstrategie für Auenberg",
    ),
    "auenberg-ba112-2021": (
        "Stadt",
        "Auenberg",
        "09387",
        "BA-112/2021",
        "Beschlussantrag",
        "Aktionsplan Inklusion",
    ),
    "bergfeld-a07-2022": (
        "Gemeinde",
        "Bergfeld",
        "01744",
        "A-07/2022",
        "Antrag",
        "Hitzeaktionsplan für Bergfeld",
    ),
    "bergheim-saale-ba023-2023": (
        "Stadt",
        "Bergheim an der Saale",
        "06217",
        "BA-023/2023",
        "Beschlussantrag",
        "Open-Data-Strategie für Bergheim",
    ),
    "lindenau-ds0815-2022": (
        "Stadt",
        "Lindenau",
        "04890",
        "Drucksache 0815/2022",
        "",
        "Radverkehrsstrategie Lindenau",
    ),
    "lindenau-v2022-117": (
        "Stadt",
        "Lindenau",
        "04890",
        "V-2022/117",
        "Vorlage",
        "Konzept zur Jugendbeteiligung",
    ),
}

GIVEN = {
    "f": "Anja Bärbel Claudia Doris Elke Franziska Gabriele Heike Ines Jana Karin Katrin "
    "Martina Nadine Petra Sabine Simone Ulrike",
    "m": "Andreas Bernd Christian Dirk Frank Günter Holger Jens Jörg Klaus Lutz Matthias "
    "Michael Ralf Steffen Thomas Uwe Volker",
}
SURNAMES = (
    "Albrecht Bachmann Böttcher Dietrich Ebert Fiedler Franke Fröhlich Günther Hahn Hoffmann "
    "Kästner Kluge Krause Lehmann Lorenz Meißner Neumann Oehme Pfeiffer Richter Schubert "
    "Seidel Steinbach Thiele Ullrich Vogel Wagner Weißflog Zimmermann"
)
STREETS = "Am Markt|Bahnhofstraße|Lindenallee|Schulweg|Mühlgasse|Rosenstraße|Am Anger|Gartenweg"

# Stakeholder kinds: (weight, layouts, org templates, units, roles (f, m), title prefix).
KINDS = {
    "administration": (
        20,
        "din din din memo",
        ["{kind} {town}"],
        ["Hauptamt", "Amt für Stadtentwicklung", "Fachbereich Digitalisierung", "Ordnungsamt"],
        [("Amtsleiterin", "Amtsleiter"), ("Fachbereichsleiterin", "Fachbereichsleiter")],
        "",
    ),
    "commissioner": (
        10,
        "din memo memo",
        ["{kind} {town}"],
        ["Stabsstelle Gleichstellung", "Stabsstelle Inklusion", "Stabsstelle Datenschutz"],
        [("Gleichstellungsbeauftragte", "Gleichstellungsbeauftragter")],
        "",
    ),
    "advisory_board": (
        12,
        "din memo plain",
        ["{kind} {town}"],
        ["Seniorenbeirat", "Jugendbeirat", "Behindertenbeirat", "Migrationsbeirat"],
        [("Vorsitzende des Beirats", "Vorsitzender des Beirats")],
        "",
    ),
    "political_group": (
        15,
        "plain plain email din",
        [
            "CDU-Fraktion im Stadtrat {town}",
            "SPD-Fraktion im Stadtrat {town}",
            "Fraktion Bündnis 90/Die Grünen im Stadtrat {town}",
            "Fraktion Freie Wähler {town}",
        ],
        ["Fraktionsgeschäftsstelle", ""],
        [("Fraktionsvorsitzende", "Fraktionsvorsitzender")],
        "",
    ),
    "association": (
        18,
        "plain email din",
        [
            "Heimatverein {town} e. V.",
            "Kreissportbund {town} e. V.",
            "ADFC Ortsgruppe {town}",
            "Lebenshilfe {town} e. V.",
            "NABU-Gruppe {town}",
        ],
        ["Vorstand", "Geschäftsstelle"],
        [("Vorsitzende", "Vorsitzender"), ("Geschäftsführerin", "Geschäftsführer")],
        "",
    ),
    "business": (
        8,
        "din email",
        [
            "Stadtwerke {town} GmbH",
            "Kreishandwerkerschaft {town}",
            "Wohnungsgenossenschaft {town} eG",
        ],
        ["Geschäftsführung", "Unternehmenskommunikation"],
        [("Geschäftsführerin", "Geschäftsführer")],
        "",
    ),
    "academia": (
        7,
        "din email",
        ["Hochschule {town}"],
        ["Fakultät Sozialwissenschaften", "Institut für Stadtentwicklung"],
        [("Professorin", "Professor")],
        "Prof. Dr. ",
    ),
    "citizen": (10, "plain plain email", [""], [""], [("Einwohnerin", "Einwohner")], ""),
}
SALUTATIONS = (
    "Sehr geehrte Damen und Herren,",
    "Sehr geehrte Stadträtinnen und Stadträte,",
    "Sehr geehrte Frau Oberbürgermeisterin,",
)


def paragraph_pool(cache: Path = CACHE) -> dict[str, list[str]]:
    """The sample corpus's body paragraphs per motion, as ingest reads them (cached)."""
    path = cache / f"pool-v{VERSION}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    import pandas as pd

    from analysis.ingest.batch import ingest
    from analysis.ingest.work import IngestConfig

    with tempfile.TemporaryDirectory() as tmp:
        ingest([SAMPLE], Path(tmp), IngestConfig(ocr="off"), workers=2)
        paragraphs = pd.read_parquet(Path(tmp) / "paragraphs.parquet")
        statements = pd.read_parquet(Path(tmp) / "statements.parquet")
    rows = paragraphs.merge(statements[["statement_id", "source_file"]], on="statement_id")
    pool: dict[str, list[str]] = {}
    for prefix in MOTIONS:
        texts = rows[rows.source_file.str.startswith(prefix)].text
        pool[prefix] = sorted({t for t in texts if _standalone(t)})
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pool, ensure_ascii=False, indent=1), encoding="utf-8")
    return pool


def _standalone(text: str) -> bool:
    """A paragraph that reads on its own: no list item, no lead-in to one, not a fragment."""
    return len(text) >= 60 and not text.endswith(":") and not LIST_ITEM.match(text)


def letter_spec(index: int, pool: dict[str, list[str]], attempt: int = 0) -> Letter:
    """Letter ``index`` of the corpus: everything drawn from an RNG seeded by its index."""
    rng = random.Random(f"{SEED}:{index}:{attempt}")
    prefix = rng.choice(sorted(MOTIONS))
    town_kind, town, postcode, ref, label, title = MOTIONS[prefix]
    kind = rng.choices(list(KINDS), weights=[k[0] for k in KINDS.values()])[0]
    _, layouts, orgs, units, roles, prefix_title = KINDS[kind]
    gender = rng.choice("fm")
    given, surname = rng.choice(GIVEN[gender].split()), rng.choice(SURNAMES.split())
    org = rng.choice(orgs).format(kind=town_kind, town=town) or None
    year = int(re.search(r"20\d\d", ref).group())
    texts = pool[prefix]
    openings = [t for t in texts if t[0].islower()]
    rest = [t for t in texts if not t[0].islower()]
    count = rng.randint(12, 16) if rng.random() < LONG_SHARE else rng.randint(3, 8)
    body = [rng.choice(openings)] if openings else []
    body += rng.sample(rest, min(len(rest), count - len(body)))
    return Letter(
        layout=rng.choice(layouts.split()),
        family=rng.choice(("Sans", "Sans", "Serif")),
        town=town,
        town_kind=town_kind,
        postcode=postcode,
        cited=f"{label} {ref}".strip(),
        motion_ref=ref,
        title=title,
        org=org,
        unit=rng.choice(units) or None,
        person=f"{prefix_title}{given} {surname}",
        role=rng.choice(roles)[0 if gender == "f" else 1],
        street=f"{rng.choice(STREETS.split('|'))} {rng.randint(1, 60)}",
        email=f"{given[0].lower()}.{_ascii(surname)}@{_ascii(town.split()[0])}.example",
        phone=f"0{rng.randint(3400, 3799)} {rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
        date=dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(30, 320)),
        reference=f"{rng.randint(10, 99)}.{rng.randint(1, 9)}-{index:05d}",
        salutation=rng.choice(SALUTATIONS),
        paragraphs=tuple(body),
    )


def _ascii(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
    return text.lower().translate(table)


def specs(stop: int, pool: dict[str, list[str]]) -> list[Letter]:
    """Letters 0 … stop-1, each differing from every earlier one in sender, date or body."""
    seen: set[tuple] = set()
    letters = []
    for index in range(stop):
        attempt = 0
        while True:
            letter = letter_spec(index, pool, attempt)
            key = (letter.org, letter.person, letter.date, letter.paragraphs)
            if key not in seen:
                break
            attempt += 1
        seen.add(key)
        letters.append(letter)
    return letters


def file_name(index: int, letter: Letter) -> str:
    return f"stellungnahme-{index:05d}-{letter.layout}.pdf"


def _draw_one(job: tuple[int, Letter, str]) -> tuple[str, int]:
    index, letter, folder = job
    name = file_name(index, letter)
    return name, draw(letter, Path(folder) / name)


def build_corpus(n: int, first: int = 0, jobs: int = 2, cache: Path = CACHE) -> Path:
    """Folder with letters ``first`` … ``first+n-1`` as PDFs, built unless cached."""
    folder = cache / (f"{n}" if first == 0 else f"{first}-{first + n}")
    stamp = _read_stamp(folder)
    if stamp and stamp.get("version") == VERSION and stamp.get("count") == n:
        return folder
    pool = paragraph_pool(cache)
    letters = specs(first + n, pool)[first:]
    building = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    work = [(first + i, letter, str(building)) for i, letter in enumerate(letters)]
    pages: dict[str, int] = {}
    with Pool(jobs) as workers:
        for done, (name, count) in enumerate(workers.imap_unordered(_draw_one, work, 8), 1):
            pages[name] = count
            if done % 50 == 0 or done == n:
                print(f"\rbuilding corpus {folder.name}: {done}/{n} PDFs", end="", file=sys.stderr)
    print(file=sys.stderr)
    _check_distinct(building)
    stamp = {"version": VERSION, "first": first, "count": n, "pages": dict(sorted(pages.items()))}
    (building / STAMP).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    building.rename(folder)
    return folder


def _read_stamp(folder: Path) -> dict | None:
    try:
        return json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _check_distinct(folder: Path) -> None:
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.pdf")}
    if len(digests) != len(list(folder.glob("*.pdf"))):
        raise RuntimeError(f"{folder}: two letters came out byte-identical")


def pages_of(folder: Path) -> dict[str, int]:
    """Pages per PDF as drawn (recorded when the corpus was built)."""
    stamp = _read_stamp(folder)
    if not stamp:
        raise FileNotFoundError(f"{folder} is not a built corpus")
    return stamp["pages"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[240], help="corpus sizes")
    parser.add_argument("--jobs", type=int, default=2, help="processes drawing PDFs")
    args = parser.parse_args()
    for n in args.n:
        folder = build_corpus(n, jobs=args.jobs)
        pages = pages_of(folder)
        print(f"{folder}: {len(pages)} PDFs, {sum(pages.values())} pages")


if __name__ == "__main__":
    main()
