"""Currency markers: ISO 4217 codes, symbols and names, read from CLDR through babel.

numbers.py asks three questions of a piece of text next to a number: is it a code
("CHF", "NOK", "EUR"), a symbol ("€", "US$", "R", "Rs") or a name ("Swiss francs",
"Norwegian kroner", "euros")? Every answer is an ISO 4217 code, or None.

- Codes: every active ISO 4217 code babel knows, written in capitals. A few codes
  that are also common capitalised words in headlines ("ALL", "TOP") are left out.
- Symbols: the symbols CLDR's English locales use, where they name one currency
  ("€", "£", "₹", "A$", "R$", "R", "Rp", "Ksh"...). Where a symbol is shared, the
  currency English-language news means by it wins ("$" is USD, "£" GBP, "Rs" INR,
  "¥" JPY); symbols that stay ambiguous ("kr", "K") are not currencies here.
- Names: CLDR's English display names, singular and plural ("Swiss franc",
  "Norwegian kroner"), and the last word of a name when it names one currency
  ("euros", "zloty"; not "kroner", which is Norwegian or Danish), with the same
  English-news preferences ("dollars" USD, "rupees" INR). Words that are also
  English words after a number ("won", "real", "rand") count only in full names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from babel import Locale, localedata
from babel.numbers import get_currency_name, list_currencies

# Codes that are also capitalised words or common acronyms: "ALL 50 STATES", "COP 29",
# "AMD 5" and "CVE 2024" are no money.
_WORDLIKE_CODES = {"ALL", "TOP", "CUP", "MOP", "SOS", "BOB", "PEN", "MAD", "COP", "AMD", "CVE"}
# What English-language news means by a shared symbol or a bare currency word.
_PREFERRED_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "£": "GBP", "¥": "JPY", "Rs": "INR", "Rs.": "INR",
    "C$": "CAD", "S$": "SGD", "RMB": "CNY", "SFr": "CHF", "SFr.": "CHF", "Sfr": "CHF",
    "US $": "USD", "$US": "USD", "$A": "AUD", "$NZ": "NZD", "Can$": "CAD",
}  # fmt: skip
_PREFERRED_NAMES = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "pounds sterling": "GBP", "pound sterling": "GBP", "rupee": "INR", "rupees": "INR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "franc": "CHF", "francs": "CHF",
    "american dollars": "USD", "u.s. dollars": "USD", "us dollars": "USD", "korean won": "KRW",
}  # fmt: skip
# Last words of names that are ordinary English words after a number ("3 won").
_AMBIGUOUS_WORDS = {"won", "real", "reals", "mark", "marks", "rand", "rands", "lek", "som",
                    "kip", "riel", "pula", "loti", "birr", "leu", "lei", "vatu"}  # fmt: skip
# A currency word several countries use: an ISO code is only given by the country the
# sentence names ("30 billion crowns" in a sentence about Norway is NOK). English news
# writes the Nordic and Czech currencies as "crowns", which CLDR does not.
UNRESOLVED = "XXX"  # ISO 4217: no currency
_CROWNS = frozenset({"NOK", "SEK", "DKK", "ISK", "CZK"})
_ENGLISH_SHARED = {"crown": _CROWNS, "crowns": _CROWNS}
# Words CLDR's old or accounting currencies end in that are no money after a number.
_NOT_SHARED = {"gold", "unit", "units", "sucre", "sucres", "escudo", "escudos", "peseta",
               "pesetas", "guilder", "guilders"}  # fmt: skip
# Single letters are symbols only where they stand glued to digits ("R500 million").
GLUED_ONLY = {"R"}
_NOT_SYMBOLS = {"Le", "¤"}


@lru_cache(maxsize=1)
def codes() -> frozenset[str]:
    """Active ISO 4217 codes that may stand before or after a number."""
    return frozenset(c for c in list_currencies() if len(c) == 3 and c not in _WORDLIKE_CODES)


@lru_cache(maxsize=1)
def symbols() -> dict[str, str]:
    """Symbol as CLDR writes it (letters are case-sensitive) -> ISO code."""
    seen: defaultdict[str, set[str]] = defaultdict(set)
    for lid in localedata.locale_identifiers():
        if lid == "en" or lid.startswith("en_"):
            for code, symbol in Locale.parse(lid).currency_symbols.items():
                if symbol != code and symbol not in _NOT_SYMBOLS:
                    seen[symbol].add(code)
    out = {
        symbol: next(iter(found))
        for symbol, found in seen.items()
        if len(found) == 1 and (len(symbol) > 1 or not symbol.isalpha() or symbol in GLUED_ONLY)
    }
    out.update(_PREFERRED_SYMBOLS)
    return out


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Lower-cased English currency name (singular, plural, last word) -> ISO code."""
    full: dict[str, str] = {}
    for name, code in _english_names():
        full.setdefault(name, code)
    for word, found in _last_words().items():
        if len(found) == 1 and word not in _AMBIGUOUS_WORDS:
            full.setdefault(word, next(iter(found)))
    for word in _AMBIGUOUS_WORDS:
        full.pop(word, None)
    for word in shared_names():
        full.setdefault(word, UNRESOLVED)
    for name, code in _english_names():
        # "Norwegian krone" in CLDR is "Norwegian crowns" in English news.
        *nation, last = name.split()
        if nation and last in _CROWN_WORDS:
            full.setdefault(" ".join([*nation, "crown"]), code)
            full.setdefault(" ".join([*nation, "crowns"]), code)
    full.update(_PREFERRED_NAMES)
    return full


# CLDR's names of the currencies English calls "crowns".
_CROWN_WORDS = {"krone", "kroner", "krona", "kronor", "koruna", "korunas", "króna", "krónur"}


@lru_cache(maxsize=1)
def _english_names() -> tuple[tuple[str, str], ...]:
    """(lower-cased English name, ISO code) for every code, singular and plural."""
    found: list[tuple[str, str]] = []
    for code in codes():
        for count in (1, 2):
            name = get_currency_name(code, count, "en").lower()
            if name != code.lower() and "(" not in name:
                found.append((name, code))
    return tuple(found)


@lru_cache(maxsize=1)
def _last_words() -> dict[str, frozenset[str]]:
    """The last word of each English name -> the codes whose names end in it."""
    last: defaultdict[str, set[str]] = defaultdict(set)
    for name, code in _english_names():
        last[name.split()[-1]].add(code)
    return {word: frozenset(found) for word, found in last.items()}


@lru_cache(maxsize=1)
def shared_names() -> dict[str, frozenset[str]]:
    """Currency words several currencies share ("kroner": NOK, DKK; "crowns"), with the
    codes they may mean; English news' own preferences ("dollars") are not shared."""
    shared = {
        word: found
        for word, found in _last_words().items()
        if len(found) > 1
        and word not in _AMBIGUOUS_WORDS
        and word not in _PREFERRED_NAMES
        and word not in _NOT_SHARED
        and word.isalpha()
    }
    shared.update(_ENGLISH_SHARED)
    return shared


@lru_cache(maxsize=256)
def of_country(country: str) -> str | None:
    """The ISO code of the currency a country uses today ('Norway' -> NOK), from CLDR."""
    from babel.numbers import get_territory_currencies

    territories = {name.lower(): code for code, name in Locale("en").territories.items()}
    territory = territories.get(country.lower())
    if territory is None:
        return None
    found = get_territory_currencies(territory)
    return found[0] if found else None


def resolve_shared(word: str, countries: list[str]) -> str | None:
    """The code a shared currency word means in a sentence naming `countries`: the
    currency, among those the word may mean, of the countries named; None when none
    or several are ("Norway, Sweden and Denmark ... 30 billion crowns")."""
    candidates = shared_names().get(" ".join(word.lower().split()), frozenset())
    found = {code for country in countries if (code := of_country(country)) in candidates}
    return found.pop() if len(found) == 1 else None


def alternation(words: list[str]) -> str:
    """A regex alternation of `words`, longest first, spaces as any whitespace."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


def code_of(marker: str) -> str | None:
    """The ISO code for a code, symbol or name, as written; None if it is not one."""
    key = " ".join(marker.split())
    if key in codes():
        return key
    found = symbols().get(key) or symbols().get(key.replace(" ", ""))
    if found is None and not key.replace(".", "").isalpha():
        # "us$", "Us$": a symbol with a sign in it is no word, whatever its case.
        folded = {s.lower(): code for s, code in symbols().items()}
        found = folded.get(key.lower().replace(" ", ""))
    return found or names().get(key.lower())
