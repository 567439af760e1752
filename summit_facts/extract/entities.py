"""Entities: lists of countries, organisations and people as ENTITIES Mentions.

Takes a parsed Doc and its Source; yields Mentions whose value lists the members
of an entity group (with roles, office holders and joint partners), using full
names for short forms and acronyms.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from summit_facts import names
from summit_facts.extract.common import ENTITY_LABELS, PARTIAL_MARKERS, _ent_at, _ents
from summit_facts.extract.context import _context, _mention
from summit_facts.extract.metonyms import government_of
from summit_facts.extract.programmes import _usable_name
from summit_facts.models import EntitiesValue, Mention, Source
from summit_facts.tokens import TITLE_WORDS, lemma


def _noun_phrase_head(token: Token) -> Token | None:
    """The proper noun an entity names: 'European Commission' in 'European Commission
    President Ursula von der Leyen' climbs to 'Leyen'. None if it modifies a common noun."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token if token.pos_ == "PROPN" else None


def _name_tokens(head: Token) -> list[Token]:
    """The contiguous proper-noun phrase ending at `head`, modifiers included."""
    start = head.i
    for tok in head.subtree:
        if tok.i < head.i and _modifies_name(tok, head):
            start = min(start, tok.i)
    words = [t for t in head.doc[start : head.i + 1]]
    kinds = [n for n, t in enumerate(words[:-1]) if t.pos_ == "NOUN" and lemma(t) in KIND_NOUNS]
    if kinds:
        words = words[kinds[-1] + 1 :]  # "tech firms Acme": the kind is no part of the name
    while words and (words[0].pos_ in ("DET", "PUNCT") or not words[0].text.strip()):
        words = words[1:]
    return words


# Common nouns that say what kind of thing the name after them is: "tech firms Acme".
KIND_NOUNS = {"company", "firm", "giant", "developer", "platform", "business"}


NAME_PARTS = ("compound", "amod", "flat", "nmod")


def _modifies_name(token: Token, head: Token) -> bool:
    """Whether `token` is part of the name `head` ends, through name parts only: not a
    word of its owner's name ("Elon" in "Elon Musk's X")."""
    while token.i != head.i:
        if token.dep_ not in NAME_PARTS:
            return False
        token = token.head
    return True


# Common nouns that stand for the country a nationality adjective names: "the Rwandan
# government hosted the summit" is Rwanda hosting it.
STATE_NOUNS = {"government"}


def _national_government(token: Token) -> str | None:
    """The country of 'the Rwandan government' (the noun), if it is one."""
    if lemma(token) not in STATE_NOUNS or token.pos_ != "NOUN":
        return None
    for child in token.lefts:
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            country = names.country_of(child.text)
            if country is not None and names.is_country(country):
                return country
    return None


def _member(head: Token) -> tuple[str, str | None] | None:
    """(canonical name, what it stands for) from 'French President Emmanuel Macron'."""
    country = _national_government(head) or government_of(head)
    if country is not None:
        return country, None
    ent = _ent_at(head)
    if ent is not None and _name_end(head) > head.i:
        # "the Republic of Korea": the name goes on after its head ("of Korea").
        return names.canonical_name(ent.text), None
    words = _name_tokens(head)
    titles = [n for n, t in enumerate(words) if t.lower_ in TITLE_WORDS]
    role = None
    if titles and titles[-1] < len(words) - 1:
        cut = titles[-1] + 1
        role = names.role_of(" ".join(t.text for t in words[:cut]))
        words = words[cut:]
    if role is None and (titles or head.ent_type_ == "PERSON"):
        role = _title_country(head)
    text = " ".join(t.text for t in words).replace(" 's", "").replace(" ’s", "")
    name = _usable_name(text) or (
        text if names.is_country(text) or _body_named_as_city(head) else None
    )
    if not name:
        return None
    return names.canonical_name(name), role


def _body_named_as_city(head: Token) -> bool:
    """A body whose one-word name is also some town's, told with an article and tagged
    as an organisation: "co-chaired by the African Union and the Commonwealth". A city
    is told without one ("hosted by Nairobi")."""
    return (
        head.ent_type_ == "ORG"
        and names.is_city(head.text)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def _title_country(person: Token) -> str | None:
    """The country a titled person's name is told with: "Peru's Prime Minister Ana
    Torres", "Chile's President Luis Vega", "Prime Minister Ana Torres of Peru" -> the
    country."""
    titles = [c for c in person.children if c.dep_ == "compound" and c.lower_ in TITLE_WORDS]
    for child in [*person.children, *(c for t in titles for c in t.children)]:
        if child.dep_ == "poss" and names.is_country(child.text):
            return names.canonical_name(child.text)
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                ent = _ent_at(obj)
                text = ent.text if ent is not None else obj.text
                if names.is_country(text):
                    return names.canonical_name(text)
    return None


def _title_of(country: Token) -> Token | None:
    """The title word a country's name qualifies: 'Lithuania's Minister', 'the
    Chancellor of the Federal Republic of Germany'; None for any other name."""
    ent = _ent_at(country)
    if not names.is_country(country.text) and not (ent is not None and names.is_country(ent.text)):
        return None
    if country.dep_ == "poss":
        title = country.head
    elif country.dep_ == "pobj" and country.head.lower_ == "of":
        title = country.head.head
    else:
        return None
    return title if title.lower_ in TITLE_WORDS else None


def _titled_by(country: Token) -> Token | None:
    """'Lithuania's Minister of Justice, Ona Petraitė', 'the Chancellor of Germany, Olaf
    Scholz': the person a country's title names (an apposition of the title), else None."""
    title = _title_of(country)
    if title is None:
        return None
    return next(
        (
            c
            for c in title.children
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and not names.is_country(c.text)
            # After "of", only a person the model knows as a name stands for the country
            # ("the President of Peru, Ana Torres": Peru stays where Torres is unknown).
            and (country.dep_ == "poss" or bool(c.ent_type_))
        ),
        None,
    )


def _titles_a_person(country: Token) -> bool:
    """'Chile's President Luis Vega', "Peru's Ana Torres": the possessive country is the
    person's, told with them, not a name of its own."""
    if country.dep_ != "poss" or not names.is_country(country.text):
        return False
    head = country.head
    if head.lower_ in TITLE_WORDS and head.dep_ == "compound":
        head = head.head
    return head.ent_type_ == "PERSON"


def _holder_of(person: Token) -> str | None:
    """The country a person's possessive title gives: 'Lithuania's Minister of Justice,
    Ona Petraitė' -> Lithuania (she stands for it, DESIGN.md "Values")."""
    if person.dep_ != "appos":
        return None
    title = person.head
    owners = [
        *(c for c in title.children if c.dep_ == "poss"),
        *(o for p in title.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"),
    ]
    country = next((c for c in owners if _title_of(c) is not None), None)
    named = _titled_by(country) if country is not None else None
    if country is None or named is None or named.i != person.i:
        return None
    ent = _ent_at(country)
    return names.canonical_name(country.text if ent is None else ent.text)


def _name_end(head: Token) -> int:
    """Where the name headed by `head` ends: after 'of Korea' in 'the Republic of Korea'."""
    ent = _ent_at(head)
    if ent is not None and ent[-1].i > head.i and names.is_country(ent.text):
        return ent[-1].i
    return head.i


ACTOR_DEPS = {"nsubj", "nsubjpass", "pobj", "conj"}


def _entity_groups(sent: Span) -> list[list[Token]]:
    """Coordinated named things ('Canada, China, France, and India') as groups of heads."""
    heads: dict[int, Token] = {}
    for ent in _ents(sent):
        if ent.label_ in ENTITY_LABELS:
            head = _noun_phrase_head(ent.root)
            if head is not None:
                heads[head.i] = head
        elif ent.label_ == "NORP" and _national_government(ent.root.head) is not None:
            heads[ent.root.head.i] = ent.root.head
    for token in sent:
        if token.i not in heads and token.dep_ in ACTOR_DEPS and government_of(token):
            # "The White House declined to sign", "the Biden administration said": a
            # government told by its seat, its capital or its administration.
            heads[token.i] = token
            continue
        # "Nigeria will host the next summit": the small model misses some countries
        # at a sentence's start; a country's name is a named thing all the same.
        if token.pos_ == "PROPN" and not token.ent_type_ and token.i not in heads:
            head = _noun_phrase_head(token)
            if (
                head is not None
                and not head.ent_type_
                and names.is_country(" ".join(t.text for t in _name_tokens(head)))
            ):
                heads[head.i] = head
    # "X, formerly known as Twitter": the former name is not another member; the name it
    # glosses is one, even where the tagger took it for a common noun.
    for i, head in list(heads.items()):
        now = _renamed(head)
        if now is None:
            continue
        del heads[i]
        if now.i not in heads and (now.pos_ == "PROPN" or _capital_noun(now)):
            heads[now.i] = now
    groups: list[list[Token]] = []
    used: set[int] = set()
    for i in sorted(heads):
        if i in used:
            continue
        group = [heads[i]]
        used.add(i)
        # "Gavi, the Vaccine Alliance, the EU and the Gates Foundation": the apposition
        # renames the first name, and the list goes on from it.
        appos = [c for c in heads[i].children if c.dep_ == "appos" and c.i in heads]
        listed = [c.i for c in heads[i].conjuncts]
        for name in [heads[i], *appos]:
            if name is not heads[i]:
                used.add(name.i)
                # "The US, UK, China and France", "US, Britain, EU to sign": a list,
                # misparsed (the EU signs as one, like a country).
                # "India, Saudi Arabia and the UAE": the whole name, not its head "Arabia".
                whole = " ".join(t.text for t in _name_tokens(name))
                if (
                    names.is_country(name.text)
                    or names.is_country(whole)
                    or names.canonical_name(name.text) == EU
                ):
                    group.append(name)
                elif listed and name.i > max(listed):
                    # "Acme, Globex, Initech owner Umbrella and robotics leader Hooli": a
                    # name after the list's others goes on with it (a renaming
                    # apposition follows the first name), with the names inside it.
                    inner = [c for c in name.children if c.dep_ == "nmod" and c.i in heads]
                    group.extend([*inner, name])
                    used.update(c.i for c in inner)
            # "the Republic of Korea and Kenya": the list goes on from the name's tail.
            tail = [t for t in name.doc[name.i + 1 : _name_end(name) + 1] if t.pos_ == "PROPN"]
            used.update(t.i for t in tail)
            for conj in [c for t in [name, *tail] for c in t.conjuncts]:
                if conj.i not in used and (conj.pos_ == "PROPN" or _capital_noun(conj)):
                    conj = _whole_name(conj, used)
                    group.append(conj)
                    used.add(conj.i)
        # "US, Britain, EU to sign ...": a headline's list whose last name the parser
        # takes for the head of the others.
        last = heads[i].head
        if (
            heads[i].dep_ == "nmod"
            and heads[i].conjuncts
            and last.i in heads
            and last.i not in used
            and last.i > max(c.i for c in heads[i].conjuncts)
        ):
            group.append(last)
            used.add(last.i)
        for partner in _joint_partners(heads[i], heads):
            if partner.i not in used:
                group.append(partner)
                used.add(partner.i)
        group.sort(key=lambda t: t.i)
        groups.append(group)
    return groups


FORMERLY = {"formerly", "previously"}
RENAMING_VERBS = {"know", "call", "name"}


def _renamed(token: Token) -> Token | None:
    """The name a former name glosses: X in "X, formerly Twitter", "X (formerly
    Twitter)", "X, formerly known as Twitter", "the platform formerly called Twitter";
    None for a name that is no former one."""
    if token.dep_ == "appos" and any(c.lower_ in FORMERLY for c in token.children):
        return token.head
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif token.dep_ not in ("oprd", "attr", "dobj"):
        return None
    if lemma(verb) in RENAMING_VERBS and any(c.lower_ in FORMERLY for c in verb.children):
        return verb.head
    return None


def _capital_noun(token: Token) -> bool:
    """A name the tagger took for a common noun: a word in capitals ("X", "IBM") listed
    with names."""
    return token.pos_ == "NOUN" and token.text.rstrip(".").isupper() and token.text[:1].isalpha()


JOINT_WORDS = {"together", "jointly", "along"}
EU = "European Union"


def _joint_partners(head: Token, heads: dict[int, Token]) -> list[Token]:
    """Names that act with the subject of a joint verb: 'the EU co-hosted the summit
    together with the Gates Foundation', 'France co-chairs it with India', 'Chile,
    alongside Kenya, hosted it'. One list: who did it."""
    aside = _joint_aside(head, heads)
    if aside:
        return aside
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        # "Organised by the Netherlands together with Kenya", "co-organized by the
        # Netherlands with South Korea"; not "Co-hosted by A and B, with C as a key
        # partner": after "by", "with" joins the list only for a joint verb, and never
        # one called a partner.
        verb = head.head.head
        joint = verb.lower_.startswith("co-") and not _as_partner(verb)
    elif head.dep_ == "nsubj":
        verb = head.head
        joint = verb.lower_.startswith("co-")
    elif head.dep_ == "appos" and head.head.dep_ == "nsubj":
        # "The G-7 members Britain, Canada and Japan, together with the EU, issued ...":
        # the partner hangs on the noun the list renames.
        verb = head.head
        joint = False
    else:
        return []
    found: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        together = joint and prep.lower_ == "with"
        together = together or prep.lower_ == "alongside"
        together = together or (
            prep.lower_ == "with" and any(c.lower_ in JOINT_WORDS for c in prep.children)
        )
        if not together:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.i in heads:
                # "together with Israel, the USA and the EU": a list the parser makes an
                # apposition of its first name goes on all the same.
                listed = [obj, *(c for c in obj.children if c.dep_ == "appos" and c.i in heads)]
                found += [t for n in listed for t in (n, *n.conjuncts) if t.pos_ == "PROPN"]
    return list(dict.fromkeys(found))


def _as_partner(verb: Token) -> bool:
    """'co-hosted by A, with C as a key partner': the 'with' object is given a role."""
    for prep in verb.children:
        if prep.lower_ != "with":
            continue
        end = max(t.i for t in prep.subtree)
        after = verb.doc[end + 1] if end + 1 < len(verb.doc) else None
        if any(t.lower_ == "as" for t in prep.subtree) or (
            after is not None and after.lower_ == "as"
        ):
            return True
    return False


def _joint_aside(head: Token, heads: dict[int, Token]) -> list[Token]:
    """'the Netherlands, co-hosting with South Korea, convened ...': a joint participle
    set off by commas right after the name brings its partner into the list."""
    doc = head.doc
    end = _name_end(head)
    if end + 3 >= len(doc) or doc[end + 1].text != ",":
        return []
    verb, prep = doc[end + 2], doc[end + 3]
    if not verb.lower_.startswith("co-") or prep.lower_ not in ("with", "alongside"):
        return []
    found = [t for t in prep.children if t.dep_ == "pobj" and t.i in heads]
    return [*found, *(c for t in found for c in t.conjuncts if c.pos_ == "PROPN")]


def _cohost_named_before(head: Token) -> list[Token]:
    """'Kenya, as co-host with the African Union, was honoured': the name an aside of
    co-hosting follows is the partner of the one it names."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("with", "alongside"):
        return []
    noun = prep.head
    if not noun.lower_.startswith("co-") or noun.head.lower_ != "as":
        return []
    comma = noun.head.i - 1
    if comma < 1 or head.doc[comma].text != ",":
        return []
    name = head.doc[comma - 1]
    return [name] if name.pos_ == "PROPN" and name.ent_type_ in ("GPE", "ORG") else []


def _whole_name(conj: Token, used: set[int]) -> Token:
    """The head of the name a conjunct opens: in 'the EU and the Bill & Melinda Gates
    Foundation' the parser makes 'Bill' the conjunct, the name is the Foundation."""
    ent = _ent_at(conj)
    if ent is None or ent[-1].i == conj.i or ent[-1].pos_ != "PROPN":
        return conj
    used.update(t.i for t in ent)
    return ent[-1]


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the full name the document first gave ('Ramaphosa' -> 'Cyril
    Ramaphosa'): a person named again by surname is the same person (coreference)."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            found.setdefault(words[-1], ent.text)
    return found


def _acronyms(doc: Doc) -> dict[str, str]:
    """Initials -> the name the document spells out ('SA' -> South Africa when the text
    also names South Africa): a short form resolved within its own document."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        words = [w for w in ent.text.split() if w[:1].isupper()]
        if ent.label_ in ("GPE", "ORG", "NORP") and len(words) >= 2:
            found.setdefault("".join(w[0] for w in words).upper(), ent.text)
    return found


def _unknown_short_form(text: str) -> bool:
    """'SA': capitals our name lists do not know (unlike 'UK' or 'EU')."""
    return (
        text.isupper()
        and 2 <= len(text) <= 5
        and not names.is_country(text)
        and names.canonical_name(text) == text
    )


def _entity_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    full_names = _full_names(doc)
    acronyms = _acronyms(doc)
    for sent in doc.sents:
        for group in _entity_groups(sent):
            if len(group) == 1 and (_titled_by(group[0]) is not None or _titles_a_person(group[0])):
                continue  # "Lithuania's Minister of Justice, X": X is named; the country is X's
            root = group[0]
            group = [*_cohost_named_before(root), *group]
            members: list[str] = []
            roles: dict[str, str] = {}
            places = 0  # members the text tags as places that are no country
            for head in group:
                found = _member(head)
                holder = _holder_of(head)
                if found is not None and holder is not None:
                    found = (found[0], holder)
                if found is not None and head.ent_type_ == "PERSON" and found[0] in full_names:
                    found = (full_names[found[0]], found[1])
                short = found[0] if found is not None else ""
                if _unknown_short_form(short) and short in acronyms:
                    found = (names.canonical_name(acronyms[short]), found[1] if found else None)
                if found is not None and len(group) >= 3 and not found[1]:
                    # "Andora, the EU, Georgia, Iceland ...": a country misspelt in a list
                    # of countries is that country.
                    found = (names.misspelt_country(found[0]) or found[0], None)
                if found is None or found[0] in members:
                    continue
                members.append(found[0])
                if found[1]:
                    roles[found[0]] = found[1]
                elif head.ent_type_ in ("GPE", "LOC") and not names.is_country(found[0]):
                    places += 1
            if not members:
                continue
            # "Kenya, as co-host with the African Union": the span is the co-host named last
            first = _name_tokens(root)[0] if _name_tokens(root) else root
            # Partners named after a joint verb ("co-hosted it together with X") are
            # members, but the span stays before the verb: the value is who, not what.
            verb = group[0].head if group[0].dep_ == "nsubj" else None
            last = max(
                (_name_end(t) for t in group if verb is None or t.i < verb.i),
                default=group[-1].i,
            )
            # "the Netherlands, co-hosting with South Korea, convened ...": the participle
            # says what the list did; the name alone hangs on whatever the parser chose.
            aside = _joint_aside(group[0], {t.i: t for t in group})
            if aside:
                last = _name_end(group[0])
            span = doc[first.i : last + 1]
            context = _context(span, aside[0] if aside else root)
            # "Alberta hosting 2025 summit", "held in the Rocky Mountains": a province, a
            # town or a mountain range is where, not who (PLACES, not ENTITIES).
            context.label = "PLACES" if places == len(members) else "ENTITIES"
            partial = bool(set(context.before) & PARTIAL_MARKERS) or (
                context.head in PARTIAL_MARKERS
            )
            value = EntitiesValue(
                surface=span.text, members=sorted(members), roles=roles, complete=not partial
            )
            yield _mention(source, span, value, context)
