"""Consolidation of instrument subjects across sources.

Filing names each instrument other than the principal one after its distinctive words
(`signatories/count_fossil_fuel_roadmap`, DESIGN.md, "Several instruments at one
event"). Sources name one text at different lengths: "the fossil fuel roadmap" in one,
"a formal 'roadmap'" in another; "the Frontier AI Safety Commitments" and "new safety
commitments". A suffix whose words are all in exactly one longer suffix of the same
kind of text is that text: its claims take the longer name. Two longer candidates
("statement" against "ministerial_statement" and "youth_statement") leave it alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping

from summit_facts import names
from summit_facts.filing import AUTO_TOPIC, COMPANIES, COMPANY_SIGNERS, KIND_OF, PROGRAMME_SIGNED
from summit_facts.models import INSTRUMENT_WORDS, Claim, EntitiesValue, TextValue
from summit_facts.rules import slugify

TOPIC = "signatories"
# The slots every instrument has (rules/signatories.yaml), longest first so that
# `non_signers_x` is not read as `members`-less.
BASES = ("declaration_name", "non_signers", "members", "count")


def _split(slot: str) -> tuple[str, str] | None:
    """`count_fossil_fuel_roadmap` -> ("count", "fossil_fuel_roadmap"); None for a
    principal slot or one that is not an instrument's."""
    for base in BASES:
        if slot.startswith(f"{base}_"):
            return base, slot.removeprefix(f"{base}_")
    return None


def _parts(words: list[str]) -> tuple[frozenset[str], str, tuple[str, ...]] | None:
    """A suffix as (name words, kind, tail): `high_seas_treaty_new_ratifications` ->
    ({high, seas}, "treaty", ("new", "ratifications")); None without an instrument word.
    Plurals of kinds fold (commitments -> commitment)."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in INSTRUMENT_WORDS:
            kind = KIND_OF.get(words[i], words[i])
            kind = kind.removesuffix("s") if kind.endswith("ments") else kind
            return frozenset(words[:i]), kind, tuple(words[i + 1 :])
    return None


def longer_names(suffixes: Iterable[str]) -> dict[str, str]:
    """Suffix -> the one longer suffix naming the same kind of text, with the same tail
    (`new_ratifications` is another subject than `new_ratifications_monday`), whose
    words contain all of its words."""
    counts = Counter(suffixes)
    parts = {s: _parts(s.split("_")) for s in counts}
    out: dict[str, str] = {}
    # One name spelt two ways ("frontier_commitment", "frontier_commitments"): the
    # commoner spelling, then the longer.
    spelt: dict[tuple[object, ...], list[str]] = {}
    for s, p in parts.items():
        if p is not None:
            spelt.setdefault(p, []).append(s)
    for same in spelt.values():
        best = max(same, key=lambda s: (counts[s], len(s), s))
        out.update({s: best for s in same if s != best})
    for short, p in parts.items():
        if p is None or short in out:
            continue
        found = [
            long
            for long, q in parts.items()
            if q is not None and long not in out and q[1:] == p[1:] and p[0] < q[0]
        ]
        # A chain of longer names ("framework_convention", "coe_framework_convention")
        # is one text: its longest.
        words = {f: q[0] for f in found if (q := parts[f]) is not None}
        longest = [f for f in found if not any(words[f] < words[g] for g in found)]
        if len(longest) == 1:
            out[short] = longest[0]
    # A chain (roadmap -> fuel_roadmap -> fossil_fuel_roadmap) ends at its longest name.
    for short in list(out):
        seen = {short}
        while out[short] in out and out[short] not in seen:
            seen.add(out[short])
            out[short] = out[out[short]]
    return out


# A capitalised name of up to eight words, with the small words names carry inside them.
_NAME = r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|on|of|for|in|and|the)){0,7}"
# One text told by two names in one sentence: "Known formally as the Agreement on X, the
# High Seas Treaty ...", "the High Seas Treaty, known formally as the Agreement on X". (A
# name and its bracketed acronym are `acronyms`'.)
_TOLD_AS_ONE = (
    re.compile(rf"\b[Kk]nown\s+(?:formally\s+|officially\s+)?as\s+(?:the\s+)?(?P<a>{_NAME})\s*,\s+"
               rf"(?:the\s+)?(?P<b>{_NAME})"),
    re.compile(rf"(?:the\s+)?(?P<a>{_NAME}),\s+(?:formally|officially|also)\s+(?:known\s+as|called)\s+"
               rf"(?:the\s+)?(?P<b>{_NAME})"),
)  # fmt: skip
_SMALL = {"on", "of", "for", "in", "and", "the"}


def _name_words(name: str) -> list[str]:
    """A name's words without its kind: 'Agreement on Biodiversity Beyond National
    Jurisdiction' -> [on, biodiversity, beyond, national, jurisdiction]."""
    return [w for w in name.lower().split() if w not in INSTRUMENT_WORDS and w not in KIND_OF]


# "the Council of Europe (CoE)", "(COE)": an acronym whose letters open the words of the
# name before it, small words told in lower case or skipped.
_ACRONYM = re.compile(rf"(?P<a>{_NAME})\s+\((?P<b>[A-Z](?:[a-z]?[A-Z]){{1,7}})\)")


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` ("coe", "ce") is the initials of the name's last words, its small
    words optional ("council of europe")."""

    def match(a: str, ws: list[str]) -> bool:
        if not a:
            return not ws
        if not ws:
            return False
        head, rest = ws[0], ws[1:]
        return (a[0] == head[0] and match(a[1:], rest)) or (head in _SMALL and match(a, rest))

    return any(match(acronym, words[i:]) for i in range(len(words)))


def acronyms(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Acronyms the texts define, with the distinctive words they stand for: "the
    Council of Europe (CoE)" -> {"coe": {"council", "europe"}}."""
    out: dict[str, frozenset[str]] = {}
    for text in texts:
        for m in _ACRONYM.finditer(text):
            acronym = m.group("b").lower()
            words = [w.lower() for w in m.group("a").split()]
            if _spells(acronym, words):
                out[acronym] = frozenset(w for w in words if w not in _SMALL)
    return out


def spell_out_acronyms(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """An instrument named with an acronym in one source ("the CoE Framework
    Convention") and with the words it stands for in another ("the Council of Europe
    Framework Convention") is one text: the acronym in its suffix gives way to those of
    its words the other suffixes use (in place)."""
    if not texts:
        return
    defined = acronyms(texts.values())
    if not defined:
        return
    split = {c.slot: _split(c.slot) for c in claims if c.topic == TOPIC and c.rule != "auto"}
    suffixes = {p[1] for p in split.values() if p}
    used = {w for s in suffixes for w in s.split("_")}
    rename: dict[str, str] = {}
    for suffix in suffixes:
        words = suffix.split("_")
        out: list[str] = []
        for w in words:
            told = defined.get(w)
            spelt = sorted(told & used) if told else []
            out.extend(spelt if spelt else [w])
        if out != words:
            rename[suffix] = "_".join(dict.fromkeys(out))
    _rename_suffixes(claims, rename)


def merge_names_told_as_one(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Instruments a source tells by two names ("Known formally as the Agreement on
    Biodiversity Beyond National Jurisdiction, the High Seas Treaty"), or by a name and
    its acronym ("the BBNJ Agreement"), are one text: their slots take the name more
    claims use (in place)."""
    if not texts:
        return
    spell_out_acronyms(claims, texts)
    pairs = [
        (m.group("a"), m.group("b"))
        for text in texts.values()
        for pattern in _TOLD_AS_ONE
        for m in pattern.finditer(text)
    ]
    if not pairs:
        return
    split = {c.slot: _split(c.slot) for c in claims if c.topic == TOPIC and c.rule != "auto"}
    parts = {
        p[1]: told for p in split.values() if p and (told := _parts(p[1].split("_"))) is not None
    }
    counts = Counter(p[1] for c in claims if c.topic == TOPIC and (p := split.get(c.slot)))

    def joins(suffix: str, name: str) -> bool:
        """The suffix's words are the name's, or its one word spells the name ("bbnj")."""
        words = _name_words(name)
        told = parts[suffix][0]
        if not told:
            return False
        if told <= set(words) - _SMALL:
            return True
        [only] = told if len(told) == 1 else [""]
        return len(only) > 1 and _spells(only, words)

    rename: dict[str, str] = {}
    for a, b in pairs:
        group = [s for s in parts if joins(s, a) or joins(s, b)]
        names = {parts[s][0] for s in group}
        if len(names) < 2:
            continue

        def used(name: frozenset[str], group: list[str] = group) -> tuple[int, list[str]]:
            return sum(counts[s] for s in group if parts[s][0] == name), sorted(name)

        # One name per group, the one more claims use; each suffix keeps its tail.
        best = max(names, key=used)
        target = next((s for s in group if parts[s][0] == best and not parts[s][2]), None)
        if target is None:
            continue
        for s in group:
            if parts[s][0] != best:
                tail = "_".join(parts[s][2])
                rename[s] = f"{target}_{tail}" if tail else target
    _rename_suffixes(claims, rename)


def _rename_suffixes(claims: list[Claim], rename: Mapping[str, str]) -> None:
    """Give every instrument slot whose suffix `rename` maps its new suffix (in place):
    `count_x`, `members_x` and `declaration_name_x` move together."""
    if not rename:
        return
    for claim in claims:
        p = _split(claim.slot) if claim.topic == TOPIC and claim.rule != "auto" else None
        if p and p[1] in rename:
            claim.slot = f"{p[0]}_{rename[p[1]]}"


def merge_instrument_names(claims: list[Claim]) -> None:
    """Rename instrument slots told at less length to their longer name (in place)."""
    split = {c.slot: _split(c.slot) for c in claims if c.topic == TOPIC and c.rule != "auto"}
    # One per claim: the commoner spelling of a name is the one more claims use.
    suffixes = [p[1] for c in claims if c.topic == TOPIC and (p := split.get(c.slot))]
    _rename_suffixes(claims, longer_names(suffixes))


# Kinds of text that are an event's outcome document (DESIGN.md: "the principal
# instrument (the leaders' declaration or statement of the main event)").
OUTCOME_KINDS = {"declaration", "statement", "communique", "communiqué"}
# Kinds of text an event may be held to sign on its own (KIND_OF folds them to "treaty").
TREATY_KINDS = {"treaty"}


def _texts_of_kind(claims: list[Claim], kinds: set[str]) -> set[str]:
    """Suffixes of the instruments of these kinds, without a tail ("..._new_ratifications"
    is a count told of the text, not the text)."""
    return {
        suffix
        for c in claims
        if c.topic == TOPIC
        and c.rule != "auto"
        and (p := _split(c.slot))
        and (told := _parts((suffix := p[1]).split("_"))) is not None
        and told[1] in kinds
        and not told[2]
    }


# Kinds the press uses to say what an outcome text does, not what it is called: "60
# countries signed a commitment to the responsible use of AI" tells of the Call to Action.
DESCRIBING_KINDS = {"commitment"}


def described_text_is_principal(claims: list[Claim]) -> None:
    """A text told only by a describing kind word, with no name and no longer name of
    its kind in the corpus (`count_commitment` left after `merge_instrument_names`), is
    the principal text when the corpus names that one: the description fits it, and no
    other text of the kind is known (in place)."""
    slots = {c.slot for c in claims if c.topic == TOPIC and c.rule != "auto"}
    if "declaration_name" not in slots:
        return
    bare = {
        suffix
        for slot in slots
        if (p := _split(slot))
        and (told := _parts((suffix := p[1]).split("_"))) is not None
        and not told[0]
        and not told[2]
        and told[1] in DESCRIBING_KINDS
    }
    for claim in claims:
        p = _split(claim.slot) if claim.topic == TOPIC and claim.rule != "auto" else None
        signers = set((claim.noun or "").lower().split())
        if signers & COMPANY_SIGNERS:
            continue  # "12 companies will sign new safety commitments": not the states' text
        if p and p[1] in bare and p[0] != "declaration_name":
            claim.slot = p[0]


# Who signs, by the noun a count counts: states (and their like) or companies.
STATE_SIGNERS = {"country", "countries", "nation", "nations", "state", "states", "government",
                 "governments", "delegation", "delegations", "economy", "economies"}  # fmt: skip


def _signers_told(claim: Claim) -> str | None:
    """ "states" or "companies" for a signatories claim that says who signed (the noun
    its count counts, or a list of countries); None when it does not."""
    if isinstance(claim.value, EntitiesValue):
        members = claim.value.members
        states = [m for m in members if names.is_country(m) or m == "European Union"]
        return "states" if members and len(states) * 2 > len(members) else None
    words = set((claim.noun or "").lower().split())
    if words & STATE_SIGNERS:
        return "states"
    return "companies" if words & COMPANY_SIGNERS else None


def companies_sign_the_principal(claims: list[Claim]) -> None:
    """An event whose texts companies sign rather than states (an industry accord
    presented at a conference): the companies' text, told bare ("the 20 companies",
    "the pledge", "the accord"), is its principal instrument, as a leaders' declaration
    is at a summit of states. Filing set it apart (`..._companies`, `..._pledge`) as
    companies' commitments beside the states' text; with more claims telling of
    company signers than of state signers, the corpus has no states' text (in place)."""
    told = Counter(
        who
        for c in claims
        if c.topic == TOPIC and c.rule != "auto" and (who := _signers_told(c)) is not None
    )
    if told["companies"] <= told["states"]:
        return
    for claim in claims:
        p = _split(claim.slot) if claim.topic == TOPIC and claim.rule != "auto" else None
        if p is None or p[0] == "declaration_name":
            continue
        parts = _parts(p[1].split("_"))
        bare = parts is not None and not parts[0] and not parts[2]
        if p[1] == COMPANIES or bare:
            claim.slot = p[0]


def one_outcome_is_principal(claims: list[Claim]) -> None:
    """A corpus that names one outcome text, and never gives the principal one a name
    ("the Mangrove Declaration ... Sixty countries signed the declaration"): that text is
    the principal instrument (in place)."""
    names = {
        c.slot.removeprefix("declaration_name")
        for c in claims
        if c.topic == TOPIC and c.slot.startswith("declaration_name") and c.rule != "auto"
    }
    if "" in names:
        return  # the principal text has a name of its own
    outcomes = _texts_of_kind(claims, OUTCOME_KINDS)
    if not outcomes:
        # No leaders' text at all: the event is the signing of one treaty or convention
        # ("opened for signature"), which is then its principal instrument; not one the
        # event only ratifies more of (a running total, "..._new_ratifications").
        tails = {p[1] for c in claims if c.topic == TOPIC and (p := _split(c.slot))}
        outcomes = {
            suffix
            for suffix in _texts_of_kind(claims, TREATY_KINDS)
            if not any(t.startswith(f"{suffix}_") for t in tails)
        }
    if len(outcomes) != 1:
        return
    [suffix] = outcomes
    # "the KELP Launch Declaration" is a fund's text, not the event's outcome.
    programmes = {w for c in claims if c.topic == "funding" for w in c.slot.split("_")}
    if {"launch", *programmes} & set(suffix.split("_")[:-1]):
        return
    for claim in claims:
        parts = _split(claim.slot) if claim.topic == TOPIC else None
        if parts and parts[1] == suffix:
            claim.slot = parts[0]


def one_principal_text(claims: list[Claim]) -> None:
    """One principal instrument per event: where the corpus names several texts of the
    principal kinds under `declaration_name` ("the Pact for the Future" in most sources,
    "the Declaration on Future Generations" beside it as an annex), the one most sources
    name is the principal, and another that a source names beside it is another text,
    named after its own words (`declaration_name_future_generations_declaration`), in
    place. Different names that no source gives together stay one subject, where they
    disagree."""
    named = [
        (c, names.canonical_text(c.value.text), c.value.surface.lower())
        for c in claims
        if c.topic == TOPIC
        and c.slot == "declaration_name"
        and c.rule != "auto"
        and isinstance(c.value, TextValue)
    ]
    sources: dict[str, set[str]] = {}
    for claim, name, _ in named:
        sources.setdefault(name, set()).add(claim.source.id)
    if len(sources) < 2:
        return
    principal = max(sources, key=lambda name: (len(sources[name]), name))
    for claim, name, surface in named:
        if name == principal or not sources[name] & sources[principal]:
            continue
        # "the United Nations Pact for the Future" is the principal told with its owner.
        if f" {principal} " in f" {name} ":
            continue
        words = [w for w in re.findall(r"[a-z0-9]+", surface) if w not in _SMALL]
        kinds = [w for w in words if w in INSTRUMENT_WORDS]
        # Never a place: "the Mombasa Declaration on Clean Water" is `clean_water_declaration`.
        own = [
            w
            for w in words
            if w not in INSTRUMENT_WORDS
            and not names.is_city(w.title())
            and not names.is_country(w.title())
        ]
        if kinds and own:
            claim.slot = f"declaration_name_{slugify(' '.join([*own[:3], kinds[-1]]))}"


def name_funds_signed(claims: list[Claim], funds: Mapping[str, str]) -> None:
    """Signers of a fund (`count_programme__tfff`, filing's `PROGRAMME_SIGNED`) are the
    signers of the text the corpus names after that fund ("the TFFF Launch
    Declaration"), else of the fund itself (`count_tfff`). "The fund" alone is the fund
    its article is about (`funds`: source id -> fund subject); with none, `count_fund`.
    Never the principal declaration's (in place)."""
    named = {
        p[1]
        for c in claims
        if c.topic == TOPIC and (p := _split(c.slot)) and PROGRAMME_SIGNED not in p[1]
    }
    for claim in claims:
        if claim.topic != TOPIC or PROGRAMME_SIGNED not in claim.slot:
            continue
        base, _, fund = claim.slot.partition(f"_{PROGRAMME_SIGNED}")
        fund = fund or funds.get(claim.source.id) or "fund"
        words = set(fund.split("_"))
        texts = sorted(
            suffix
            for suffix in named
            if (told := _parts(suffix.split("_"))) is not None and not told[2] and words <= told[0]
        )
        claim.slot = f"{base}_{texts[0] if len(texts) == 1 else fund}"


def fund_backers_by_kind(claims: list[Claim]) -> None:
    """Signers of a fund's text told by their kind ("34 tropical forest countries", "19
    potential sovereign investors") are a group of the fund, not its signers' count:
    `initiatives/<fund>_<kind>` (in place)."""
    funds = {
        c.slot
        for c in claims
        if c.topic == "funding" and c.rule != "auto" and "_" not in c.slot and len(c.slot) > 2
    }
    for claim in claims:
        parts = _split(claim.slot) if claim.topic == TOPIC else None
        if parts is None or parts[0] != "count" or claim.value.kind != "count":
            continue
        words = (claim.noun or "").split()
        fund = next((f for f in parts[1].split("_") if f in funds), None)
        if fund is None or len(words) < 2 or not all(w.isalpha() and w.islower() for w in words):
            continue
        claim.topic = "initiatives"
        claim.slot = f"{fund}_{slugify(' '.join(words))}"


def _part_of(short: Claim, long: Claim) -> bool:
    """Whether a name is a run of the words of a longer one ("Africa Declaration" of
    "Africa Declaration on AI"): a short name of its own, kept beside the long one."""
    assert isinstance(short.value, TextValue) and isinstance(long.value, TextValue)
    return f" {short.value.text} " in f" {long.value.text} "


def one_name_per_source(claims: list[Claim]) -> list[Claim]:
    """One source's names of one text, one told in some of the other's words, skipping
    others ("the Council of Europe Framework Convention on AI" ... "the Council of Europe
    Convention"): the longer name is the source's, the loose retelling is dropped; of two
    unrelated names, the first stated is the source's (DESIGN.md, "One source, one
    statement")."""
    by_key: dict[tuple[str, str], list[tuple[Claim, frozenset[str]]]] = {}
    for claim in claims:
        if (
            claim.topic == TOPIC
            and claim.slot.startswith("declaration_name")
            and isinstance(claim.value, TextValue)
            and claim.rule != "auto"
        ):
            told = frozenset(claim.value.text.split())
            by_key.setdefault((claim.source.id, claim.slot), []).append((claim, told))
    shorter = {
        id(c)
        for same in by_key.values()
        for c, w in same
        if any(w < v and not _part_of(c, d) for d, v in same)
        # Another name given later to the same text ("the Blueprint for Action" ... "a
        # 'call to action'"): the source's name is the first it states.
        or any(
            d.evidence.start < c.evidence.start and not (w <= v or v <= w)
            for d, v in same
            if d.source.path == c.source.path
        )
    }
    return [c for c in claims if id(c) not in shorter]


def merge_into_first(
    claims: list[Claim],
    key: Callable[[Claim], Hashable | None],
    merge: Callable[[Claim, Claim], bool],
) -> list[Claim]:
    """The claims, where the first claim of each `key` group may take the later ones:
    `merge(kept, claim)` folds `claim` into `kept` and says whether `claim` is then
    dropped. Claims whose key is None pass as they are."""
    first: dict[Hashable, Claim] = {}
    out: list[Claim] = []
    for claim in claims:
        group = key(claim)
        kept = first.get(group) if group is not None else None
        if group is not None and kept is None:
            first[group] = claim
        if kept is None or not merge(kept, claim):
            out.append(claim)
    return out


def one_list_per_source(claims: list[Claim]) -> list[Claim]:
    """One source's signers of one text, told in parts ("the US, UK and the EU ...
    the other signatories include Andorra, Georgia and Israel"), are one list: the first
    claim takes the others' members, which are dropped (DESIGN.md, "One source, one
    statement"). A person among countries is told with their country."""

    def key(claim: Claim) -> Hashable | None:
        parts = _split(claim.slot) if claim.topic == TOPIC else None
        base = claim.slot if claim.slot in BASES else parts[0] if parts else None
        if base not in ("members", "non_signers") or not isinstance(claim.value, EntitiesValue):
            return None
        return (claim.source.id, claim.slot, claim.modality, claim.polarity)

    def merge(kept: Claim, claim: Claim) -> bool:
        told, value = kept.value, claim.value
        assert isinstance(told, EntitiesValue) and isinstance(value, EntitiesValue)
        members = sorted({*told.members, *value.members})
        roles = {**told.roles, **value.roles}
        if any(names.is_country(m) or m == "European Union" for m in members):
            members = [m for m in members if m not in roles]
            roles = {}
        kept.value = told.model_copy(
            update={"members": members, "roles": roles, "complete": told.complete or value.complete}
        )
        return True

    return merge_into_first(claims, key, merge)


# What a text is made of, as a count counts it: "the eight commitments", "eight steps".
COMMITMENT_NOUNS = {"commitment", "commitments", "pledge", "pledges", "step", "steps",
                    "promise", "promises"}  # fmt: skip
# Words that tie a sentence to a text or its signers.
TEXT_WORDS = INSTRUMENT_WORDS | {"document", "text", "signer", "signers", "signatory",
                                 "signatories", "signed", "sign"}  # fmt: skip


def _short_name(text: str) -> str | None:
    """A text's name up to its kind word: "Tech Accord to Combat X" -> "tech_accord"."""
    words = [w.strip("\"'“”‘’,.").lower() for w in text.split()]
    words = [w for w in words if w]
    while words and words[0] in ("a", "an", "the"):
        words = words[1:]
    at = next((i for i, w in enumerate(words) if w in INSTRUMENT_WORDS), None)
    if at is None or at == 0:
        return None
    return slugify(" ".join(words[: at + 1]))


# A plan or programme in the sentence holds the commitments: "the plan comprises a
# declaration and over 100 voluntary pledges" (initiatives.commitments names them).
HOLDERS = {"plan", "programme", "program", "initiative", "fund", "facility", "coalition",
           "alliance"}  # fmt: skip


def _tells_the_text(claim: Claim) -> bool:
    """Whether a count's sentence is about a text or its signers ("The signers agreed to
    eight commitments"), or the count is told as known ("The eight voluntary pledges"),
    and names no plan or programme that holds them."""
    ev = claim.evidence
    before = ev.sentence[: ev.value_start - ev.start].strip().lower()
    words = {w.strip("\"'“”‘’,.:;").lower() for w in ev.sentence.split()}
    if words & HOLDERS:
        return False
    return bool((words - COMMITMENT_NOUNS) & TEXT_WORDS) or before in ("the", "its", "their")


def name_commitments_after_the_text(claims: list[Claim]) -> None:
    """How many commitments, pledges or steps the principal text holds ("the eight
    commitments", no name in the sentence): `initiatives/<text>_commitments`, named after
    the short name the corpus gives the principal text ("Tech Accord"), as a programme's
    commitments are named after it (in place). Never an earlier or later edition's."""
    told = Counter(
        short
        for c in claims
        if c.topic == TOPIC
        and c.slot == "declaration_name"
        and c.rule != "auto"
        and isinstance(c.value, TextValue)
        and (short := _short_name(c.value.text)) is not None
    )
    if not told:
        return
    short = max(told, key=lambda s: (told[s], -len(s), s))
    for claim in claims:
        noun = (claim.noun or "").lower().split()
        if (
            claim.topic != AUTO_TOPIC
            or claim.value.kind != "count"
            or not noun
            or noun[-1] not in COMMITMENT_NOUNS
            or (claim.event is not None and claim.event.role in ("previous", "next"))
            or not _tells_the_text(claim)
        ):
            continue
        claim.topic = "initiatives"
        claim.slot = f"{short}_commitments"
        claim.rule = "initiatives.commitments"
