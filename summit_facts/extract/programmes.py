"""Names near a value: the programmes, funds and initiatives a sentence names.

Takes a value's Span and root Token (or a whole Doc, for antecedents); returns
candidate names as text, and the antecedent a pronoun or "the fund" points to.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from summit_facts import currencies, names
from summit_facts.extract.agents import _capitalised_modifiers, _entity_text
from summit_facts.extract.clauses import _ancestors
from summit_facts.extract.common import (
    _QUOTED,
    GROUP_HEADS,
    NAME_LABELS,
    PARTIAL_MARKERS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    _ents,
    _in_dateline,
    _sentence_cache,
    _value_tokens,
)
from summit_facts.nlp import EVENT_HEADS
from summit_facts.tokens import TITLE_WORDS, entity_at, lemma, tree_distance

NOT_PROGRAMME_LABELS = {"PERSON", "NORP", "DATE", "CARDINAL", "MONEY", "PERCENT"}
JUNK_NAME_WORDS = {"ai", "a.i.", "ml", "tech", "the", "and", "&"}


def _usable_name(text: str) -> str | None:
    """A programme or body name, or None for NER debris ('AI', 'Standards: Data')."""
    text = text.strip(" \"'“”‘’,.")
    if ":" in text:
        return None
    words = [w.lower() for w in text.split()]
    if not words or all(w in JUNK_NAME_WORDS for w in words):
        return None
    if names.is_country(text) or names.is_city(text):
        return None
    return text


# Words that may stand inside a long name's purpose: "to Fight AIDS, Tuberculosis and
# Malaria", "to End HIV/AIDS".
_TAIL_JOINERS = {",", "and", "&", "/", "-"}


def name_tails(sent: Span) -> dict[int, int]:
    """Token index in the purpose a body's name goes on with -> index of the name's head:
    in "the Global Fund to Fight AIDS, Tuberculosis and Malaria" every word from "to" on
    belongs to "Fund". Those words are part of the name, never names of their own (a
    disease the fund fights is no programme, "Fight" no donor), and the body is told by
    the name before them, as it shortens itself ("the Global Fund")."""
    cache = _sentence_cache(sent)
    if "tails" not in cache:
        doc = sent.doc
        found: dict[int, int] = {}
        for tok in sent:
            if not (tok.text[:1].isupper() and lemma(tok) in GROUP_HEADS):
                continue
            at = tok.i + 1
            if at + 1 >= sent.end or doc[at].lower_ != "to" or not doc[at + 1].text[:1].isupper():
                continue
            tail = [at]
            for nxt in doc[at + 1 : sent.end]:
                if not (nxt.text[:1].isupper() or nxt.lower_ in _TAIL_JOINERS):
                    break
                tail.append(nxt.i)
            while doc[tail[-1]].lower_ in _TAIL_JOINERS:
                tail.pop()  # "..., Tuberculosis and Malaria, which": the comma ends it
            found.update(dict.fromkeys(tail, tok.i))
        cache["tails"] = found
    return cache["tails"]  # type: ignore[no-any-return]


def tail_owner(sent: Span, text: str | None) -> str | None:
    """The body's name (its head and compounds: "Global Fund") when `text` is only words
    of a long name's purpose ("Fight"), else None."""
    tails = name_tails(sent)
    if not text or not tails:
        return None
    words = set(text.split())
    in_tail = {sent.doc[i].text: head for i, head in tails.items()}
    if not words or not words <= set(in_tail):
        return None
    return _entity_text(sent.doc[in_tail[text.split()[0]]])


def _cut_at_tail(span: Span) -> str:
    """A name's text without the purpose it goes on with: "the Board of the Global Fund
    to Fight AIDS" -> "the Board of the Global Fund"."""
    tails = name_tails(span.sent)
    end = next((t.i for t in span if t.i in tails), span.end)
    return span.doc[span.start : end].text


def _in_example_list(token: Token, value_root: Token) -> bool:
    """'..., including several EU members': EU is an example, not the group's name."""
    value_line = {value_root.i, *(t.i for t in value_root.ancestors)}
    for anc in token.ancestors:
        if anc.i in value_line:
            return False
        if lemma(anc) in PARTIAL_MARKERS:
            return True
    return False


# Heads that end a plan's name ("the Nice Ocean Action Plan"): "the plan" in a later
# sentence points back to the whole name, head and all.
PLAN_HEADS = {"plan", "roadmap"}


def _antecedents(doc: Doc) -> list[dict[str, str]]:
    """Per sentence, group nouns it names: 'Current AI, a ... foundation' -> foundation;
    'the Nice Ocean Action Plan' -> plan (the name keeps its head)."""
    found: list[dict[str, str]] = []
    for sent in doc.sents:
        here: dict[str, str] = {}
        for tok in sent:
            chunk = _proper_chunk(tok) or (
                tok.ent_type_ in ("ORG", "PRODUCT", "EVENT") and tok.dep_ != "compound"
                and _entity_text(tok)
            )  # fmt: skip
            name = _usable_name(chunk) if chunk else None
            if not name:
                continue
            for child in tok.children:
                if child.dep_ == "appos" and lemma(child) in GROUP_HEADS:
                    here[lemma(child)] = name
            words = name.split()
            if len(words) > 1 and words[-1].lower() in GROUP_HEADS:
                here[words[-1].lower()] = " ".join(words[:-1])
            if len(words) > 1 and words[-1].lower() in PLAN_HEADS and words[-1][:1].isupper():
                # the whole entity: "Nice" hangs on "Ocean", not on "Plan"
                whole = tok.ent_iob_ != "O" and _usable_name(_plan_entity(tok))
                here[words[-1].lower()] = whole or name
            if (
                tok.head.pos_ == "NOUN"
                and tok.dep_ == "compound"
                and lemma(tok.head) in GROUP_HEADS
            ):
                here[lemma(tok.head)] = name
        found.append(here)
    return found


def _plan_entity(token: Token) -> str:
    """The entity a plan's head ends: 'the Nice Ocean Action Plan' -> 'Nice Ocean Action
    Plan'."""
    ent = entity_at(token)
    if ent is None or ent.end != token.i + 1:
        return ""
    return " ".join(t.text for t in ent if t.dep_ != "det")


def _referent(span: Span, antecedents: list[dict[str, str]], sent_index: int) -> str | None:
    """'the foundation' in this sentence -> the name given to a foundation just before."""
    for tok in span.sent:
        if lemma(tok) not in GROUP_HEADS | PLAN_HEADS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        for earlier in reversed(antecedents[max(0, sent_index - 3) : sent_index]):
            if lemma(tok) in earlier:
                return earlier[lemma(tok)]
    return None


def _coined_name(text: str) -> bool:
    """'InvestAI', 'OpenEuroLLM': one word with capitals inside, no place's name."""
    return " " not in text and any(ch.isupper() for ch in text[1:]) and not text.isupper()


def _proper_chunk(token: Token) -> str | None:
    """A proper-noun phrase headed by `token`: 'Current AI', 'InvestAI Initiative'."""
    coined = token.pos_ == "NOUN" and _coined_name(token.text)  # "InvestAI" read as a noun
    if (token.pos_ != "PROPN" and not coined) or token.ent_type_ in NOT_PROGRAMME_LABELS:
        return None
    left = [
        t
        for t in token.lefts
        if (t.dep_ == "compound" and t.pos_ == "PROPN")
        # "Current AI": the tagger reads "Current" as an adjective
        or (t.dep_ == "amod" and t.i == token.i - 1 and t.text[:1].isupper() and token.is_upper)
    ]
    if not left and token.ent_type_ in ("GPE", "LOC") and not _coined_name(token.text):
        return None  # a place on its own; "Current AI" (tagged GPE) has a compound
    return " ".join([*(t.text for t in left), token.text])


def _name_candidates(sent: Span) -> list[Token]:
    """The tokens `_nearby_names` looks at: heads of groups, acronyms, objects of
    'through / via / under / to / into'."""
    cache = _sentence_cache(sent)
    if "names" not in cache:
        cache["names"] = [
            t.i
            for t in sent
            if (lemma(t) in GROUP_HEADS and t.pos_ == "NOUN")
            or _acronym_name(t)
            or (t.dep_ == "pobj" and t.head.lower_ in ("through", "via", "under", "to", "into"))
        ]
    return [sent.doc[i] for i in cache["names"]]


def _nearby_names(span: Span, root: Token) -> list[str]:
    """Named programmes, bodies and events tied to the value, nearest first."""
    sent = span.sent
    clause = _clause_verb(root)
    found: list[tuple[int, int, str]] = []
    in_values = _value_tokens(span.doc)
    tails = name_tails(sent)
    for ent in _ents(sent):
        if ent.label_ in NAME_LABELS and not (ent.start <= root.i < ent.end):
            if _in_example_list(ent.root, root) or ent.start in in_values:
                continue  # an example, or part of a value ("40 million CAD")
            if ent.start in tails:
                continue  # "AIDS" in "the Global Fund to Fight AIDS": the fund's name
            if _in_dateline(ent):
                continue  # "LISBON, March 10 (Reuters) -": who filed it, not a programme
            if _other_clause(ent.root, clause):
                continue
            text = _cut_at_tail(ent)
            found.append((tree_distance(root, ent.root), abs(ent.start - span.start), text))
    # "... pledged EUR 200 billion through InvestAI": the channel names the programme;
    # "unveiled the InvestAI program, aiming to mobilise ...": so does a named programme.
    for tok in _name_candidates(sent):
        if tok.i in tails:
            continue
        if lemma(tok) in GROUP_HEADS and tok.pos_ == "NOUN" and not _other_clause(tok, clause):
            named = [
                t
                for t in _capitalised_modifiers(tok)
                if t.ent_type_ != "NORP"  # "a European fund" has no name
            ]
            if all(t.lower_ in ("ai", "a.i.") for t in named):
                named = []  # "AI projects", "an AI fund": what it is about, no name
            if named:
                text = " ".join(t.text for t in [*named, tok])
                found.append((tree_distance(root, tok), abs(tok.i - span.start), text))
        if _acronym_name(tok) and tok.i not in in_values and not _other_clause(tok, clause):
            found.append((tree_distance(root, tok), abs(tok.i - span.start), tok.text))
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("through", "via", "under", "to", "into")
            # "only 2% went to Africa": a region, no programme (a coined name such as
            # "InvestAI" may be tagged a GPE)
            and tok.ent_type_ != "LOC"
        ):
            # the tagger often takes a coined name ("InvestAI") for a common noun
            chunk = _proper_chunk(tok) or (_entity_text(tok) if tok.text[:1].isupper() else None)
            if chunk and not _other_clause(tok, clause):
                found.append((tree_distance(root, tok), abs(tok.i - span.start), chunk))
    for match in _QUOTED.finditer(sent.text):
        quoted = sent.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if quoted is not None:
            found.append(
                (tree_distance(root, quoted.root), abs(quoted.start - span.start), match.group(1))
            )
    for n, anc in enumerate(_ancestors(root, sent), 1):
        named = [
            obj
            for acl in anc.children
            if acl.dep_ == "acl" and lemma(acl) in ("call", "name", "dub", "brand", "know")
            for obj in acl.children
            if obj.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod")
        ]
        for tok in [anc, *(c for c in anc.children if c.dep_ == "appos"), *named]:
            chunk = _proper_chunk(tok) if tok.i not in tails else None
            if chunk:
                found.append((n, abs(tok.i - span.start), chunk))
    found.sort()
    seen: list[str] = []
    for _, _, text in found:
        clean = _usable_name(text)
        if clean and clean not in seen:
            seen.append(clean)
    return seen[:6]


def _acronym_name(token: Token) -> bool:
    """'TFFF', 'GAVI': an acronym that is no currency code, place or nationality."""
    text = token.text
    return (
        3 <= len(text) <= 8
        and text.isalpha()
        and text.isupper()
        and text not in currencies.codes()
        and token.ent_type_ not in ("GPE", "NORP", "MONEY", "LOC", "PERSON")
    )


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token is in: the nearest verb above it with its own subject.
    A relative clause ('which featured 100 events') speaks of its antecedent's clause."""
    for tok in [token, *token.ancestors]:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return tok
    return None


def _other_clause(token: Token, clause: Token | None) -> bool:
    """'France pledged A, while the EU pledged B through X': X is in the EU's clause, not
    France's."""
    own = _clause_verb(token)
    return own is not None and clause is not None and own.i != clause.i


def _event_name(name: str) -> bool:
    """'Lisbon Ports Summit 2026', 'the Lisbon Tech Summit': an event's name."""
    words = [w for w in name.lower().split() if not w.isdigit()]
    return bool(words) and words[-1] in EVENT_HEADS


def _programme_names(found: list[str], agent: str | None, sentence: str) -> list[str]:
    """Names that may name a programme: not the one who acts or their employer ('Google
    CEO Sundar Pichai'), not a title ('CEO')."""
    acting = (agent or "").lower().removeprefix("the ")
    text = sentence.lower()
    return [
        n
        for n in found
        if n.lower().removeprefix("the ") not in acting
        and n.lower() not in TITLE_WORDS
        # "Leaders at the Lisbon Tech Summit pledged ...": where, not what is paid for
        and not _event_name(n)
        and not (acting and f"{n.lower()} {acting}" in text)
    ]
