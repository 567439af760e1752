"""Context: everything around a value that a rule needs to file it.

Takes a value's Span and root Token; returns a `Context` (sentence, words before
and after, dependency path, counted noun, agent, names, places, purpose, event
cue), and builds a `Mention` from a Source, a Span, a value and its Context.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from summit_facts import names
from summit_facts.events import event_cue
from summit_facts.extract.agents import _agent, _gapped_agent
from summit_facts.extract.clauses import _ancestors, _modality, _partitive_of, _polarity
from summit_facts.extract.common import (
    BEFORE_WINDOW,
    LEAD_CHARS,
    SUBJECT_DEPS,
    _ents,
    _in_dateline,
    _sentence_cache,
    _sentence_lemmas,
    doc_text,
)
from summit_facts.extract.counted import _counted_noun
from summit_facts.extract.programmes import _nearby_names, _programme_names, tail_owner
from summit_facts.extract.purpose import _purpose
from summit_facts.models import INSTRUMENT_WORDS, Context, Evidence, Mention, Source, TextValue
from summit_facts.tokens import lemma


def _mention(source: Source, span: Span, value: object, context: Context) -> Mention:
    sent = span.sent
    return Mention(
        doc_id=source.id,
        value=value,  # type: ignore[arg-type]
        modality=_modality(span),
        polarity=_polarity(span),
        evidence=Evidence(
            sentence=sent.text.strip(),
            start=sent.start_char,
            end=sent.end_char,
            value_start=span.start_char,
            value_end=span.end_char,
        ),
        context=context,
    )


def _phrase_lemmas(token: Token) -> list[str]:
    """A token's lemma after those of its modifiers, nested ones included:
    "last year's summit" keeps "last year" (the summit is an earlier one)."""
    out: list[str] = []
    for mod in token.lefts:
        if mod.dep_ in ("compound", "amod", "poss", "nummod"):
            out.extend(lemma(t) for t in mod.subtree if t.dep_ != "case")
    out.append(lemma(token))
    return out


def _apposition(root: Token) -> list[str]:
    """What a common-noun apposition says the value is, marked '@appos': "Brazil, the
    COP30 host, pushed ..." -> ['@appos', 'host', 'cop30']. It renames the value, so it
    opens the value's path (a name renaming a name, "Gavi, the Vaccine Alliance", does
    not)."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            modifiers = [w for w in _phrase_lemmas(child)[:-1] if w not in ("'s", "’s")]
            return ["@appos", lemma(child), *modifiers]
    return []


def _participles(root: Token) -> list[str]:
    """What a participle or relative clause says the counted noun did, marked '@acl':
    "61 countries, Canada among them, signing a 'blueprint'", "60 countries that signed"
    -> ['@acl', 'sign']."""
    noun = root.head if root.dep_ in ("nummod", "quantmod") else root
    return [
        w
        for c in noun.children
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > noun.i
        for w in ("@acl", lemma(c))
    ]


def _listed_part(root: Token) -> list[str]:
    """A counted noun followed by a phrase that counts some of them, marked '@parts':
    "127 delegations, among them the governments of 106 countries", "127 delegations,
    106 governments among them", "90 delegations, including 61 states" -> ['@parts'].
    The count is of the whole, a mixed group ("80 countries, France among them" names
    members, not a part). Read off the words: the parser hangs such phrases anywhere."""
    noun = root.head if root.dep_ in ("nummod", "quantmod") else root
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    if noun.dep_ == "pobj":
        # "1,952 participants from 96 countries, 38 officials among them": the part is
        # of the people, not of the places they came from.
        return []
    listing = lemma(doc[noun.i + 2]) in ("include", "including")
    counted = False
    for tok in doc[noun.i + 2 : min(noun.i + 14, noun.sent.end)]:
        if tok.text in (",", ";", ".", "—"):
            break
        counted = counted or (tok.like_num and tok.i > root.i)
        if tok.lower_ == "among" and tok.i + 1 < len(doc):
            listing = listing or doc[tok.i + 1].lower_ in ("them", "whom", "which")
    return ["@parts"] if listing and counted else []


# Verbs of intent, whose subject is the one to do what follows ("plan to sign").
INTENDING = {"plan", "intend", "aim", "hope", "expect", "prepare", "want", "seek", "decide",
             "schedule"}  # fmt: skip


def _controlled_verbs(chain: list[Token], governor: Token | None) -> list[str]:
    """What the value's noun, subject of a verb of intent, means to do: "six companies
    plan to sign an agreement", "40 countries hope to endorse it" -> sign, endorse (the
    verbs of the governor's open complement)."""
    if governor is None or governor not in chain or lemma(governor) not in INTENDING:
        return []
    at = chain.index(governor)
    if at == 0 or chain[at - 1].dep_ not in SUBJECT_DEPS:
        return []
    out: list[str] = []
    verb: Token | None = governor
    for _ in range(3):  # "plan to begin to sign"
        assert verb is not None
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if verb is None:
            break
        out.append(lemma(verb))
    return out


# Verbs that only say a subject is to do something: "is set to host", "is to host",
# "is due to open".
SET_TO_VERBS = {"set", "be", "due", "poise"}


def _set_to_do(verb: Token) -> Token | None:
    """The verb an 'is set to' or 'is to' holds ('host' in 'is set to host'), or None."""
    if lemma(verb) not in SET_TO_VERBS:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.lefts)
        ),
        None,
    )


def _context(span: Span, root: Token) -> Context:
    sent = span.sent
    chain = _ancestors(root, sent)
    path: list[str] = _apposition(root) + _participles(root) + _listed_part(root)
    whole = _partitive_of(root)
    # "Of the 90 countries represented, only 84 signed": the whole's path ends where the
    # part is taken from it; the part's verb is not said of it.
    told = (
        chain[: next((n for n, a in enumerate(chain) if a.i == whole.i), len(chain))]
        if whole
        else chain
    )
    # "Brazil, which appears on the list of 92 countries, did not sign": a value inside a
    # relative clause set off after a name is said of that clause, not of the sentence
    # around it.
    relative = next(
        (
            n
            for n, a in enumerate(told)
            if a.dep_ == "relcl"
            and a.head.pos_ == "PROPN"
            and a.i > 0
            and a.head.i + 1 < a.i
            and a.doc[a.head.i + 1].text == ","
        ),
        None,
    )
    if relative is not None:
        told = told[: relative + 1]
    for anc in told:
        path.extend(_phrase_lemmas(anc))
        if anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if child.dep_ in SUBJECT_DEPS and not (span.start <= child.i < span.end):
                    path.extend(_phrase_lemmas(child))
    # A participle the tagger took for an adjective ("Co-hosted by France, the event
    # drew ...") still governs.
    governor = next(
        (t for t in chain if t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD")), None
    )
    path.extend(_controlled_verbs(chain, governor))
    head = root.head if root.head.i != root.i else None
    if governor is not None and head is not None and head.i == governor.i:
        # "Switzerland is set to host a conference", "is to host": the verb of what the
        # subject is set to do governs it, not "set" or "be".
        done = _set_to_do(governor)
        if done is not None and root.dep_ in SUBJECT_DEPS:
            governor = head = done
            path.extend(_phrase_lemmas(done))
    if head is None and governor is None:
        # A headline's "Switzerland to host 2027 global AI summit": the parser hangs the
        # infinitive on the noun; it is the noun's verb.
        infinitive = next(
            (c for c in root.rights if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None
        )
        if infinitive is not None and any(a.lower_ == "to" for a in infinitive.lefts):
            governor = head = infinitive
            path.extend(_phrase_lemmas(infinitive))
    label = _colon_label(sent)
    if head is None and governor is None and label is not None and root.dep_ == "ROOT":
        # "Signatories to the Lima Call: Chile, Peru, ...": the label the parser made a
        # sentence of its own is what the list is; it heads the list.
        head = label.root
        path.extend(_phrase_lemmas(label.root))
    if head is not None and head.dep_ == "prep" and head.lower_ == "of" and head.head.i != head.i:
        head = head.head  # "the Kyoto Protocol of 1997": the year is the protocol's
    before = [lemma(t) for t in sent[max(0, span.start - sent.start - BEFORE_WINDOW) :]
              if t.i < span.start][-BEFORE_WINDOW:]  # fmt: skip
    names_here = _nearby_names(span, root)
    agent = _gapped_agent(span) or _agent(root, chain)
    agent = tail_owner(sent, agent) or agent  # "the Global Fund to Fight AIDS, which raised"
    if agent is not None and _dateline_words(sent, agent):
        agent = None  # "NAIROBI, Sept 4 (Reuters) - Pledges worth ...": the wire, no donor
    return Context(
        noun=_counted_noun(span, root),
        head=lemma(head) if head is not None and not (span.start <= head.i < span.end) else None,
        governor=lemma(governor) if governor is not None else None,
        agent=agent,
        names=names_here,
        places=_nearby_places(span, root),
        purpose=_purpose(root, weak=not _programme_names(names_here, agent, sent.text)),
        lemmas=list(_sentence_lemmas(sent)),
        heading=_list_heading(sent),
        value_token=span.start - sent.start,
        value_token_end=span.end - sent.start,
        path=path,
        lead=sent.start_char < LEAD_CHARS,
        before=before,
        event=event_cue(span, root),
        dateline=_in_dateline(span),
        verbs=_instrument_verbs(sent),
    )


# A list line: a bullet or a number opens it ("• Over 40 Heads of State", "- 6 round
# tables", "1. A partnership that commits $60 million").
_LIST_LINE = re.compile(r"^\s*(?:[•*\-–—▪◦]|\d{1,2}[.)])\s+")
# A heading: a short line with no sentence's end ("The Summit in figures", "Key figures:").
_HEADING_WORDS = 8


def _list_heading(sent: Span) -> list[str]:
    """The lemmas of the heading the list holding this line stands under, or [] when
    the sentence is no list line or its list has no heading. "The Summit in figures"
    tells what "• Over 40 Heads of State and Government" counts. Worked out once per
    sentence (`doc.text` builds the whole text on every access)."""
    cache = _sentence_cache(sent)
    if "list_heading" not in cache:
        cache["list_heading"] = _find_list_heading(sent)
    return list(cache["list_heading"])


def _colon_label(sent: Span) -> Span | None:
    """'Signatories to the Lima Call:', 'Companies:': a short label opening a line and
    ending with a colon, which the parser splits from the list after it; None for any
    other sentence. Worked out once per sentence (every value of it asks)."""
    cache = _sentence_cache(sent)
    if "colon_label" not in cache:
        label = _find_colon_label(sent)
        cache["colon_label"] = None if label is None else (label.start, label.end)
    bounds = cache["colon_label"]
    return None if bounds is None else sent.doc[bounds[0] : bounds[1]]


def _find_colon_label(sent: Span) -> Span | None:
    doc = sent.doc
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None  # "G20 Summit: Macron to attend ...": a headline's kicker, no list
    at = sent.start - 1
    while at >= 0 and doc[at].is_space:
        at -= 1
    if at < 0 or doc[at].text != ":" or doc[at].whitespace_.count("\n") or at < sent.start - 1:
        return None
    label = doc[at].sent
    if not 0 < len(label) - 1 <= _HEADING_WORDS or "\n" in label.text:
        return None
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, label.start_char) + 1
    return label[:-1] if not text[line_start : label.start_char].strip() else None


def _find_list_heading(sent: Span) -> list[str]:
    label = _colon_label(sent)
    if label is not None:
        return [lemma(t) for t in label if not t.is_space]
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    if not _LIST_LINE.match(text[line_start : sent.end_char]):
        return []
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and not _LIST_LINE.match(line):
            if len(line.split()) > _HEADING_WORDS or line[-1] in ".!?":
                return []
            span = sent.doc.char_span(start, end, alignment_mode="contract")
            return [lemma(t) for t in span if not t.is_space] if span is not None else []
        end = start - 1
    return []


def _instrument_verbs(sent: Span) -> list[int]:
    """Where a word that can name a text is a verb: "six firms plan to sign", "firms
    pledged to act" name no text called "plan" or "pledge". ("called for" is told from
    "the Call to Action" by filing's reading of the words around it.) Once per sentence."""
    cache = _sentence_cache(sent)
    if "instrument_verbs" not in cache:
        lemmas = _sentence_lemmas(sent)
        cache["instrument_verbs"] = [
            t.i - sent.start
            for t in sent
            if t.pos_ in ("VERB", "AUX")
            and lemmas[t.i - sent.start] in INSTRUMENT_WORDS
            and lemmas[t.i - sent.start] != "call"
        ]
    return list(cache["instrument_verbs"])


def _nearby_places(span: Span, root: Token) -> list[str]:
    """Venues and cities before all countries, each group nearest first; first of all the
    place a bracketed year dates ("Taormina (2017)")."""
    first = _dated_place(root) or _hosting_place(root)
    found: list[tuple[int, int, int, str]] = [(-1, 0, 0, first)] if first else []
    for ent in _ents(span.sent):
        if ent.label_ not in ("FAC", "GPE", "LOC") or ent.start <= root.i < ent.end:
            continue
        country = ent.label_ != "FAC" and not names.is_city(ent.text)
        distance = abs(ent.end - span.start) if ent.end <= span.start else 50 + ent.start
        found.append((int(country), distance, ent.start, names.canonical_name(ent.text)))
    found.sort()
    return list(dict.fromkeys(text for *_, text in found))[:4]


PLACE_ENTS = ("GPE", "LOC", "FAC")


def _dated_place(root: Token) -> str | None:
    """'held in Naples (1994), Genoa (2001) and Taormina (2017)': the proper name a year in
    brackets stands beside, in a list of places (or after "in"/"at"), is the place of
    what that year dates, whatever the tagger made of the name (a person, a body)."""
    year = root
    while year.dep_ == "appos" and year.head.like_num and year.head.i != year.i:
        year = year.head  # "Venice (1980, 1987)": the second year leans on the first
    place = year.head
    if year.dep_ != "appos" or place.i == year.i or place.pos_ != "PROPN" or year.i < 1:
        return None
    if year.doc[year.i - 1].text != "(":
        return None
    first = place
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    told = first.ent_type_ in PLACE_ENTS or place.ent_type_ in PLACE_ENTS
    if not told and not (first.dep_ == "pobj" and first.head.lower_ in ("in", "at")):
        return None
    words = [t for t in place.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return names.canonical_name(" ".join(t.text for t in [*words, place]))


def _hosting_place(root: Token) -> str | None:
    """'Kananaskis hosted the summit in 2002': the proper-named subject of the hosting verb
    the value hangs on is where it was held (a small place the tagger may leave untagged;
    never a person or a body)."""
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or lemma(verb) != "host":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    if subject.ent_type_ not in PLACE_ENTS and not any(
        e.label_ in PLACE_ENTS and e.text == subject.text for e in _ents(subject.doc[:])
    ):
        return None  # a person or a body, unless the document names it as a place elsewhere
    words = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return names.canonical_name(" ".join(t.text for t in [*words, subject]))


def _text_mention(source: Source, span: Span, label: str) -> Mention:
    surface = span.text.strip(" \"'“”‘’")
    if label == "CITY" and surface.isupper():
        surface = surface.title()  # a dateline's "DUBAI" is Dubai
    canonical = names.canonical_text(surface) if label == "TITLE" else names.canonical_name(surface)
    value = TextValue(surface=surface, text=canonical)
    context = _context(span, span.root)
    context.label = label
    return _mention(source, span, value, context)


def _dateline_words(sent: Span, text: str) -> bool:
    """Whether `text` is only told inside the sentence's dateline (a wire agency, a
    place the report was filed from)."""
    spans = [
        sent.doc.char_span(m.start() + sent.start_char, m.end() + sent.start_char)
        for m in re.finditer(re.escape(text), sent.text)
    ]
    found = [s for s in spans if s is not None]
    return bool(found) and all(_in_dateline(s) for s in found)
