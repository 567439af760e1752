"""Names of money subjects that come from the main event rather than the sentence.

A pledging event names two kinds of subject (DESIGN.md, "Subjects that carry over"):
the event's total (`nutrition_for_growth_summit_total`, after the event's plain name,
without its city, year or acronym) and, where no fund is named, a donor's pledge to
the event's cause (`france_nutrition`: the donor and the theme the event is named
after). This module tells both from the main event's name; filing calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from summit_facts import names
from summit_facts.events.words import ORDINALS
from summit_facts.models import Claim, Context, MainEvent
from summit_facts.numbers import SCALE_WORDS
from summit_facts.rules import slugify

# Words that say what kind of gathering a name is, not what it is about.
EVENT_KIND_WORDS = {"summit", "conference", "congress", "symposium", "expo", "meeting", "forum",
                    "replenishment", "pledging", "edition", "session"}  # fmt: skip
_FILLER = {"the", "of", "on", "for", "and", "in", "at", "to", "a", "an", "&", "un", "united",
           "nations", "international", "global", "world"}  # fmt: skip
# Bodies that hold money: an event named after one raises money for it, not for a cause.
_MONEY_BODIES = {"fund", "facility", "alliance", "bank", "foundation", "trust", "mechanism"}
_ORDINALS = ORDINALS | {"ninth", "tenth", "annual"}
# Names of what tracks or frames money, not of what it pays for: "tracked by the Global
# Nutrition Report platform", "towards the Sustainable Development Goals".
TRACKER_WORDS = {"report", "framework", "goals", "platform", "index", "tracker", "dashboard",
                 "database", "survey", "agenda"}  # fmt: skip
# What may follow the cause in a clause that names nothing else: "to fight malnutrition
# around the world", "for projects related to nutrition.", "against hunger worldwide".
_CAUSE_ENDS = {",", ".", ";", ":", "–", "—", "-", "(", "around", "worldwide", "across", "in",
               "by", "until", "through", "over", "and", "with", "from", "'s", "’s"}  # fmt: skip
_CAUSE_REACH = 12  # words between the value and the cause


def _acronym_of(word: str, others: list[str]) -> bool:
    """Whether `word` ('N4G', 'ACS') abbreviates the other words of the name: its
    letters, in order, are initials of them ('4' standing for 'for')."""
    letters = [ch.lower() for ch in word if ch.isalpha()]
    if len(letters) < 2 or not word.replace("4", "").replace("2", "").isupper():
        return False
    initials = [w[0].lower() for w in others if w[:1].isalpha()]
    at = 0
    for letter in letters:
        while at < len(initials) and initials[at] != letter:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return True


def plain_name_words(main: MainEvent | None) -> list[str]:
    """The main event's name without its city, its year or an acronym that restates it:
    'Paris Nutrition for Growth N4G Summit' -> Nutrition for Growth Summit."""
    if main is None or not main.name:
        return []
    words = [
        w.removesuffix("'s").removesuffix("’s")
        for w in re.findall(r"[\w'’-]+", main.name)
        if not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)
    ]
    city = names.fold(main.city).split() if main.city else []
    kept = [w for w in words if not (city and names.fold(w) in city and len(words) > 2)]
    kept = [w for w in kept if not _acronym_of(w, [o for o in kept if o != w])]
    return kept or words


def total_name(main: MainEvent | None) -> str | None:
    """The subject of the main event's total: `nutrition_for_growth_summit_total`."""
    words = plain_name_words(main)
    return f"{slugify(' '.join(words))}_total" if words else None


def own_names(main: MainEvent | None) -> set[str]:
    """The names the main event's money is filed under when the event is taken for a
    programme: its full and plain names, the plain name without the kind of gathering
    ('nutrition_for_growth'), an acronym it carries ('n4g') and its initials."""
    if main is None or not main.name:
        return set()
    words = [w for w in re.findall(r"[\w-]+", main.name) if not re.fullmatch(r"\d+", w)]
    plain = plain_name_words(main)
    found = {slugify(" ".join(words)), slugify(" ".join(plain))}
    bare = [w for w in plain if w.lower() not in EVENT_KIND_WORDS]
    if len([w for w in bare if w.lower() not in _FILLER]) >= 2 and len(bare) < len(plain):
        # "Nutrition for Growth", not "Gavi": a one-word name without the kind of
        # gathering is the body the event raises money for
        found.add(slugify(" ".join(bare)))
    found |= {w.lower() for w in words if _acronym_of(w, [o for o in words if o != w])}
    initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
    if len(initials) >= 2:
        found.add(initials)
    return found - {""}


def theme_words(main: MainEvent | None) -> list[str]:
    """The cause the main event is named after: its plain name's words that are no
    place, no kind of gathering and no filler ('Nutrition for Growth Summit' ->
    nutrition, growth)."""
    out = []
    plain = plain_name_words(main)
    if any(w.lower() in _MONEY_BODIES for w in plain):
        return []  # "the Global Fund's Seventh Replenishment": a fund, named, is no cause
    for word in plain:
        low = word.lower()
        if low in _ORDINALS:
            continue
        if low in EVENT_KIND_WORDS or low in _FILLER or len(low) < 4:
            continue
        if names.is_place_word(low) or names.is_continent(word) or names.is_region(word):
            continue
        if word.isupper():
            continue  # an acronym ("AI", "G7") names no cause
        out.append(low)
    return out


def cause_after(lemmas: list[str], end: int, main: MainEvent | None) -> str | None:
    """The main event's cause when the clause after the value names it and nothing more
    ("€750 million for projects related to nutrition", "to fight malnutrition around the
    world"): the theme word the clause's word contains; None when the cause word goes on
    as a modifier ("ocean governance" names its own purpose) or the clause ends first."""
    themes = theme_words(main)
    if not themes:
        return None
    for i in range(end, min(len(lemmas), end + _CAUSE_REACH + 1)):
        word = lemmas[i]
        if word in (".", ";") or (word == "," and i > end):
            return None
        theme = next((t for t in themes if t in word), None)
        if theme is None:
            continue
        after = lemmas[i + 1] if i + 1 < len(lemmas) else "."
        return theme if after in _CAUSE_ENDS else None
    return None


def is_tracker(name: str) -> bool:
    """Whether a name is of what tracks or frames money ('the Global Nutrition Report',
    'the Sustainable Development Goals'), not of what the money pays for."""
    words = name.lower().split()
    return bool(words) and words[-1] in TRACKER_WORDS


# Verbs that tell money coming together at an event: "the Summit raised US$28 billion",
# "US$27.55 billion in commitments were gathered", "more than $27 billion was pledged".
GATHERING_VERBS = {"raise", "mobilise", "mobilize", "gather", "secure", "collect", "attract",
                   "draw", "pledge", "commit", "announce", "reach", "total"}  # fmt: skip
# Nouns for all the pledges made, as the subject of a sentence: "the financial commitments
# of the international community reached $27.55 billion".
PLEDGE_NOUNS = {"commitment", "commitments", "pledge", "pledges"}
# "A total of US$9 billion was raised": the parse makes "total" the subject.
_TOTAL_NOUNS = {"total", "sum"}


def raised_by_event(ctx: Context) -> bool:
    """Whether unnamed money is told as what the event gathered: the event raises it
    ("The Summit raised US$ 28 billion"), it is told as all the pledges together ("the
    financial commitments ... reached $27.55 billion"), or it was pledged with no one
    named as who pledged it ("more than $27 billion was pledged on its opening day")."""
    heads = (ctx.governor, "billion", "million", *_TOTAL_NOUNS)
    if ctx.governor not in GATHERING_VERBS or ctx.head not in heads:
        return False  # "up from the previous milestone of US$ 27 billion": another figure
    agent = (ctx.agent or "").lower().split()
    if agent and not any(ch.isdigit() for ch in ctx.agent or ""):
        return agent[-1] in EVENT_KIND_WORDS | PLEDGE_NOUNS | _TOTAL_NOUNS
    # no one acts: the value is the subject of a passive verb ("was pledged")
    after = ctx.lemmas[ctx.value_token_end :]
    told = next((i for i, w in enumerate(after) if w == ctx.governor), None)
    passive = told is not None and told > 0 and after[told - 1] in ("be", "was", "were")
    return passive and all(is_tracker(n) for n in ctx.names)


# Words that widen a cause without naming another: "global malnutrition".
_SCOPE_WORDS = {"global", "world", "worldwide", "international", "around", "the"}


def cause_of_purpose(purpose: str, main: MainEvent | None) -> str | None:
    """The main event's cause when a purpose names it and nothing more ('global
    malnutrition' -> nutrition at a summit named after nutrition); else None."""
    themes = theme_words(main)
    words = [w for w in purpose.split("_") if w not in _SCOPE_WORDS]
    found = {next((t for t in themes if t in w), None) for w in words}
    return found.pop() if len(found) == 1 and None not in found else None


def _tokens(slot: str) -> list[str]:
    return slot.split("_")


def causes_told(claims: Sequence[Claim], donor_only: Callable[[str], bool]) -> set[str]:
    """The causes of the main event that donors' pledges are named after: a last word
    `T` of `<donor>_T` subjects from two sources or more that the event's total
    (`..._total`) names too ('nutrition' in `nutrition_for_growth_summit_total`)."""
    totals = {t for c in claims if c.topic == "funding" and c.slot.endswith("_total")
              for t in _tokens(c.slot)}  # fmt: skip
    told: dict[str, set[str]] = {}
    for claim in claims:
        tokens = _tokens(claim.slot)
        if claim.topic != "funding" or len(tokens) < 2 or tokens[-1] not in totals:
            continue
        if donor_only("_".join(tokens[:-1])):
            told.setdefault(tokens[-1], set()).add(claim.source.id)
    return {cause for cause, sources in told.items() if len(sources) >= 2}


def give_donors_the_cause(
    claims: Sequence[Claim], funds: Mapping[str, str], donor_only: Callable[[str], bool]
) -> None:
    """A donor's money with nothing named, in an article about no fund, at an event whose
    pledges are named after its cause, is the donor's pledge to that cause: 'Germany
    pledged €870 million' is `germany_nutrition` when other donors' pledges are (in
    place)."""
    causes = causes_told(claims, donor_only)
    if len(causes) != 1:
        return
    cause = causes.pop()
    for claim in claims:
        if claim.topic != "funding" or claim.rule == "auto" or claim.part_of:
            continue
        donor = claim.slot.removesuffix("_annual")
        if claim.source.id in funds or not donor_only(donor):
            continue
        claim.slot = f"{donor}_{cause}{claim.slot.removeprefix(donor)}"


def reports_the_total(filed: Iterable[Claim]) -> bool:
    """Whether an article reports the event's total: it is about the event, not about a
    fund it names in passing."""
    return any(c.slot.endswith("_total") and not c.part_of for c in filed)


_PER_YEAR = (["a", "year"], ["per", "year"], ["each", "year"], ["every", "year"], ["annually"],
             ["per", "annum"])  # fmt: skip


def told_per_year(ctx: Context) -> bool:
    """Whether the value is told as a yearly amount ('€250 million a year')."""
    after = ctx.lemmas[ctx.value_token_end : ctx.value_token_end + 2]
    return any(after[: len(words)] == words for words in _PER_YEAR)


def respective_agent(ctx: Context) -> str | None:
    """The one of several givers that "respectively" pairs with the value: "The World
    Bank and the African Development Bank pledged US$5 billion and US$9.5 billion,
    respectively" gives the second amount to the second bank (givers in the order the
    sentence names them); None unless the givers and the amounts are as many."""
    if "respectively" not in ctx.lemmas or not ctx.agent:
        return None
    givers = [g.strip() for g in re.split(r",\s*(?:and\s+)?|\s+and\s+", ctx.agent) if g.strip()]
    if len(givers) < 2:
        return None
    lemmas = ctx.lemmas

    def told_at(giver: str) -> int:
        words = giver.lower().split()
        found = (i for i in range(len(lemmas)) if lemmas[i : i + len(words)] == words)
        return next(found, len(lemmas))

    givers.sort(key=told_at)
    scales = [i for i, w in enumerate(lemmas) if w in SCALE_WORDS]
    own = [n for n, i in enumerate(scales) if ctx.value_token <= i < ctx.value_token_end]
    if len(scales) != len(givers) or len(own) != 1:
        return None
    return givers[own[0]]


def in_relative_clause(ctx: Context, name: str) -> bool:
    """Whether `name` is told as who does something else, in a relative clause after the
    value: "$27.55 billion ... were gathered, which will be tracked by the platform run
    by the NGO Path" tells who tracks it, not what it pays for."""
    first = name.lower().removeprefix("the ").split()[:1]
    if not first or first[0] in ctx.lemmas[: ctx.value_token]:
        return False
    rest = ctx.lemmas[ctx.value_token_end :]
    relative = next((i for i, w in enumerate(rest) if w in ("which", "who")), None)
    if relative is None:
        return False
    for i in range(relative + 1, len(rest)):
        if rest[i] != first[0]:
            continue
        before = [w for w in rest[relative:i] if w not in ("the", "a", "an", '"', "“", "”")]
        if "by" in before[-2:]:  # "run by the NGO Path", "run by the charity Harvest"
            return True
    return False
