"""Rule files: the Pydantic schema, loading, and validation with every error at once.

A rule file is data. It names a topic and its slots; each slot says what kind
of value it takes, which words tie a value to it (`require`, `prefer`), which
words rule it out (`exclude`), how its values compare (`tolerance`,
`complete_lists`), and carries example sentences that the test suite runs.
An alias file (`aliases:`) holds event-specific knowledge: which derived
subject names mean the same programme, and alternative names for things.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from summit_facts import yaml_text
from summit_facts.errors import RuleError
from summit_facts.models import EventRole, Modality, Polarity, Precision, ValueKind

Scope = Literal[
    "sentence",
    "near",
    "before",
    "path",
    "noun",
    "head",
    "governor",
    "agent",
    "names",
    "label",
    "value",
    "event",
]
KeyPart = Literal[
    "name", "place", "purpose", "agent", "noun", "head", "instrument", "programme", "ordinal"
]
_WORD = re.compile(r"^(\$[a-z_][a-z0-9_]*|[^\s$][^$]*)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DayBounds(_Strict):
    """Lemmas of the verbs that say an event began (`start`) or ended (`end`) on a day."""

    start: list[str] = Field(default_factory=list)
    end: list[str] = Field(default_factory=list)


class Condition(_Strict):
    """Holds when any of `words` occurs in `scope` (lemmas, lower case; phrases allowed)."""

    scope: Scope = "sentence"
    words: list[str] = Field(min_length=1, description="Lemmas or phrases; `$name` = a term list.")
    window: int = Field(
        default=6,
        ge=1,
        le=50,
        description="Tokens either side, for `near`; the last tokens before, for `before`"
        " (it sees at most three); the first words of the value's path, for `path` (only"
        " when given).",
    )
    single_day: bool = Field(
        default=False,
        description="Holds only for a date of one day ('opened on 27 June', not '27-28 June').",
    )

    @field_validator("words")
    @classmethod
    def _words(cls, words: list[str]) -> list[str]:
        for word in words:
            if not word.strip() or not _WORD.match(word.strip()):
                raise ValueError(f"invalid word or term reference: {word!r}")
        return [w.strip().lower() if not w.startswith("$") else w.strip() for w in words]


class Example(_Strict):
    text: str
    value: str | None = Field(
        default=None, description="The value's surface text when the sentence has several."
    )
    published: str | None = Field(default=None, description="Anchor date, YYYY-MM-DD.")


class Examples(_Strict):
    match: list[Example] = Field(default_factory=list, description="Must be filed here.")
    no_match: list[Example] = Field(default_factory=list, description="Must not be filed here.")


class SlotRule(_Strict):
    kind: ValueKind
    description: str = ""
    labels: list[str] = Field(
        default_factory=list,
        description="For text/entities values: FAC, CITY, TITLE, ENTITIES (lists of"
        " countries, bodies and people), PLACES (lists only of places that are no country).",
    )
    precision: list[Precision] | None = Field(
        default=None, description="Date precisions accepted; all when unset."
    )
    require: list[Condition] = Field(default_factory=list, description="All must hold.")
    any_of: list[Condition] = Field(
        default_factory=list, description="At least one must hold (when any are given)."
    )
    either: list[list[Condition]] = Field(
        default_factory=list,
        description="At least one group must hold in full (when any are given): ways of"
        " saying the same thing ('hosted by X' or 'the host country X').",
    )
    prefer: list[Condition] = Field(
        default_factory=list, description="Each that holds adds one to the score."
    )
    exclude: list[Condition] = Field(default_factory=list, description="None may hold.")
    polarity: Polarity | None = None
    modality: list[Modality] | None = None
    roles: list[EventRole] | None = Field(
        default=None,
        description="Event roles taken (events stage): main, part, previous, next, other;"
        " all when unset.",
    )
    as_year: bool = Field(
        default=False, description="File dates as their year ('last November' -> 2023)."
    )
    city_named: bool = Field(
        default=False,
        description="Also take, with no word of the sentence tying it to the slot, a text"
        " named after the main event's city ('the Nairobi Declaration will prepare the"
        " ground' about a summit in Nairobi); the excludes still apply.",
    )
    day_bounds: DayBounds | None = Field(
        default=None,
        description="Governing verbs that make a single day the event's first or last day"
        " only ('opened on 10 November'): kept as a bound, compared with the other"
        " sources' first or last day (models.DateValue.bound).",
    )
    complete_from: int = Field(
        default=1,
        ge=1,
        description="Lists with fewer members are partial ('hosted by France' names one"
        " host of two without contradicting 'co-hosted by France and India').",
    )
    at_most: float | None = Field(
        default=None,
        description="A count whose lower bound is above this cannot be this slot's (heads of"
        " state: two for each of the 193 UN member states at most).",
    )
    priority: int = Field(default=0, description="Higher wins when two slots claim a value.")
    tolerance: float = Field(default=0.1, ge=0, le=1)
    complete_lists: bool = Field(
        default=True, description="Whether this slot's lists name every member."
    )
    key: list[KeyPart] | None = Field(
        default=None,
        description="Derive the slot name from the claim: first part found, e.g. [name, purpose].",
    )
    suffix: list[KeyPart | str] = Field(
        default_factory=list,
        description="Parts appended to a derived slot name: `noun`, `head`, or a literal.",
    )
    examples: Examples = Field(default_factory=Examples)


class SlotAlias(_Strict):
    """Event knowledge: derived names that all mean this slot."""

    names: list[str] = Field(min_length=1)


class RuleFile(_Strict):
    """One YAML file in rules/: a topic with slots, shared terms, or aliases."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    description: str = ""
    topic: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    terms: dict[str, list[str]] = Field(default_factory=dict)
    slots: dict[str, SlotRule] = Field(default_factory=dict)
    aliases: dict[str, dict[str, SlotAlias]] = Field(
        default_factory=dict, description="topic -> canonical slot -> derived names."
    )
    names: dict[str, list[str]] = Field(
        default_factory=dict, description="Canonical name -> other names for it."
    )
    metadata: dict[str, object] = Field(default_factory=dict)


class RuleSet(BaseModel):
    """All loaded rule files, resolved: term references expanded, aliases indexed."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    files: list[RuleFile]
    paths: dict[str, str]
    slot_aliases: dict[tuple[str, str], str]
    name_aliases: dict[str, str]
    digest: str

    _by_kind: dict[str, list[tuple[str, str, str, SlotRule]]] | None = PrivateAttr(default=None)

    def topics(self) -> list[RuleFile]:
        return [f for f in self.files if f.topic]

    def slots_for(self, kind: str) -> list[tuple[str, str, str, SlotRule]]:
        """(topic, file id, slot name, rule) of every slot taking values of `kind`."""
        if self._by_kind is None:
            index: dict[str, list[tuple[str, str, str, SlotRule]]] = {}
            for rule_file in self.topics():
                for name, rule in rule_file.slots.items():
                    entry = (rule_file.topic or "", rule_file.id, name, rule)
                    index.setdefault(rule.kind, []).append(entry)
            self._by_kind = index
        return self._by_kind.get(kind, [])

    def for_event(
        self, city: str | None, year: int | None, *, start: date | None = None
    ) -> RuleSet:
        """These rules with the alias files of the corpus's main event: an event file
        (rules/events/) applies only where its metadata's city and year are the main
        event's, and its days when both are known (two summits in one city in one year
        are two events), so one event's names never rename another's subjects."""
        chosen = [
            f
            for f in self.files
            if (meta := event_of(f)) and _same_event(meta, city, year) and _same_days(meta, start)
        ]
        if not chosen:
            return self
        slot_aliases = dict(self.slot_aliases)
        name_aliases = dict(self.name_aliases)
        for rule_file in chosen:
            _index_aliases(rule_file, slot_aliases, name_aliases)
        return self.model_copy(update={"slot_aliases": slot_aliases, "name_aliases": name_aliases})

    def slot_rule(self, topic: str, slot: str) -> SlotRule | None:
        for rule_file in self.files:
            if rule_file.topic == topic:
                if slot in rule_file.slots:
                    return rule_file.slots[slot]
                # "non_signers_mangrove_accord": the slot its suffix was added to
                suffixed = [
                    name
                    for name, rule in rule_file.slots.items()
                    if rule.suffix and slot.startswith(f"{name}_")
                ]
                if suffixed:
                    return rule_file.slots[max(suffixed, key=len)]
                for rule in rule_file.slots.values():
                    if rule.key:
                        return rule
        return None


RULES_PACKAGE = "rule_files"  # the top-level rules/ folder, shipped as summit_facts.rule_files


def default_rules_dir() -> Path:
    """$FACTS_RULES if set, else the rules shipped inside the installed package,
    else rules/ beside the package (a checkout, or an editable install)."""
    env = os.environ.get("FACTS_RULES")
    if env:
        return Path(env)
    from importlib import resources

    # summit_facts is a regular package on disk, so this is a real path.
    shipped = Path(str(resources.files("summit_facts") / RULES_PACKAGE))
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "rules"


def _line_of(text: str, path_in_file: Iterable[object]) -> int | None:
    """Best-effort line number of a key path in a YAML text."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    for part in path_in_file:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for key, val in node.value:
                if key.value == str(part):
                    nxt = val
                    break
            if nxt is None:
                return node.start_mark.line + 1
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node.start_mark.line + 1
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None


def _read(path: Path, problems: list[str], digest: Any) -> RuleFile | None:
    try:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}:1: cannot read: {exc}")
        return None
    try:
        data = yaml_text.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(f"{path}{where}: not valid YAML: {problem}")
        return None
    if not isinstance(data, dict):
        problems.append(f"{path}:1: a rule file must be a mapping")
        return None
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = [p for p in err["loc"]]
            line = _line_of(text, loc)
            where = ".".join(str(p) for p in loc) or "(top)"
            problems.append(f"{path}:{line or 1}: {where}: {err['msg']}")
        return None


def _check_refs(rule_file: RuleFile, path: Path, terms: dict[str, list[str]], problems: list[str]):
    for slot_name, slot in rule_file.slots.items():
        groups = [(g, getattr(slot, g)) for g in ("require", "any_of", "prefer", "exclude")]
        groups += [(f"either.{i}", conds) for i, conds in enumerate(slot.either)]
        for group, conds in groups:
            for n, cond in enumerate(conds):
                for word in cond.words:
                    if word.startswith("$") and word[1:] not in terms:
                        problems.append(
                            f"{path}: slots.{slot_name}.{group}.{n}: unknown term {word}"
                        )


def _rule_paths(directory: Path, problems: list[str]) -> list[Path]:
    """Every *.yaml / *.yml file below `directory`, sorted. A folder that cannot be
    listed (no permission, a path longer than the system allows) is a problem of its
    own, named once; the rest is still read."""

    def unlisted(error: OSError) -> None:
        where = str(error.filename or directory)
        if len(where) > 120:
            where = f"{where[:50]}...{where[-50:]}"
        problems.append(f"{where}: cannot list this folder: {error.strerror or error}")

    found = []
    for folder, _dirs, files in os.walk(directory, onerror=unlisted, followlinks=True):
        for name in files:
            path = Path(folder) / name
            if path.suffix in (".yaml", ".yml") and path.is_file():
                found.append(path)  # not a folder or a dangling link named *.yaml
    return sorted(found)


def load_rules(directory: Path | None = None) -> RuleSet:
    """Load and validate every *.yaml under `directory`; raise RuleError listing all problems."""
    directory = directory or default_rules_dir()
    if not directory.is_dir():
        raise RuleError(
            f"rules path is a file, not a folder: {directory}"
            if directory.exists()
            else f"rules folder not found: {directory}",
            hint="pass --rules DIR or set FACTS_RULES to a folder of rule files",
        )
    problems: list[str] = []
    files: list[RuleFile] = []
    paths: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in _rule_paths(directory, problems):
        rule_file = _read(path, problems, digest)
        if rule_file is None:
            continue
        if rule_file.id in paths:
            problems.append(f"{path}:1: id: duplicate rule id {rule_file.id!r} (also in "
                            f"{paths[rule_file.id]})")  # fmt: skip
            continue
        paths[rule_file.id] = str(path)
        files.append(rule_file)
    terms: dict[str, list[str]] = {}
    for rule_file in files:
        for name, words in rule_file.terms.items():
            terms.setdefault(name, [])
            terms[name] += [w.lower() for w in words]
    topics = {f.topic for f in files if f.topic}
    seen_topics: dict[str, str] = {}
    for rule_file in files:
        path = Path(paths[rule_file.id])
        _check_refs(rule_file, path, terms, problems)
        if rule_file.topic:
            if rule_file.topic in seen_topics:
                problems.append(f"{path}:1: topic: topic {rule_file.topic!r} is already "
                                f"defined in {seen_topics[rule_file.topic]}")  # fmt: skip
            seen_topics[rule_file.topic] = str(path)
            if not rule_file.slots:
                problems.append(f"{path}:1: slots: a topic needs at least one slot")
        for topic in rule_file.aliases:
            if topic not in topics:
                problems.append(f"{path}: aliases.{topic}: topic {topic!r} is not defined by "
                                "any rule file")  # fmt: skip
    if problems:
        raise RuleError(
            f"{len(problems)} problem(s) in the rule files under {directory}",
            hint="fix the listed lines; `facts rules schema` prints the format",
            problems=problems,
        )
    slot_aliases: dict[tuple[str, str], str] = {}
    name_aliases: dict[str, str] = {}
    for rule_file in files:
        if not event_of(rule_file):
            _index_aliases(rule_file, slot_aliases, name_aliases)
    if not any(f.topic for f in files):
        raise RuleError(
            f"no rule file with a topic in {directory}",
            hint="pass --rules a folder of rule files (rules/ in the checkout), or leave it out",
        )
    resolved = [_expand_terms(f, terms) for f in files]
    return RuleSet(
        files=resolved,
        paths=paths,
        slot_aliases=slot_aliases,
        name_aliases=name_aliases,
        digest=digest.hexdigest()[:16],
    )


def _same_event(meta: dict[str, object], city: str | None, year: int | None) -> bool:
    from summit_facts.names import canonical_name

    wanted_city = meta.get("city")
    if not wanted_city or not city or canonical_name(str(wanted_city)) != canonical_name(city):
        return False
    dates = str(meta.get("dates") or "")
    return not (year and dates[:4].isdigit() and int(dates[:4]) != year)


# How far the main event's first day may lie from an alias file's days and still be its
# event: a corpus may date its event a day or two off, never weeks.
SAME_EVENT_DAYS = 7


def _same_days(meta: dict[str, object], start: date | None) -> bool:
    """Whether the main event's first day falls on an alias file's days ("2025-02-10/
    2025-02-11"), give or take a few; true when either is unknown."""
    bounds = str(meta.get("dates") or "").split("/")
    try:
        first = date.fromisoformat(bounds[0])
        last = date.fromisoformat(bounds[-1])
    except ValueError:
        return True
    if start is None:
        return True
    slack = timedelta(days=SAME_EVENT_DAYS)
    return first - slack <= start <= last + slack


def event_of(rule_file: RuleFile) -> dict[str, object]:
    """The event an alias file is about (its `metadata`: event, city, dates), or {} for a
    file that holds for every event."""
    meta = rule_file.metadata
    return {k: meta[k] for k in ("event", "city", "dates") if k in meta}


def _index_aliases(
    rule_file: RuleFile, slot_aliases: dict[tuple[str, str], str], name_aliases: dict[str, str]
) -> None:
    for topic, slots in rule_file.aliases.items():
        for canonical, alias in slots.items():
            for name in alias.names:
                slot_aliases[(topic, slugify(name))] = canonical
            slot_aliases[(topic, canonical)] = canonical
    for canonical, others in rule_file.names.items():
        for other in [canonical, *others]:
            name_aliases[other.lower()] = canonical


def _expand_terms(rule_file: RuleFile, terms: dict[str, list[str]]) -> RuleFile:
    def expand(words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words:
            out.extend(terms[word[1:]] if word.startswith("$") else [word])
        return out

    copy = rule_file.model_copy(deep=True)
    for slot in copy.slots.values():
        conds = [*slot.require, *slot.any_of, *slot.prefer, *slot.exclude]
        for cond in [*conds, *(c for group in slot.either for c in group)]:
            cond.words = expand(cond.words)
    return copy


_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """A subject name's words as `[a-z0-9_]`: accents dropped, not the letters they
    mark ("Bürgenstock Communiqué" -> "burgenstock_communique")."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return _SLUG.sub("_", plain.lower()).strip("_")


def rules_schema() -> str:
    """The JSON Schema of a rule file, as committed in rules/schema.json."""
    schema = RuleFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "summit-facts rule file"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
