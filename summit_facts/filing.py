"""Filing: rules turn Mentions into Claims under a topic and slot.

Pure Python on stored mentions (no spaCy), so a rule change re-files the claim
store without parsing again. A numeric or date value that no rule claims is
filed under an automatic subject named after the words that govern it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from summit_facts import currencies, funding_names, names
from summit_facts import names as known_names
from summit_facts.city_texts import names_main_city
from summit_facts.events import PART_HEADS, own_day, same_place, series_of
from summit_facts.events.words import GENERIC_NAME_WORDS as EVENT_GENERIC_WORDS
from summit_facts.models import (
    INSTRUMENT_WORDS,
    Claim,
    Context,
    DateValue,
    EntitiesValue,
    MainEvent,
    Mention,
    Source,
    TextValue,
    Value,
    claim_id,
)
from summit_facts.rules import Condition, RuleSet, SlotRule, slugify
from summit_facts.tokens import sets_right
from summit_facts.values import with_tolerance

AUTO_TOPIC = "auto"
AUTO_KINDS = {"count", "money", "percent", "date"}
MAX_SLUG = 48
# Words too generic to name a subject on their own.
GENERIC_NAME_WORDS = {
    "the", "initiative", "program", "programme", "project", "scheme", "plan", "fund",
    "platform", "a", "an", "new", "'s",
}  # fmt: skip


# An event is not a programme: "the AI Action Summit" names where money was announced.
EVENT_NAME_WORDS = {"summit", "conference", "congress", "symposium", "expo", "meeting"}
# The European Union and its Commission pay as one donor.
EU_NAMES = {"eu", "e.u.", "european union", "the european union", "european commission",
            "the european commission", "commission", "europe", "brussels"}  # fmt: skip
PERSON_TITLES = {"president", "prime", "minister", "chancellor", "ceo", "chief", "secretary",
                 "king", "queen", "premier", "commissioner", "director", "chair"}  # fmt: skip
NEWS_AGENCIES = {"reuters", "afp", "ap", "bloomberg", "xinhua", "dpa", "efe", "ansa", "pti"}
# Bodies that pay rather than receive: never the programme another donor pays into.
DONOR_BODY_WORDS = {"foundation", "bank", "government", "ministry", "commission", "agency"}
COMPANY_WORDS = {"industries", "enterprises", "group", "inc", "inc.", "ltd", "ltd.", "limited",
                 "corporation", "corp", "corp.", "holdings", "plc", "co", "co."}  # fmt: skip
# Where money goes when the purpose names a destination: a fund, not what it buys.
DESTINATIONS = {"fund", "facility", "programme", "program", "mechanism", "initiative"}
# Donors usually told by their initials: `uk_gavi`, not `united_kingdom_gavi`.
SHORT_DONORS = {"United Kingdom": "uk", "United States": "us", "United Arab Emirates": "uae"}
# A payer that is not a country: a body whose name says it holds money.
PAYER_WORDS = {"foundation", "bank", "government", "ministry", "union", "commission", "fund",
               "trust", "agency", "council"}  # fmt: skip
# People who speak for a body: "Gavi officials say ..." is what Gavi says.
SPOKESPEOPLE = {"official", "officials", "leader", "leaders", "spokesperson", "spokesman",
                "spokeswoman", "executive", "executives", "representative",
                "representatives"}  # fmt: skip
# Everyone who pledged, as the subject of a sentence: "Donors pledged ...". Their money
# is the total of the fund the article is about (`ALL_DONORS`, named in consolidation).
COLLECTIVE_DONORS = {"donors", "leaders", "countries", "governments", "nations"}
ALL_DONORS = "donors"
# Words that end the name of a group or programme: "Nice Ocean Action Plan".
GROUP_BODY_WORDS = {"plan", "initiative", "coalition", "alliance", "partnership", "programme",
                    "program", "fund", "facility", "foundation", "network", "consortium",
                    "pact", "compact"}  # fmt: skip
# A group that pledges without a name: "a coalition promising EUR 150 billion".
GROUP_NOUNS = {"coalition", "alliance", "partnership", "consortium", "foundation", "network"}
# Kinds of money (context.purpose when no destination is named): "private investment".
MONEY_KIND_WORDS = {"investment", "funding", "financing", "capital", "spending"}
# Money a funding rule takes that nothing in its sentence names ("the group had wanted to
# raise $9 billion"): filed as `REFERS_BACK<auto name>`, for consolidation to name after
# the programme the article last named, else to file as an automatic subject.
REFERS_BACK = "refers_back__"


@dataclass(frozen=True)
class Filing:
    topic: str
    slot: str
    rule: str
    priority: int
    score: int


def _words_of(text: str | None) -> list[str]:
    if not text:
        return []
    out = []
    for word in text.lower().replace("’", "'").split():
        word = word.strip(".,;:'\"“”()")
        out.append(word)
        if word.endswith("ies"):
            out.append(word[:-3] + "y")
        elif word.endswith("s") and len(word) > 3:
            out.append(word[:-1])
    return out


@lru_cache(maxsize=8192)
def _series_of(words: tuple[str, ...]) -> frozenset[str]:
    """`series_of`, once per word list: conditions ask it of the same lists often."""
    return frozenset(series_of(words))


def _has(seq: list[str], word: str) -> bool:
    parts = word.split()
    if len(parts) == 1:
        # A numbered edition is an instance of its series word: COP30 of "cop".
        return word in seq or word in _series_of(tuple(seq))
    n = len(parts)
    return any(seq[i : i + n] == parts for i in range(len(seq) - n + 1))


def _scope(ctx: Context, cond: Condition) -> list[str]:
    scope = cond.scope
    if scope == "sentence":
        return ctx.lemmas + ctx.heading  # a list line is read with its heading
    if scope == "near":
        lo = max(0, ctx.value_token - cond.window)
        return (
            ctx.lemmas[lo : ctx.value_token]
            + ctx.lemmas[ctx.value_token_end : ctx.value_token_end + cond.window]
        )
    if scope == "before":
        return ctx.before[-cond.window :]  # the last `window` words (at most three)
    if scope == "path":
        # With a window, only the words nearest the value ("ahead of the summit on 19
        # September": the date hangs on the event noun, not on a verb of its own).
        return ctx.path[: cond.window] if "window" in cond.model_fields_set else ctx.path
    if scope == "noun":
        return _words_of(ctx.noun)
    if scope == "head":
        return [ctx.head] if ctx.head else []
    if scope == "governor":
        if ctx.dateline:
            return []  # "MUNICH — Companies announced ...": a dateline is no verb's
        if ctx.event is not None and ctx.event.link == "inside":
            if ctx.event.head in ("opening", "closing"):
                # "adopted a declaration at the opening of the summit on Saturday": the
                # opening day, and what was done on it.
                verb = "open" if ctx.event.head == "opening" else "close"
                return [verb, ctx.governor] if ctx.governor else [verb]
            # "at Gavi's global summit in Brussels": the value is said of the event, so
            # the event governs it, not the verb of the clause ("Announcing ...").
            return [ctx.event.head]
        return [ctx.governor] if ctx.governor else []
    if scope == "agent":
        return _words_of(ctx.agent)
    if scope == "names":
        return [w for name in ctx.names for w in _words_of(name)]
    if scope == "label":
        return [ctx.label.lower()] if ctx.label else []
    if scope == "value":
        return ctx.lemmas[ctx.value_token : ctx.value_token_end]
    if scope == "event":
        # The event the value's clause is about (not one merely elsewhere in the sentence).
        if ctx.dateline:
            # Where the report was filed ("NAIROBI, March 3 (Reuters) -"): the event's
            # city when the events stage gave it the main role, never an event cue.
            return ["@dateline"]
        cue = ctx.event
        if cue is None:
            return []
        if cue.link == "sentence":
            # Only somewhere in the sentence: not what the clause is about, except that a
            # gathering held before the event ("prelude") is said to be one.
            return ["prelude"] if "prelude" in cue.modifiers else []
        part = cue.head in PART_HEADS and not own_day(cue.head, cue.modifiers)
        kind = "part" if part else "event"
        # "@inside", "@path", "@clause": how the value hangs on the event (rules may ask).
        return [cue.head, *cue.modifiers, *cue.names, kind, f"@{cue.link}"]
    return []


def holds(ctx: Context, cond: Condition, value: Value | None = None) -> bool:
    if cond.single_day and not (isinstance(value, DateValue) and value.start == value.end):
        return False
    if cond.single_day and ctx.event is not None and ctx.event.link == "inside":
        return False  # "a summit in Brussels on 25 June": that day is the event's own
    seq = _scope(ctx, cond)
    return any(_has(seq, word) for word in cond.words)


# Documents signed at an event. The principal one (the leaders' declaration) keeps the
# plain slots; each other one gets its name's distinctive word and its kind as a suffix:
# count_ministerial_statement, members_frontier_commitments (DESIGN.md, "Several
# instruments at one event").
PRINCIPAL_WORDS = {"declaration", "communique", "communiqué", "statement", "agreement", "pact"}
# A bare "the declaration" is the leaders' text; a bare "the pact" points back to the
# treaty or pact named last ("19 countries ratified the pact").
BARE_PRINCIPAL = PRINCIPAL_WORDS - {"pact"}
QUOTES = {"”", '"', "’", "'"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# "signed the accord on Tuesday": when, not what the accord is about.
CALENDAR_WORDS = WEEKDAYS | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "day", "week", "weekend", "today", "yesterday", "behalf",
}  # fmt: skip
NOT_DISTINCTIVE = {
    "the", "a", "an", "this", "that", "its", "their", "final", "joint", "new", "ai",
    "artificial", "intelligence", "global", "international", "leader", "leaders", "'s", "’s",
    "summit", "conference", "high-level", "level", "-", "on", "of", "for", "and", "to",
    "safe", "safety", "voluntary", "summit's", "event", "meeting", "late", "latest",
    "formal", "political", "landmark", "historic", "proposed", "draft", "nonbinding",
    "non", "binding",
    # What a text is like, not what it is called: "the first legally binding treaty",
    # "a so-called treaty", "steps towards a treaty".
    "first", "legally", "bind", "legal", "so", "towards", "toward", "major", "ambitious",
}  # fmt: skip
# Who signs, when a text is only described ("a ministerial statement"): this word
# tells one text of the event from another as a name would (DESIGN.md, "Several
# instruments at one event").
SIGNER_KINDS = {"ministerial", "minister", "ministers", "business", "industry", "corporate",
                "company", "companies", "parliamentary"}  # fmt: skip


COMPANY_SIGNERS = {"company", "companies", "firm", "firms", "developer", "developers",
                   "business", "businesses", "giant", "giants"}  # fmt: skip
# The suffix of companies' signing of a text told as the principal one (instrument_suffix).
COMPANIES = "companies"


# What the event added to an instrument's running total, by the verb: "Eight countries
# ratified the treaty, taking the total to 49" -> count_<instrument>_new_ratifications.
NEW_SIGNINGS = {"ratify": "new_ratifications", "sign": "new_signatures",
                "endorse": "new_endorsements", "join": "new_members"}  # fmt: skip
TOTAL_WORDS = (("total", "to"), ("tally", "to"))


def instrument_suffix(
    ctx: Context, main_key: frozenset[str] = frozenset(), earlier: Earlier | None = None
) -> str | None:
    """The instrument's suffix, and "companies" for companies signing the principal one
    (their pledge is another instrument than the states' declaration). `earlier`: the
    instruments the document named before the value's sentence (`told_before`)."""
    suffix = _instrument_suffix(ctx, main_key, earlier or {})
    if suffix is None and ctx.noun and set(ctx.noun.lower().split()) & COMPANY_SIGNERS:
        return COMPANIES
    if suffix is None and ctx.label == "ENTITIES" and _told_as_companies(ctx):
        return COMPANIES
    added = _added_to_total(ctx)
    if added:
        return f"{suffix}_{added}" if suffix else added
    return suffix


def _told_as_companies(ctx: Context) -> bool:
    """'tech firms Acme, Initech and Umbrella signed', 'Companies: Acme, Initech': a list
    of names told as companies, by the words just before it or the label it stands under."""
    return bool((set(ctx.before[-2:]) | {ctx.head or ""}) & COMPANY_SIGNERS)


def _total_spots(lemmas: list[str]) -> list[int]:
    """Where a running total stands: the word after "the total to", "the tally to"."""
    return [i + 2 for i in range(len(lemmas) - 1) if (lemmas[i], lemmas[i + 1]) in TOTAL_WORDS]


def _added_to_total(ctx: Context) -> str | None:
    """'new_ratifications' for the count a sentence adds to a running total it also
    gives ("Eight countries ratified it, taking the total to 49"); None for the total."""
    if ctx.label is not None:
        return None
    totals = _total_spots(ctx.lemmas)
    verb = next((w for w in ctx.path if w in NEW_SIGNINGS), None)
    if verb == "ratify" and not totals and ctx.event is not None and ctx.event.link == "clause":
        # "Nineteen countries ratified the treaty during the conference": ratifying is a
        # running process; the event's clause gives its own share of it.
        return NEW_SIGNINGS[verb]
    if not totals or ctx.value_token in totals:
        return None
    if verb is None:
        return None
    # "Eighteen countries ratified it on Monday": that day's part of the event's own.
    day = next((w for w in ctx.lemmas if w in WEEKDAYS), None)
    return f"{NEW_SIGNINGS[verb]}_{day}" if day else NEW_SIGNINGS[verb]


# "A Call to Action" is a kind of outcome text, like a declaration: its "to action"
# names no other instrument.
PRINCIPAL_PHRASES = (("call", "to", "action"), ("call", "for", "action"))
# A verb that takes a preposition ("countries called for a roadmap", "called on
# leaders") is no document named "call".
VERB_PARTICLES = {"for", "on", "upon"}
DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"}


def _principal_phrase(lemmas: list[str], at: int) -> bool:
    return any(tuple(lemmas[at : at + len(p)]) == p for p in PRINCIPAL_PHRASES)


def _document_at(lemmas: list[str], i: int) -> bool:
    """Whether the instrument word at `i` names a document, not a verb ('called for')."""
    word = lemmas[i]
    if word == "call" and lemmas[max(0, i - 2) : i] == ["so", "-"]:
        return False  # "so-called artificial intelligence"
    if any(w in POSSESSIVES for w in lemmas[max(0, i - 2) : i]):
        return False  # "its financial commitment": what a donor gives, not a text it signs
    if i > 0 and lemmas[i - 1] in AUXILIARIES:
        return False  # "17 countries have pledged", "plan to sign": the verb, no text
    # "the call for action": the text; "countries called for action": the verb.
    if word != "call" or (_principal_phrase(lemmas, i) and lemmas[i + 1] == "to"):
        return True
    after = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    before = lemmas[i - 1] if i > 0 else ""
    return after not in VERB_PARTICLES or before in DETERMINERS


POSSESSIVES = {"its", "their", "his", "her", "our"}
AUXILIARIES = {"have", "will", "would", "shall", "can", "could", "must", "to", "do", "not",
               "n't"}  # fmt: skip
# A name never runs back over these: "ends with declaration" names no "end with" text.
STOP_BEFORE_NAME = {"the", "a", "an", "sign", "endorse", "adopt", ",", "by", "to", "its",
                    "their", "his", "her", "our", "this", "that", "say", "with", "for",
                    "in", "on", "at", "from", "into", "end", "close", "conclude", "issue",
                    "produce", "release", "unveil", "approve", "publish"}  # fmt: skip


def _described(lemmas: list[str], at: int) -> bool:
    """Whether the document at `at` opens with an indefinite article: 'a political
    declaration' tells what kind of text it is, a name would take 'the'."""
    for word in reversed(lemmas[max(0, at - 7) : at]):
        if word in STOP_BEFORE_NAME:
            return word in ("a", "an")
    return False


def _event_name_words(lemmas: list[str]) -> set[str]:
    """'reaim' in "at the REAIM summit": the word just before an event word."""
    return {
        lemmas[i - 1]
        for i, word in enumerate(lemmas)
        if i > 0 and word in EVENT_NAME_WORDS and lemmas[i - 1].isalpha()
    }


def _name_words_of(main: MainEvent | None) -> frozenset[str]:
    """The words that name the main event, its city's among them: "the Bürgenstock
    Communiqué" in a corpus about the summit at Bürgenstock is its principal text, even
    where the gazetteer does not know the place."""
    if main is None:
        return frozenset()
    city = main.city.lower().split() if main.city else []
    return frozenset([*main.key, *city, *(names.fold(w) for w in city)])


def _distinctive(words: Iterable[str], main_key: frozenset[str]) -> list[str]:
    words = list(words)
    # "the US-led declaration": who led it, not its name.
    led = {i for i, w in enumerate(words) if w == "-" and words[i + 1 : i + 2] == ["lead"]}
    led |= {i - 1 for i in led} | {i + 1 for i in led}
    return [
        w
        for i, w in enumerate(words)
        if i not in led
        and w.isalpha()
        and w not in NOT_DISTINCTIVE
        and w not in main_key
        and not names.is_place_word(w)
        and not names.is_place_word(w.title())
    ]


def _instrument_suffix(
    ctx: Context, main_key: frozenset[str] = frozenset(), earlier: Earlier | None = None
) -> str | None:
    """'ministerial_statement' for a value tied to "the Seoul Ministerial Statement";
    None for the principal instrument (a declaration or call to action with no
    distinctive word, a quoted title). Words of the main event's name and places never
    count, so "the Bletchley Declaration" is the principal one and "the Launch
    Declaration of a fund" another. A value and the name of its instrument get one
    suffix: the count beside a title and the title itself are read alike."""
    lemmas = ctx.lemmas
    lo, hi = ctx.value_token, ctx.value_token_end
    # The words naming an event in the sentence ("the REAIM summit") name the event,
    # not an instrument, even where the corpus's main event is not known.
    main_key = main_key | _event_name_words(lemmas)
    if ctx.label == "TITLE" and _one_partys_title(lemmas, lo, hi):
        # "the US-led Political Declaration on ...", "a Political Declaration that the US
        # issued": one party's text, not the event's outcome, named by its kind words.
        kinds: list[str] = []
        for word in lemmas[lo:hi]:
            if word in INSTRUMENT_WORDS:
                return slugify(" ".join([*kinds[-3:], word]))
            if word.isalpha() and word not in STOP_BEFORE_NAME:
                kinds.append(word)
    if ctx.label == "TITLE":
        # A declaration's name is itself the instrument: "... Frontier AI Commitments".
        # "the “Call to Action” declaration": the title names a document of a kind
        # written after it, as the count beside it sees it.
        quoted = (
            hi + 1 < len(lemmas) and lemmas[hi] in QUOTES and lemmas[hi + 1] in INSTRUMENT_WORDS
        )
        lemmas, lo, hi = lemmas[lo:hi] + ["."], len(lemmas[lo:hi]) + 1, len(lemmas[lo:hi]) + 1
        if quoted:
            return None
    # Only a noun names a text: "six firms plan to sign" names no plan.
    verbs = set(ctx.verbs) if ctx.label != "TITLE" else set()
    spots = [
        i
        for i, w in enumerate(lemmas)
        if w in INSTRUMENT_WORDS and not lo <= i < hi and _document_at(lemmas, i) and i not in verbs
    ]
    if not spots:
        return None
    # "A ministerial statement was backed by 27 nations, while 16 companies signed the
    # commitments": each count goes with the text of its own clause.
    own = [i for i in spots if _same_clause(lemmas, i, lo)]
    spots = own or spots
    # The document the value relates to: the nearest after it, else before it; one the
    # sentence names before one it only describes ("under the X Commitments, companies
    # joined a set of voluntary commitments").
    # "a ministerial statement" says whose text it is: as good as a name.
    named = [i for i in spots if not _described(lemmas, i) or SIGNER_KINDS & set(lemmas[i - 3 : i])]
    if not named and ctx.label == "TITLE":
        return None  # "“Together for the Reef: A Plan for Coral Seas”": a title's words
    named = named or spots
    if lo in _total_spots(lemmas):
        # "ratified the treaty, taking the total to 49": the total is the one ratified.
        at = min(named, key=lambda i: (i > lo, abs(i - lo)))
    else:
        at = min(named, key=lambda i: (i < lo, abs(i - lo)))
    if ctx.label != "TITLE" and lemmas[at] not in BARE_PRINCIPAL and _bare(lemmas, at):
        # "Some 19 countries ratified the pact": the text of that kind named last, in
        # this sentence or before it. A bare "the declaration" stays the principal one:
        # an article calls the leaders' text so after naming side texts of its kind.
        told = dict(earlier or {})
        told.update((kind, name) for i, kind, name in _named(lemmas, main_key) if i < at)
        kind = KIND_OF.get(lemmas[at], lemmas[at])
        if told.get(kind):
            return told[kind]
    return _suffix_at(lemmas, at, main_key)[0]


ISSUING_VERBS = {"issue", "launch", "present", "unveil", "propose", "table"}


def _one_partys_title(lemmas: list[str], lo: int, hi: int) -> bool:
    """Whether the title at `lo:hi` is told as one party's text: "the US-led X", "X,
    which the US issued", "X that the United Kingdom launched"."""
    if lemmas[max(0, lo - 2) : lo] == ["-", "lead"]:
        return True
    after = lemmas[hi : hi + 6]
    if not after or after[0] not in ("that", "which") or not ISSUING_VERBS & set(after):
        return False
    end = next(i for i, w in enumerate(after) if w in ISSUING_VERBS)
    who = [w for w in after[1:end] if w not in ("the", ".")]
    # Lemmas are lower case: "us" is the US only as a name ("the US issued").
    name = " ".join(who)
    return bool(who) and names.is_country(name.upper() if len(who) == 1 else name.title())


def _suffix_at(lemmas: list[str], at: int, main_key: frozenset[str]) -> tuple[str | None, bool]:
    """The suffix of the instrument word at `at`, and whether the sentence names it (by
    a distinctive word or the main event's) rather than only saying what kind it is."""
    kind = lemmas[at]
    if _after_quoted_title(lemmas, at):
        return None, False  # a quoted title: "“…for People and the Planet” agreement"
    words = []
    for word in reversed(lemmas[max(0, at - 4) : at]):
        if word in STOP_BEFORE_NAME:
            break
        words.append(word)
    words.reverse()
    quotes = [i for i, w in enumerate(words) if w in QUOTES]
    if quotes:
        words = words[quotes[-1] + 1 :]  # "an unprecedented 'X Call agreement'": the quoted name
    if _last_of_a_list(lemmas, at - len(words)):
        words = []  # "Acme, Globex, Initech pledge action": who pledges, no name
    distinctive = _distinctive(words, main_key)
    # "the Christchurch Call" in a corpus about the Christchurch Call meeting: the event is
    # named after its own text.
    principal = kind in PRINCIPAL_WORDS or _principal_phrase(lemmas, at) or kind in main_key
    led = [i for i in range(len(words) - 1) if words[i : i + 2] == ["-", "lead"]]
    if led and not distinctive:
        # "the US-led political declaration": one party's text, not the event's outcome;
        # named by what kind of text it is.
        kinds = [w for w in words[led[-1] + 2 :] if w.isalpha() and w not in STOP_BEFORE_NAME]
        return slugify(" ".join([*kinds, kind])), True
    if principal and _described(lemmas, at):
        # "a far-reaching political declaration": described, not named; "a ministerial
        # statement" says whose text it is, as a name would.
        signers = [w for w in distinctive if w in SIGNER_KINDS]
        return (slugify(" ".join([*signers, kind])), True) if signers else (None, False)
    if (
        not distinctive
        and not principal
        and at + 2 < len(lemmas)
        and lemmas[at + 1] in ("on", "for")  # not "the treaty to enter into force"
        and not _described(lemmas, at)  # "a convention on human rights": what it is about
    ):
        # "the pledge on cooling": named by what it is about.
        after = lemmas[at + 2]
        if (
            after.isalpha()
            and after not in NOT_DISTINCTIVE | CALENDAR_WORDS
            and after not in main_key
        ):
            distinctive = [after]
    if not distinctive:
        # "the Belém Declaration": the main event's own text, named.
        if principal:
            return None, bool(set(words) & main_key)
        return slugify(kind), False
    return slugify(" ".join([*distinctive[:3], kind])), True


def _last_of_a_list(lemmas: list[str], start: int) -> bool:
    """Whether the words from `start` up to an instrument word close a list of names
    ("Acme, Globex, Initech pledge"): a name of a text opens with its article, never
    after a comma and another name."""
    return start >= 2 and lemmas[start - 1] == "," and lemmas[start - 2].isalpha()


# A named text told again by a bare word of its kind, or of a kind that is another word
# for it: "the High Seas Treaty ... ratified the pact", "the X Agreement ... the treaty".
KIND_OF = {"pact": "treaty", "agreement": "treaty", "accord": "treaty", "convention": "treaty",
           "commitments": "commitment", "communiqué": "communique"}  # fmt: skip
# What the document named before a sentence: kind (KIND_OF) -> suffix, None for the
# principal instrument.
Earlier = dict[str, str | None]


def _after_quoted_title(lemmas: list[str], at: int) -> bool:
    """Whether the instrument word at `at` follows a quoted title ("“…for People and the
    Planet” agreement", "'safe, trustworthy and robust' AI statement"); a word quoted
    alone ("a formal 'roadmap.'") is the word itself, in scare quotes."""
    j = at - 1
    while j >= 0 and lemmas[j] in ("ai", "a.i."):
        j -= 1
    if j < 0 or lemmas[j] not in QUOTES:
        return False
    after = lemmas[at + 1 : at + 3]
    return not (
        after[:1]
        and after[0] in QUOTES
        or after[:2]
        and after[0] in ".,"
        and after[1:]
        and after[1] in QUOTES
    )


# Words that open another clause of a sentence joined to the value's: ", while", "; ",
# ", whereas", ", but".
CLAUSE_BREAKS = {"while", "whereas", ";", "but", "meanwhile"}


def _same_clause(lemmas: list[str], a: int, b: int) -> bool:
    """Whether no clause break stands between positions `a` and `b` of a sentence."""
    lo, hi = sorted((a, b))
    return not any(
        w in CLAUSE_BREAKS and (w == ";" or lemmas[k - 1] == ",")
        for k, w in enumerate(lemmas[lo + 1 : hi], lo + 1)
    )


def _bare(lemmas: list[str], at: int) -> bool:
    """Whether the instrument word at `at` is told by its kind alone: "the treaty"."""
    return (
        at > 0
        and lemmas[at - 1] in ("the", "this", "that")
        and not (at + 1 < len(lemmas) and lemmas[at + 1] in ("on", "for", "of"))
    )


def _named(lemmas: list[str], main_key: frozenset[str]) -> list[tuple[int, str, str | None]]:
    """(index, kind, suffix) of each instrument a sentence names, in order."""
    main_key = main_key | _event_name_words(lemmas)
    out = []
    for i, word in enumerate(lemmas):
        if word not in INSTRUMENT_WORDS or not _document_at(lemmas, i) or _described(lemmas, i):
            continue
        suffix, named = _suffix_at(lemmas, i, main_key)
        if named:
            out.append((i, KIND_OF.get(word, word), suffix))
    return out


def told_before(
    sentences: Iterable[list[str]],
    main_key: frozenset[str],
    programmes: Iterable[str | None] = (),
) -> list[Earlier]:
    """For each sentence of a document, in order, the instruments named before it: a
    bare "the treaty" refers back to the last treaty the document named, however far
    back (an article names a text once, then calls it by its kind to the end; a text
    of the same kind named later takes over). `programmes`: for each sentence, the fund
    it tells signers of (`programme_signed`); what a later "endorsed it" refers to is
    kept as `IT`."""
    out: list[Earlier] = []
    told: Earlier = {}
    programmes = list(programmes)
    for n, lemmas in enumerate(sentences):
        out.append(dict(told))
        named = _named(lemmas, main_key)
        told.update((kind, suffix) for _, kind, suffix in named)
        programme = programmes[n] if n < len(programmes) else None
        if programme is not None:
            told[IT] = programme
        elif named:
            told[IT] = named[-1][2]
    return out


# Money bodies that countries endorse, back or join as they sign a text: "the fund was
# endorsed by 53 countries". Their signers are the fund's text's, never the principal
# declaration's (DESIGN.md, "Several instruments at one event").
FUND_WORDS = {"fund", "facility", "fundraiser"}
SIGNED_VERBS = {"sign", "endorse", "ratify", "back", "join", "support", "adopt"}
# The suffix of a fund's signers: `PROGRAMME_SIGNED` + the fund's name, or nothing for
# "the fund"; consolidation names the instrument (the fund's text the corpus names).
PROGRAMME_SIGNED = "programme__"
IT = "@it"  # what "it" refers to in "34 countries endorsed it"


def _fund_name(name: str, rules: RuleSet) -> str | None:
    """The subject name of a fund the sentence names ("TFFF", "the Tropical Forests
    Forever Facility"), by the name or a variant the corpus gives it; None for others."""
    canonical = alias_of(rules, name) or name
    variants = [name, canonical] + [
        key for key, value in rules.name_aliases.items() if value.lower() == canonical.lower()
    ]
    if not any(v.split() and v.split()[-1].lower() in FUND_WORDS for v in variants):
        return None
    return slugify(" ".join(kept_words(canonical)))


def programme_signed(
    lemmas: list[str],
    names_: Iterable[str],
    rules: RuleSet,
    earlier: Earlier | None = None,
    *,
    at: int | None = None,
) -> str | None:
    """`PROGRAMME_SIGNED` + the fund's name when a sentence that names no text tells
    countries signing up to a fund ("the fund was endorsed by 53 countries", "53
    nations back the Tropical Forest Forever Facility"), or "it" after the fund was
    told so before; None otherwise."""
    if any(w in INSTRUMENT_WORDS and _document_at(lemmas, i) for i, w in enumerate(lemmas)):
        return None
    if not SIGNED_VERBS & set(lemmas):
        return None
    for name in names_:
        slug = _fund_name(name, rules)
        if slug:
            return f"{PROGRAMME_SIGNED}{slug}"
    if FUND_WORDS & set(lemmas):
        return PROGRAMME_SIGNED
    signed_it = any(
        w in SIGNED_VERBS and lemmas[i + 1 : i + 2] == ["it"] for i, w in enumerate(lemmas)
    )
    if signed_it and at is not None and earlier and earlier.get(IT):
        return earlier[IT]
    return None


def alias_of(rules: RuleSet, name: str) -> str | None:
    """The name the rules or the corpus give this one ('the Alliance' -> 'Gavi')."""
    key = name.lower().strip()
    return rules.name_aliases.get(key) or rules.name_aliases.get(key.removeprefix("the "))


def kept_words(name: str) -> list[str]:
    return [w for w in name.split() if w.lower() not in ("the", "a", "an")]


def _cited(ctx: Context, name: str) -> bool:
    """Whether the sentence gives `name` as who tells, not what is funded: "Colombia
    pledged $250mn, according to the Global Strategic Communications Council"."""
    first = [w.lower() for w in kept_words(name)[:1]]
    for i, word in enumerate(ctx.lemmas):
        if [word] != first:
            continue
        before = [w for w in ctx.lemmas[max(0, i - 3) : i] if w not in ("the", "a", "an")]
        if before[-2:] in (["accord", "to"], ["according", "to"]):
            return True
    return False


# Where money was pledged, not what it pays for: "on the sidelines of the UN General
# Assembly", "on the fringes of the summit".
BESIDE_WORDS = {"sideline", "sidelines", "fringe", "fringes", "margin", "margins"}


def _told_as_where(ctx: Context, name: str) -> bool:
    """Whether the sentence gives `name` as the gathering money was pledged beside ("on
    the sidelines of the United Nations General Assembly"), or as the end of a city's
    name the tagger cut ("York City" in "New York City")."""
    first = [w.lower() for w in kept_words(name)[:1]]
    for i, word in enumerate(ctx.lemmas):
        if [word.lower()] != first:
            continue
        before = [w for w in ctx.lemmas[max(0, i - 4) : i] if w not in ("the", "a", "an")]
        if before[-2:-1] and before[-2] in BESIDE_WORDS and before[-1] == "of":
            return True
        if before and known_names.is_city(f"{before[-1].title()} {name}"):
            return True
    return False


def _programme_name(
    ctx: Context, rules: RuleSet, *, bodies_first: bool = False, money: bool = False
) -> str | None:
    """The first name near the value that names a programme or group: not an event,
    not a country, not the EU as a body, not the body a figure is attributed to. With
    `bodies_first`, a name that says what kind of body it is ('the Nice Ocean Action
    Plan') before one that does not ('UN')."""
    names = ctx.names
    if bodies_first:
        names = sorted(names, key=lambda n: n.split()[-1].lower() not in GROUP_BODY_WORDS)
    for name in names:
        if _cited(ctx, name) or _told_as_where(ctx, name):
            continue
        if money and (
            funding_names.is_tracker(name) or funding_names.in_relative_clause(ctx, name)
        ):
            continue
        canonical = alias_of(rules, name) or name
        words = [w.lower() for w in canonical.split()]
        if EVENT_NAME_WORDS & set(words) or canonical.lower() in EU_NAMES:
            continue
        if not any(ch.isupper() for ch in canonical):
            continue  # "(conditional)": a word in brackets, no name
        if "," in canonical or any(ch.isdigit() for ch in canonical):
            continue  # a headline's phrase ("For IPAM, Norway") or an amount, not a name
        if canonical in currencies.symbols() or canonical in currencies.codes():
            continue  # "(equivalent to Ksh 3.4 trillion)": a currency, not a programme
        if words[0] in PERSON_TITLES or canonical.lower() in NEWS_AGENCIES:
            continue  # "President Joe Biden", "Reuters": who tells, not what is funded
        if ctx.agent and slugify(" ".join(kept_words(canonical))) == slugify(
            " ".join(kept_words(ctx.agent))
        ):
            continue  # "the Gates Foundation pledged ... to Gavi": the donor, not the programme
        if known_names.is_country(canonical):
            continue
        kept = name_words(canonical)
        if kept:
            return slugify(" ".join(kept))
    return None


def name_words(name: str) -> list[str]:
    """The words of a name that name it: generic words dropped ("the Fund" names
    nothing), but a capitalised "Fund" or "Plan" after a name word is part of the name
    ("Innovation Scale-Up Fund", "Abu Dhabi Fund for Development", "Bezos Earth Fund")."""
    kept: list[str] = []
    for word in name.split():
        in_name = bool(kept) and word.lower() in ("fund", "plan") and word[0].isupper()
        if in_name or word.lower() not in GENERIC_NAME_WORDS:
            kept.append(word)
    return kept if any(w.lower() not in ("fund", "plan") for w in kept) else []


def _common_noun(ctx: Context, agent: str) -> bool:
    """'Donors', 'Figures' opening a sentence, 'the Government' alone: a capital letter,
    but no name. A one-word name keeps its form as its lemma ('Norway' -> 'norway'); an
    inflected common noun does not ('Donors' -> 'donor')."""
    words = agent.lower().split()
    if words and all(w in PAYER_WORDS | DONOR_BODY_WORDS for w in words):
        return True
    if len(words) != 1:
        return False
    word = words[0]
    return word not in ctx.lemmas and any(
        w != word and word.startswith(w[:-1]) and len(w) >= len(word) - 2 for w in ctx.lemmas
    )


def _without_spokespeople(agent: str) -> str:
    """'Gavi officials' speak for Gavi: the body is who acts."""
    words = agent.split()
    while len(words) > 1 and words[-1].lower() in SPOKESPEOPLE:
        words = words[:-1]
    return " ".join(words)


def _donor(ctx: Context, *, payer: bool = False) -> str | None:
    """Who pays, as a subject name: a proper name that acts ('Norway pledged'); the EU
    and its Commission are `eu`. With `payer`, only countries, the EU and bodies whose
    name says they hold money (foundations, banks, governments)."""
    agent = (ctx.agent or "").strip(" -–—:,.'\"“”‘’")
    if any(ch.isdigit() for ch in agent):
        return None  # "Close to 28 billion US dollars ... was announced": an amount, no donor
    if agent.lower().startswith("the "):
        agent = agent[4:]
    if not agent[:1].isupper() or _common_noun(ctx, agent):
        return None  # a common noun ('plans', 'the foundation', 'Donors') is no donor
    agent = _without_spokespeople(agent)
    if agent.lower() in EU_NAMES:
        return "eu"
    several = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", agent) if p]
    if len(several) > 1:
        # "Norway, Indonesia and France pledged a combined $4.5bn": all of them
        donors = [_donor(ctx.model_copy(update={"agent": p}), payer=True) for p in several]
        return "_".join(d for d in donors if d) if all(donors) else None
    if known_names.is_country(agent):  # "New Zealand" keeps its "New"
        canonical = known_names.canonical_name(agent)
        return SHORT_DONORS.get(canonical) or slugify(canonical)
    words = [w.lower() for w in name_words(agent)]
    if not words or all(w in ("ai", "a.i.") for w in words):
        return None  # "AI" alone is NER debris, not a funder
    if EVENT_NAME_WORDS & set(words) or words[0] in PERSON_TITLES:
        return None  # "President Joe Biden", "the CEO" announce; they do not pay
    if payer and not (
        known_names.is_country(agent) or PAYER_WORDS & set(words) or _told_as_payers(ctx, agent)
    ):
        return None
    canonical = known_names.canonical_name(agent)
    while len(words) > 1 and words[-1] in COMPANY_WORDS:
        words = words[:-1]  # "Reliance Industries" pays as "reliance"
    return SHORT_DONORS.get(canonical) or slugify(" ".join(words))


def _told_as_payers(ctx: Context, agent: str) -> bool:
    """A name the sentence explains as countries or the EU, in apposition: "Team Europe
    – the EU and its Member States –" pays as they do."""
    words = agent.lower().split()
    lemmas = ctx.lemmas
    for i in range(len(lemmas) - len(words)):
        if lemmas[i : i + len(words)] != words:
            continue
        after = lemmas[i + len(words) : i + len(words) + 4]
        if not after or after[0] not in ("-", "–", "—", ",", "("):
            continue
        told = [w for w in after[1:] if w != "the"]
        if not told:
            continue
        if told[0] in EU_NAMES or " ".join(told[:2]) in EU_NAMES:
            return True
        if known_names.is_country(told[0].title()):
            return True
    return False


def _payer_name(name: str | None) -> bool:
    return bool(name) and bool(set(name.split("_")) & DONOR_BODY_WORDS)  # type: ignore[union-attr]


LIST_MARKS = ("-", "•", "*", "–")


def _listed_donor(ctx: Context) -> str | None:
    """The countries a list line opens with: "- Norway: USD 3 billion over ten years",
    "Brazil and Indonesia: reaffirmed commitments of USD 1 billion each"."""
    lemmas = ctx.lemmas
    start = next((i for i, w in enumerate(lemmas) if w not in LIST_MARKS), None)
    if start is None or ":" not in lemmas[start : ctx.value_token]:
        return None
    head = lemmas[start : lemmas.index(":", start)]
    parts = [p.strip() for p in re.split(r",|\band\b", " ".join(head)) if p.strip()]
    if not parts or not all(known_names.is_country(p.title()) for p in parts):
        return None
    return " and ".join(p.title() for p in parts)


def _respective_donor(ctx: Context) -> str | None:
    """The country paired with the value by "respectively": "Nigeria, Kenya and Malawi
    pledged $13.2 million $10 million and $1 million respectively" (the n-th amount is
    the n-th country's, even where a comma is missing)."""
    lemmas = ctx.lemmas
    if "respectively" not in lemmas:
        return None
    marks = [i for i, w in enumerate(lemmas) if _currency_mark(w)]
    own = [n for n, i in enumerate(marks) if ctx.value_token <= i < ctx.value_token_end]
    if not marks or len(own) != 1:
        return None
    countries: list[str] = []
    word: list[str] = []
    for w in [*lemmas[: marks[0]], ","]:
        if w not in (",", "and"):
            word.append(w)
            continue
        name = " ".join(word)
        if not word or not known_names.is_country(name):
            break  # "pledged": the list of countries has ended
        countries.append(known_names.canonical_name(name.title()))
        word = []
    else:
        return None
    # "malawi have pledge": the last country, then the verb
    last = next(
        (" ".join(word[:k]) for k in range(len(word) - 1, 0, -1)
         if known_names.is_country(" ".join(word[:k]))),
        None,
    )  # fmt: skip
    if last:
        countries.append(known_names.canonical_name(last.title()))
    if len(countries) < 2 or len(countries) != len(marks):
        return None
    return countries[own[0]]


def _listed_from(ctx: Context) -> str | None:
    """The country a list line that opens with the value names after "from": "• 1.6
    billion euros from France.", "- $100 million from the Republic of Korea"."""
    lemmas = ctx.lemmas
    start = next((i for i, w in enumerate(lemmas) if w not in LIST_MARKS), None)
    end = ctx.value_token_end
    if start is None or start == 0 or start != ctx.value_token or lemmas[end : end + 1] != ["from"]:
        return None
    words = [w for w in lemmas[end + 1 :] if w != "the"]
    stop = next((i for i, w in enumerate(words) if not w[:1].isalpha()), len(words))
    # the longest run of words from "from" on that names a country ("Republic of Korea")
    for size in range(min(stop, 5), 0, -1):
        name = " ".join(words[:size])
        if known_names.is_country(name):
            return known_names.canonical_name(name.title())  # the lemmas are lower case
    return None


def funding_subject(ctx: Context, rules: RuleSet) -> str | None:
    """`<donor>_<programme>`, `<programme>`, `<donor>_<purpose>`, `<purpose>`, `<donor>`:
    money is filed after the programme or what it pays for, then after who pays."""
    listed = funding_names.respective_agent(ctx)
    if listed:
        # the other givers of a "respectively" list are no programme of this amount
        others = [n for n in ctx.names if listed.lower() in n.lower()]
        ctx = ctx.model_copy(update={"names": others})
    if not ctx.agent:
        listed = _respective_donor(ctx) or _listed_donor(ctx) or _listed_from(ctx)
    if listed:
        ctx = ctx.model_copy(update={"agent": listed})
    swapped = _debt_swap_parties(ctx)
    if swapped:
        return f"{swapped}_debt_swap"
    if ctx.head in DEBT_VERBS:
        # "Zambia and its creditors agreed a deal to restructure $6.3 billion in loans":
        # the debtor's debt relief, not money pledged.
        debtor = _donor(ctx)
        return f"{debtor}_debt_restructuring" if debtor else "debt_restructuring"
    if not ctx.purpose and not ctx.names and _private_payers(ctx.agent):
        # "private investors had committed EUR 109 billion to AI projects in France": the
        # private investment in the one country it goes to (france_private_investment)
        countries = [p for p in ctx.places if known_names.is_country(p)]
        ctx = ctx.model_copy(
            update={
                "purpose": "private investment",
                "agent": countries[0] if len(set(countries)) == 1 else None,
            }
        )
    raised = _raised_by_fund(ctx)
    if raised:
        return raised
    kind = ctx.purpose if ctx.purpose and ctx.purpose.split()[-1] in MONEY_KIND_WORDS else None
    purpose = slugify(ctx.purpose) if ctx.purpose and not kind else None
    if purpose and all(w in GENERIC_NAME_WORDS for w in purpose.split("_")):
        purpose = None  # "to the fund" points back to a programme, it names none
    if purpose and EVENT_NAME_WORDS & set(purpose.split("_")):
        purpose = None  # "for the AI Impact Summit": where it was announced
    programme = purpose or _programme_name(ctx, rules, money=True)
    donor = _donor(ctx, payer=True)
    if purpose and donor is None and not DESTINATIONS & set(purpose.split("_")):
        # Unnamed money for a purpose: any donor that is not itself a coined programme
        # name ("Reliance ... for AI-focused infrastructure" -> reliance_ai_infrastructure).
        agent = (ctx.agent or "").strip()
        coined = " " not in agent and any(ch.isupper() for ch in agent[1:])
        donor = None if coined else _donor(ctx)
    if donor and _payer_name(programme) and not purpose:
        programme = None  # "$1.7bn from the UK" beside "... from the Gates Foundation"
    if programme and not ctx.agent and _payer_name(programme) and _other_sum_of(ctx):
        # "a $1.6bn pledge from the Gates Foundation ... made up the core of more than
        # $9bn in pledges": the foundation is the other sum's donor, not this one's.
        programme = None
    if programme:
        if donor and donor not in programme.split("_") and programme not in donor:
            return f"{donor}_{programme}"
        return programme
    named = alias_of(rules, ctx.agent) if ctx.agent else None
    if (
        named
        and not known_names.is_country(named)
        and not EVENT_NAME_WORDS & set(named.lower().split())
    ):  # an event ("the AI Impact Summit drew ...") is where money came, not a programme
        # "The Alliance raised ...": the agent is a programme the corpus names
        kept = [w for w in named.split() if w.lower() not in GENERIC_NAME_WORDS]
        return slugify(" ".join(kept)) or None
    donor = _donor(ctx)
    if kind and donor is None and kind.startswith("private"):
        # "France's AI sector will receive private investments totalling EUR 109 billion":
        # private money is named after the one country it goes to.
        goes_to = {known_names.canonical_name(p) for p in ctx.places if known_names.is_country(p)}
        if len(goes_to) == 1:
            country = goes_to.pop()
            donor = SHORT_DONORS.get(country) or slugify(country)
    if kind:
        return f"{donor}_{slugify(kind)}" if donor else slugify(kind)
    if donor is None and ctx.agent and ctx.agent.split()[-1].lower() in GROUP_NOUNS:
        # "a coalition promising EUR 150 billion ... underscores Europe's ambition"
        group = slugify(ctx.agent.split()[-1])
        owner = _sole_possessor(ctx)
        return f"{owner}_{group}" if owner else group
    if donor is None and _all_donors(ctx.agent):
        return ALL_DONORS  # the fund's total: consolidation names the fund
    if donor is None and not (ctx.agent or "")[:1].isupper():
        return _refers_back(ctx)
    return donor


# Verbs whose subject gets money from others: "the Global Fund raised $14.25 billion".
RAISING_VERBS = {"raise", "secure", "collect", "mobilise", "mobilize", "attract"}


def _raised_by_fund(ctx: Context) -> str | None:
    """A fund that raises money is what the money is for, whatever else the sentence
    names ("Global Fund raises $14.25 billion to end HIV, TB and malaria" is the Global
    Fund's money, not HIV's); None when the one who raises is no fund ("Norway raised
    its pledge")."""
    agent = (ctx.agent or "").removeprefix("the ").removeprefix("The ")
    words = agent.split()
    if ctx.governor not in RAISING_VERBS or len(words) < 2 or words[-1].lower() not in FUND_WORDS:
        return None
    if not all(w[:1].isupper() for w in words):
        return None  # "the new fund raised": which fund, the article told before
    kept = name_words(agent)
    return slugify(" ".join(kept)) if kept else None


def _debt_swap_parties(ctx: Context) -> str | None:
    """'€60 million in a debt swap between Kenya and Germany': the two countries, in
    alphabetical order (a swap has no first party), as `germany_kenya`; else None."""
    rest = " ".join(ctx.lemmas[ctx.value_token_end : ctx.value_token_end + 14])
    match = re.match(
        r"(?:in|of|through) (?:a |the )?debt(?:-for-\w+)? swap between (.+?) and (.+?)"
        r"(?: [,.;]|$| to | for )",
        rest,
    )
    if match is None:
        return None
    parties = [p.removeprefix("the ").title() for p in match.groups()]
    if not all(known_names.is_country(p) for p in parties):
        return None
    slugs = [SHORT_DONORS.get(known_names.canonical_name(p)) or slugify(p) for p in parties]
    return "_".join(sorted(slugs))


# What is done to debt, not money given: "a deal to restructure $6.3 billion in loans".
DEBT_VERBS = {"restructure", "rework", "reschedule", "refinance"}
# Who invests as "the private sector" does: no one donor, private money.
PRIVATE_PAYERS = {"investor", "investors", "company", "companies", "firm", "firms", "business",
                  "businesses", "corporation", "corporations", "industry", "sector"}  # fmt: skip


def _private_payers(agent: str | None) -> bool:
    """'private investors', 'companies', 'the private sector': private money, no donor."""
    words = (agent or "").removeprefix("the ").removeprefix("The ").split()
    if not words or words[-1].lower() not in PRIVATE_PAYERS:
        return False
    # "Microsoft Corporation", "Reliance Industries" are names; "Private investors" at a
    # sentence's start is not.
    named = [w for w in words[1:] if w[:1].isupper()]
    first = words[0].lower()
    return not named and (
        not words[0][:1].isupper() or first in PRIVATE_PAYERS | PRIVATE_ADJECTIVES
    )


PRIVATE_ADJECTIVES = {"private", "foreign", "international", "global", "tech", "technology"}


def _other_sum_of(ctx: Context) -> bool:
    """Whether the sentence gives another sum before this value ("a $1.6bn pledge from
    X ... more than $9bn")."""
    return any(_currency_mark(w) for w in ctx.lemmas[: ctx.value_token])


def _currency_mark(word: str) -> bool:
    """A currency symbol ('$', '€', 'US$') or name ('dollars', 'kroner'), per CLDR."""
    if word.isalpha():
        return word in currencies.names()
    return currencies.code_of(word) is not None


def _refers_back(ctx: Context) -> str:
    """The placeholder for money whose programme the article named before: the name
    the automatic subject would have comes after it."""
    word = ctx.noun.split()[-1] if ctx.noun else (ctx.head or ctx.governor or "value")
    return f"{REFERS_BACK}{slugify(word)[:MAX_SLUG] or 'value'}"


def _all_donors(agent: str | None) -> bool:
    """'Donors', 'Several world leaders': everyone who pledged, not one donor."""
    words = (agent or "").lower().split()
    return bool(words) and words[-1] in COLLECTIVE_DONORS


def _sole_possessor(ctx: Context) -> str | None:
    """The one country or union the sentence names as a possessor ("Europe's objective"),
    as a donor name: whose an unnamed group's money is told to be."""
    found = set()
    for i, word in enumerate(ctx.lemmas):
        if word not in ("'s", "’s") or i == 0:
            continue
        for size in (2, 1):
            name = " ".join(ctx.lemmas[max(0, i - size) : i])
            if name in EU_NAMES:
                found.add("eu")
                break
            if known_names.is_country(name.title()):
                canonical = known_names.canonical_name(name.title())
                found.add(SHORT_DONORS.get(canonical) or slugify(canonical))
                break
    return found.pop() if len(found) == 1 else None


def _key_part(
    ctx: Context, part: str, rules: RuleSet, main: MainEvent | None, earlier: Earlier | None = None
) -> str | None:
    if part == "name":
        return _programme_name(ctx, rules, bodies_first=True)
    if part == "programme":
        return event_total(ctx, funding_subject(ctx, rules), main)
    if part == "place":
        return _edition_place(ctx, main)
    if part == "ordinal":
        # "the inaugural summit was held in 2008": an edition the text tells by its rank
        # alone, where it names no place.
        told = set(ctx.event.modifiers if ctx.event is not None else ())
        rank = next((w for w in EDITION_RANKS if told & EDITION_RANKS[w]), None)
        return rank
    if part == "instrument":
        suffix = instrument_suffix(ctx, _name_words_of(main), earlier)
        if suffix is None and ctx.label != "TITLE":
            return programme_signed(ctx.lemmas, ctx.names, rules, earlier, at=ctx.value_token)
        return suffix
    if part == "purpose":
        return slugify(ctx.purpose) if ctx.purpose else None
    if part == "agent":
        words = [w for w in (ctx.agent or "").lower().split() if w not in GENERIC_NAME_WORDS]
        if not words or all(w in ("ai", "a.i.") for w in words):
            return None  # "AI" alone is NER debris, not a funder
        return slugify(" ".join(words))
    if part == "noun":
        words = _words_of(ctx.noun)
        if not ctx.noun or not words:
            return None
        # "28 member countries and the European Union": the counted noun, not what is
        # added to it.
        nouns = ctx.noun.lower().split(" and ")[0].split()
        if len(nouns) > 1 and nouns[-2] in ("member", "members"):
            return "members"  # "29 member countries", "member states": a group's members
        return slugify(nouns[-1])
    if part == "head":
        return slugify(ctx.head) if ctx.head else None
    return slugify(part)


# Money told as everything pledged together: "a combined investment of nearly $26
# billion", "USD 26 billion in pledges".
_ALL_TOLD = ("combined", "altogether", "overall")
_PLEDGE_NOUNS = ("pledge", "commitment", "pledges", "commitments")


def _told_as_all_pledges(ctx: Context) -> bool:
    lemmas, at, end = ctx.lemmas, ctx.value_token, ctx.value_token_end or ctx.value_token + 1
    if any(w in _ALL_TOLD for w in lemmas[max(0, at - 4) : at]):
        return True
    return lemmas[end : end + 1] == ["in"] and lemmas[end + 1 : end + 2] in (
        [w] for w in _PLEDGE_NOUNS
    )


def event_total(ctx: Context, subject: str | None, main: MainEvent | None) -> str | None:
    """The main event's total (`<event>_total`) for money told as all the event's pledges
    together, or filed under the event's own name or initials as if it were a programme
    ("Africa Climate Summit ends with US$23bn in commitments"); a donor's money for the
    cause the event is named after is `<donor>_<cause>`; else `subject`."""
    total = funding_names.total_name(main)
    own = funding_names.own_names(main)
    if total and subject in own:
        return total
    themes = funding_names.theme_words(main)
    for name in own:
        if subject and subject.endswith(f"_{name}") and themes:
            # "the European Commission announced ... at the Nutrition for Growth Summit":
            # a donor's money at the event is its pledge to the event's cause
            return subject.removesuffix(f"_{name}") + f"_{themes[0]}"
    cause_alone = bool(subject) and funding_names.cause_of_purpose(subject or "", main) == subject
    unnamed = (
        subject is None or subject == ALL_DONORS or subject.startswith(REFERS_BACK) or cause_alone
    )
    if total and unnamed and (_told_as_all_pledges(ctx) or funding_names.raised_by_event(ctx)):
        return total
    donor = _donor(ctx)
    if not subject or not donor or not (subject == donor or subject.startswith(f"{donor}_")):
        return subject
    if subject == donor:
        cause = funding_names.cause_after(ctx.lemmas, ctx.value_token_end, main)
    else:
        # "Ireland pledges €1 billion to fight global malnutrition": the event's cause
        cause = funding_names.cause_of_purpose(subject.removeprefix(f"{donor}_"), main)
    named = f"{donor}_{cause}" if cause else subject
    # "€250 million a year" beside "€1 billion in total": the yearly amount is its own
    # subject, never compared with the total.
    return f"{named}_annual" if funding_names.told_per_year(ctx) else named


# An edition told by its rank: "the first summit", "the inaugural summit".
EDITION_RANKS = {
    "first": {"first", "inaugural", "1st"},
    "second": {"second", "2nd"},
    "third": {"third", "3rd"},
}
# What may stand between a place and the year it was told with: "Dubai in 2023",
# "Lisbon (2022)", "Baku, 2024", "held last year in Paris".
_PLACE_YEAR_LINKS = {"in", "(", ",", "at"}


def _edition_place(ctx: Context, main: MainEvent | None) -> str | None:
    """The key of an earlier or later edition: where it was held. Never the main event's
    city (an earlier edition was held elsewhere), nor a country merely near the value
    ("U.S. President Trump").

    In order: a city or venue told with the value itself ("in New York (2017) and
    Lisbon (2022)"); the place of the event the clause is about ("the summit in
    Seoul"); the one country that event is told with, when the text names no city ("the
    2023 summit in India"); other cities and venues around. A city by its whole name
    (new_york), a venue by its first word (bletchley), a country by its name (india)."""
    here = main.city if main is not None else None
    event = ctx.event
    cities = [
        p
        for p in [event.place if event is not None else None, *ctx.places]
        if p and not known_names.is_country(p) and not (here and same_place(p, here))
    ]
    countries = [m for m in (event.modifiers if event else []) if known_names.is_country(m)]
    told = _told_with_value(ctx, cities)
    if told is not None and here and same_place(told, here):
        told = None  # an earlier edition was held elsewhere
    if told is not None:
        place = told
    elif event is not None and event.place and event.place in cities:
        place = event.place
    elif len(countries) == 1:
        return slugify(known_names.canonical_name(countries[0]))
    elif cities:
        place = cities[0]
    else:
        return None
    return slugify(place if names.is_city(place) else place.split()[0])


def _told_with_value(ctx: Context, places: list[str]) -> str | None:
    """The place written right before the value ("Dubai in 2023", "Lisbon (2022)"), else
    right after it ("another last year in Paris"), among `places`."""
    lemmas = ctx.lemmas

    def place_ending(i: int) -> str | None:
        return next((p for p in places if names.fold(p).split()[-1] == names.fold(lemmas[i])), None)

    def place_starting(i: int) -> str | None:
        return next((p for p in places if names.fold(p).split()[0] == names.fold(lemmas[i])), None)

    i = ctx.value_token - 1
    if i >= 0 and lemmas[i] in _PLACE_YEAR_LINKS:
        i -= 1
    if i >= 1 and lemmas[i] == "." and lemmas[i + 1] != "(":
        i -= 1  # "in Charlevoix, Que. in 2018": an abbreviated region's full stop
    if 0 <= i < len(lemmas) and (found := place_ending(i)):
        # "in Charlevoix, Que.", "Kananaskis, Alberta, in 2025": the place before the
        # region that says where it lies.
        j = i - len(found.split())
        if j >= 1 and lemmas[j] == "," and (city := place_ending(j - 1)):
            return city
        return found
    placed = ctx.event is not None and ctx.event.place is not None
    if 0 <= i < len(lemmas) and not placed and names.is_city(lemmas[i]):
        # "in Copenhagen (June 2023), Jeddah (August 2023)": a city the tagger left
        # untagged, right before the value, is still the place it is told with (unless
        # the events stage placed the edition by the corpus's majority).
        return names.canonical_name(lemmas[i].title())
    j = ctx.value_token_end
    if j < len(lemmas) and lemmas[j] in ("in", "at"):
        j += 1
        while j < len(lemmas) and lemmas[j] == "the":
            j += 1
        if j < len(lemmas):
            return place_starting(j)
    return None


def _slot_name(
    topic: str,
    name: str,
    rule: SlotRule,
    ctx: Context,
    rules: RuleSet,
    main: MainEvent | None = None,
    earlier: Earlier | None = None,
) -> str | None:
    if rule.key:
        base = next((k for k in (_key_part(ctx, p, rules, main) for p in rule.key) if k), None)
        if base is None:
            return None
        if "noun" in rule.suffix and base == _key_part(ctx, "noun", rules, main):
            return None  # "30 countries ... did not endorse": the counted noun names no group
        alias = rules.slot_aliases.get((topic, base))
        if alias:
            return alias
    else:
        base = name
    parts = [base]
    for part in rule.suffix:
        piece = _key_part(ctx, part, rules, main, earlier)
        if piece and piece not in parts:
            parts.append(piece)
    slot = "_".join(parts)
    return rules.slot_aliases.get((topic, slot), slot)


def matches(mention: Mention, rule: SlotRule) -> int | None:
    """The score of `mention` under `rule`, or None if the rule does not take it."""
    value = mention.value
    ctx = mention.context
    if value.kind != rule.kind:
        return None
    if rule.labels and (ctx.label or "") not in rule.labels:
        return None
    if rule.precision and getattr(value, "precision", None) not in rule.precision:
        return None
    if rule.polarity is None and mention.polarity == "negated" and sets_right(ctx.before):
        return None  # "EUR 40 billion, not the EUR 50 billion reported": not the source's
    if rule.polarity and mention.polarity != rule.polarity:
        return None
    if rule.modality and mention.modality not in rule.modality:
        return None
    if rule.roles and (mention.event.role if mention.event else "main") not in rule.roles:
        return None
    if rule.at_most is not None:
        low = getattr(getattr(value, "interval", None), "low", None)
        if low is not None and low > rule.at_most:
            return None
    if not all(holds(ctx, cond, value) for cond in rule.require):
        return None
    if rule.any_of and not any(holds(ctx, cond, value) for cond in rule.any_of):
        return None
    if rule.either and not any(
        all(holds(ctx, cond, value) for cond in group) for group in rule.either
    ):
        return None
    if any(holds(ctx, cond, value) for cond in rule.exclude):
        return None
    return (
        len(rule.require)
        + bool(rule.any_of)
        + bool(rule.either)
        + sum(1 for cond in rule.prefer if holds(ctx, cond))
    )


def best_filing(
    mention: Mention,
    rules: RuleSet,
    main: MainEvent | None = None,
    earlier: Earlier | None = None,
) -> Filing | None:
    best: Filing | None = None
    for topic, file_id, name, rule in rules.slots_for(mention.value.kind):
        score = matches(mention, rule)
        if score is None and rule.city_named and _city_named(mention, rule, main):
            score = 0
        if score is None:
            continue
        slot = _slot_name(topic, name, rule, mention.context, rules, main, earlier)
        if slot is None:
            continue
        filing = Filing(topic, slot, f"{file_id}.{name}", rule.priority, score)
        if best is None or (filing.priority, filing.score) > (best.priority, best.score):
            best = filing
    return best


def _city_named(mention: Mention, rule: SlotRule, main: MainEvent | None) -> bool:
    """A text named after the main event's city, of a label and role the rule takes and
    none of its excludes holding (city_texts.py)."""
    ctx = mention.context
    if rule.labels and (ctx.label or "") not in rule.labels:
        return False
    if rule.roles and (mention.event.role if mention.event else "main") not in rule.roles:
        return False
    if any(holds(ctx, cond, mention.value) for cond in rule.exclude):
        return False
    return names_main_city(mention, main)


def auto_slot(mention: Mention) -> str:
    ctx = mention.context
    words = ctx.noun.split()[-1] if ctx.noun else (ctx.head or ctx.governor or "value")
    # Capped: a 3,000-character token must not become a 3,000-character subject name.
    return f"{slugify(words)[:MAX_SLUG] or 'value'}_{mention.value.kind}"


def _shaped(value: Value, rule: SlotRule, ctx: Context) -> Value:
    """The value as the slot keeps it: a date as its year, an opening or closing day as
    a bound, a short list as partial."""
    if rule.day_bounds and isinstance(value, DateValue) and value.start == value.end:
        governor = _scope(ctx, Condition(scope="governor", words=["-"]))
        for bound, words in (("start", rule.day_bounds.start), ("end", rule.day_bounds.end)):
            if any(_has(governor, word) for word in words):
                return value.model_copy(update={"bound": bound})
    if rule.as_year and isinstance(value, DateValue) and value.precision != "year":
        year = value.start.year
        return value.model_copy(
            update={"start": date(year, 1, 1), "end": date(year, 12, 31), "precision": "year"}
        )
    if isinstance(value, EntitiesValue) and len(value.members) < rule.complete_from:
        return value.model_copy(update={"complete": False})
    if isinstance(value, EntitiesValue) and len(value.members) == 1 and _joint_verb(ctx):
        # "Chile will co-host the next summit": one of its hosts, not all of them.
        return value.model_copy(update={"complete": False})
    return value


def _joint_verb(ctx: Context) -> bool:
    """Whether the value's verb is a joint one ("co-host", "co-chair", "co-organise")."""
    return any(word.startswith("co-") for word in (ctx.governor or "", ctx.head or ""))


# Bodies and texts an entity list picks up that sign nothing: "the Committee of
# Ministers adopted it", "drawn up by the Council of Europe", "endorsed the Call to Action".
NOT_SIGNERS = {"committee", "council", "call", "assembly", "secretariat", "presidency"}


def _signers(value: EntitiesValue, ctx: Context) -> EntitiesValue:
    """The signers of a list: no body that drafts or adopts a text, and the body a person
    signs for ("Jourova signed, on behalf of the EU, ...")."""
    members = [
        m
        for m in value.members
        if m.split()[-1].lower() not in NOT_SIGNERS and m.split()[0].lower() not in NOT_SIGNERS
    ]
    body = _signs_for(ctx.lemmas)
    if body is not None and not any(names.is_country(m) for m in members):
        members = [body]  # a person, signing for the body
    if members == value.members:
        return value
    return value.model_copy(update={"members": members, "roles": {}})


def _signs_for(lemmas: list[str]) -> str | None:
    """The country or union after "on behalf of" in a sentence, if any."""
    at = next((i + 3 for i in range(len(lemmas)) if lemmas[i : i + 3] == BEHALF), None)
    if at is None:
        return None
    words = [w for w in lemmas[at : at + 4] if w not in DETERMINERS]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if name in EU_NAMES - {"commission", "brussels", "europe"}:
            return "European Union"
        country = names.canonical_name(name.upper() if len(name) <= 3 else name.title())
        if names.is_country(country):
            return country
    return None


BEHALF = ["on", "behalf", "of"]


# How often a document must name one country, and how much more often than any other,
# for "the Government" to be that country's.
HOME_MENTIONS = 3


def _home_country(mentions: list[Mention]) -> str | None:
    """The one country a document names as a value far more often than any other."""
    told: Counter[str] = Counter()
    for mention in mentions:
        value = mention.value
        if isinstance(value, EntitiesValue) and len(value.members) == 1:
            [member] = value.members
            if names.is_country(member):
                told[names.canonical_name(member)] += 1
    ranked = told.most_common(2)
    if not ranked or ranked[0][1] < HOME_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _names_the_event(mention: Mention, filing: Filing, main_key: frozenset[str]) -> bool:
    """Whether a text's name is the main event's own name words ("a New Global Financing
    Pact" in reports on the Summit for a New Global Financing Pact): the event is named
    after the text it seeks, which is no text signed there. A name of one word besides its
    kind ("the AI Declaration") is kept."""
    if filing.topic != "signatories" or not filing.slot.startswith("declaration_name"):
        return False
    if not isinstance(mention.value, TextValue) or len(main_key) < 2:
        return False
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", mention.value.surface.lower())
        if w not in INSTRUMENT_WORDS
    ]
    generic = GENERIC_NAME_WORDS | EVENT_GENERIC_WORDS
    keyed = [w for w in words if w in main_key]
    return len(words) >= 2 and bool(keyed) and all(w in main_key or w in generic for w in words)


def file_mentions(
    mentions: Iterable[Mention],
    source: Source,
    doc_hash: str,
    rules: RuleSet,
    *,
    main: MainEvent | None = None,
) -> list[Claim]:
    """Claims for one document. Identical values under one subject are kept once.

    `main` is the corpus's main event (events stage): its name words never make an
    instrument's subject name.
    """
    mentions = list(mentions)
    # Each sentence once, in document order, for what a bare "the treaty" refers to.
    sentences = {m.evidence.start: m.context.lemmas for m in mentions}
    names_in: dict[int, list[str]] = {}
    for m in mentions:
        names_in.setdefault(m.evidence.start, []).extend(m.context.names)
    starts = sorted(sentences)
    main_key = frozenset(main.key) if main else frozenset()
    programmes = [programme_signed(sentences[i], names_in[i], rules) for i in starts]
    told = told_before((sentences[i] for i in starts), main_key, programmes)
    before = dict(zip(starts, told, strict=True))
    claims: list[Claim] = []
    seen: set[tuple[str, str, str, str]] = set()
    home = _home_country(mentions)
    for mention in mentions:
        if home and (mention.context.agent or "").removeprefix("the ") == "Government":
            # "the Government has announced that it will give £1.25 billion" in a report
            # that tells of one country throughout: that country's government.
            context = mention.context.model_copy(update={"agent": home})
            mention = mention.model_copy(update={"context": context})
        filing = best_filing(mention, rules, main, before[mention.evidence.start])
        if filing is not None and _names_the_event(mention, filing, main_key):
            filing = None  # "a New Global Financing Pact" at the Summit for one: its name
        if filing is None:
            if mention.value.kind not in AUTO_KINDS:
                continue
            filing = Filing(AUTO_TOPIC, auto_slot(mention), "auto", 0, 0)
        value = mention.value
        rule = rules.slot_rule(filing.topic, filing.slot) if filing.rule != "auto" else None
        if rule is not None and rule.tolerance != 0.1:
            value = with_tolerance(value, rule.tolerance)
        if rule is not None:
            value = _shaped(value, rule, mention.context)
        if isinstance(value, EntitiesValue) and filing.topic == "signatories":
            value = _signers(value, mention.context)
            if not value.members:
                continue
        key = (filing.topic, filing.slot, value.model_dump_json(exclude={"surface"}),
               mention.polarity)  # fmt: skip
        if key in seen:
            continue
        seen.add(key)
        claims.append(
            Claim(
                id=claim_id(doc_hash, filing.topic, filing.slot, mention),
                source=source,
                topic=filing.topic,
                slot=filing.slot,
                value=value,
                modality=mention.modality,
                polarity=mention.polarity,
                evidence=mention.evidence,
                rule=filing.rule,
                noun=mention.context.noun,
                event=mention.event,
            )
        )
    return claims
