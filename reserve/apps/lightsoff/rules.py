"""Is this light, seen lit at this moment, against the night-lighting rules?

Pure module (no Django import): plain data in, an explainable `Verdict` out. The rules live in
`rules_data`; the explanation is a list of messages (a key and its parameters: times as "HH:MM",
dates as ISO text) that the Django layer (`explain.py`) words in the reader's language.
All instants are computed in UTC so that "1 h after" and the length of a night stay right across
daylight-saving changes; wall-clock times are Europe/Paris.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import NamedTuple
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, ParserError, State

from . import rules_data as data

PARIS = ZoneInfo(data.TIMEZONE)
NOON = time(12)
_INSEE = re.compile(r"\d[\dAB]\d{3}")
_PARSER_POSITION = re.compile(r"--> *\d+:(\d+)")


class Msg(NamedTuple):
    """One sentence to say: a message key and its parameters (JSON-ready)."""

    key: str
    params: dict = {}


class InvalidInput(ValueError):
    """A value the verdict cannot use: `field` names the parameter, `msg` says what is wrong."""

    def __init__(self, field: str, key: str, **params) -> None:
        super().__init__(key)
        self.field = field
        self.msg = Msg(key, params)


class InvalidInputs(InvalidInput):
    """Several values the verdict cannot use: `errors` has one `InvalidInput` per field; `field`
    and `msg` are the first one's."""

    def __init__(self, errors: list[InvalidInput]) -> None:
        super().__init__(errors[0].field, errors[0].msg.key, **errors[0].msg.params)
        self.errors = errors


def checked(**checks: Callable[[], object]) -> dict[str, object]:
    """Run every check (name → function returning the checked value) and return their values.
    One failed check raises its own `InvalidInput`; several raise `InvalidInputs`, naming all."""
    values, errors = {}, []
    for name, check in checks.items():
        try:
            values[name] = check()
        except InvalidInputs as error:
            errors.extend(error.errors)
        except InvalidInput as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InvalidInputs(errors)
    return values


class InvalidOpeningHours(InvalidInput):
    """Opening hours that are not in OSM `opening_hours` syntax; `detail` is the parser's report."""

    def __init__(self, key: str, detail: str = "", **params) -> None:
        super().__init__("opening_hours", key, **params)
        self.detail = detail


@dataclass(frozen=True)
class RuleRef:
    """The text applied (`reference`, its official title; "" when none is known) and its gist."""

    reference: str
    summary: Msg


@dataclass(frozen=True)
class Verdict:
    """The answer for one light at one moment, with the rule and the night's forbidden window.

    `status` is one of `rules_data.STATUSES`: violation, allowed or uncertain.
    `window_start`/`window_end` (Europe/Paris) bound what is certainly forbidden during the night
    containing the moment (a moment before noon belongs to the night that began the evening
    before); both are None when nothing is forbidden that night.
    """

    status: str
    rule: RuleRef
    lines: tuple[Msg, ...]
    element: str
    night_of: date
    window_start: datetime | None
    window_end: datetime | None
    # The opening hours the verdict used, in OSM syntax; None when unknown.
    hours: str | None

    @property
    def hours_known(self) -> bool:
        return self.hours is not None

    @property
    def forbidden_from(self) -> time | None:
        return None if self.window_start is None else self.window_start.time()

    @property
    def forbidden_until(self) -> time | None:
        return None if self.window_end is None else self.window_end.time()

    @property
    def forbidden_hours(self) -> float:
        """Real length of the window in hours (5 on the night clocks go forward, not 6)."""
        if self.window_start is None or self.window_end is None:
            return 0.0
        length = self.window_end.astimezone(UTC) - self.window_start.astimezone(UTC)
        return length / timedelta(hours=1)

    def as_data(self) -> dict[str, object]:
        """Everything a reader needs to word the verdict later, as JSON-ready values."""
        return {
            "verdict": self.status,
            "forbidden_from": _hhmm(self.forbidden_from),
            "forbidden_until": _hhmm(self.forbidden_until),
            "forbidden_hours": self.forbidden_hours,
            "night_of": self.night_of.isoformat(),
            "hours": self.hours,
            "rule": {"reference": self.rule.reference, "summary": list(self.rule.summary)},
            "lines": [list(line) for line in self.lines],
        }


def verdict(
    element: str,
    at: datetime | str,
    *,
    opening_hours: str | OpeningHours | None = None,
    commune: str | None = None,
    local_rules: Iterable[data.LocalRule] = (),
    derogations: Iterable[data.Derogation] = (),
    ecowatt: int | None = None,
    digital: bool = False,
    placement: str = "street",
) -> Verdict:
    """Decide whether `element` lit at `at` breaks the night-lighting rules.

    - element: one of `rules_data.ELEMENTS` (vitrine, interieur, enseigne, publicite).
    - at: the moment the light was seen; naive or ISO 8601 without offset means Paris time.
    - opening_hours: OSM `opening_hours` text or an already parsed `OpeningHours`; None or ""
      when unknown (the national rule is then applied under a stated assumption).
    - commune: INSEE code; local rules and derogations only apply when it matches theirs.
    - local_rules, derogations: the stricter local hours and the derogations entered by staff.
    - ecowatt: the EcoWatt signal in force at `at` (hourly value if known, else the day's):
      3 is red. Only advertising depends on it.
    - digital, placement: for advertising, whether it is a screen and where it stands
      (`rules_data.AD_PLACEMENTS`).

    Raises `InvalidInput` (with `.field`) for a value it cannot use, `InvalidOpeningHours`
    for opening hours it cannot parse, `InvalidInputs` (with `.errors`) when several are wrong.
    """
    case = _Case(
        **checked(
            element=lambda: check_element(element),
            moment=lambda: paris_time(at),
            hours=lambda: parse_opening_hours(opening_hours),
            commune=lambda: check_commune(commune),
            ecowatt=lambda: _ecowatt(ecowatt),
            placement=lambda: _choice("placement", placement, data.AD_PLACEMENTS),
        ),
        local_rules=tuple(local_rules),
        derogations=tuple(derogations),
        digital=digital,
    )
    night = _night_verdict(case)
    ecowatt_rule = _ecowatt_rule(case)
    return night if ecowatt_rule is None else _with_ecowatt(case, night, ecowatt_rule)


def parse_opening_hours(value: str | OpeningHours | None) -> OpeningHours | None:
    """Parse OSM `opening_hours` text (Paris time, French public holidays); None when empty."""
    if value is None or isinstance(value, OpeningHours):
        return value
    if not isinstance(value, str):
        raise InvalidOpeningHours("error.opening_hours.type")
    text = value.strip()
    if len(text) > data.OPENING_HOURS_MAX_LENGTH:
        raise InvalidOpeningHours(
            "error.opening_hours.length", length=len(text), max=data.OPENING_HOURS_MAX_LENGTH
        )
    if not text:
        return None
    try:
        return OpeningHours(text, timezone=PARIS, country=data.COUNTRY)
    except (ParserError, SyntaxError, ValueError) as error:
        raise _invalid_opening_hours(text, str(error)) from error


def paris_time(at: datetime | str) -> datetime:
    """`at` as an aware Europe/Paris datetime; naive values are Paris wall-clock time."""
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at.strip())
        except ValueError as error:
            raise InvalidInput("at", "error.at") from error
    if not isinstance(at, datetime):
        raise InvalidInput("at", "error.at")
    return at.replace(tzinfo=PARIS) if at.tzinfo is None else at.astimezone(PARIS)


def night_of(moment: datetime) -> date:
    """The evening date of the night containing `moment` (Paris time; before noon: the eve)."""
    local = paris_time(moment)
    return local.date() if local.time() >= NOON else local.date() - timedelta(days=1)


# --- input checks ---------------------------------------------------------------------------


def _choice(field: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise InvalidInput(field, "error.choice", value=str(value), choices=", ".join(choices))
    return value


def check_element(element: str) -> str:
    return _choice("element", element, data.ELEMENTS)


def check_commune(commune: str | None) -> str | None:
    if commune is not None and not _INSEE.fullmatch(commune):
        raise InvalidInput("commune", "error.commune")
    return commune


def _ecowatt(signal: int | None) -> int | None:
    if signal is not None and (isinstance(signal, bool) or signal not in data.ECOWATT_VALUES):
        raise InvalidInput("ecowatt", "error.ecowatt")
    return signal


def _invalid_opening_hours(text: str, detail: str) -> InvalidOpeningHours:
    position = _PARSER_POSITION.search(detail)
    column = position.group(1) if position else "?"
    return InvalidOpeningHours("error.opening_hours", detail, value=text, column=column)


# --- time spans -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """[start, end) between two UTC instants."""

    start: datetime
    end: datetime

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end

    def overlap(self, other: "_Span") -> timedelta:
        return max(timedelta(0), min(self.end, other.end) - max(self.start, other.start))

    def widened(self, margin: timedelta) -> "_Span":
        return _Span(self.start - margin, self.end + margin)


def _subtract(span: _Span, holes: Iterable[_Span]) -> list[_Span]:
    pieces, cursor = [], span.start
    for hole in sorted(holes, key=lambda h: h.start):
        if hole.start > cursor:
            pieces.append(_Span(cursor, min(hole.start, span.end)))
        cursor = max(cursor, hole.end)
        if cursor >= span.end:
            break
    if cursor < span.end:
        pieces.append(_Span(cursor, span.end))
    return [p for p in pieces if p.start < p.end]


def _utc(day: date, wall: time) -> datetime:
    # A wall time skipped by the spring change is read with the winter offset (fold=0).
    return datetime.combine(day, wall, tzinfo=PARIS).astimezone(UTC)


def _to_utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=PARIS)).astimezone(UTC)


@dataclass(frozen=True)
class _Night:
    evening: date

    def at(self, wall: time) -> datetime:
        """UTC instant of a wall-clock time of this night (after noon: the evening)."""
        day = self.evening if wall >= NOON else self.evening + timedelta(days=1)
        return _utc(day, wall)

    @cached_property
    def span(self) -> _Span:
        return _Span(self.at(NOON), _utc(self.evening + timedelta(days=1), NOON))

    @cached_property
    def reach(self) -> _Span:
        """The night widened enough to see activity whose margin reaches into it."""
        return self.span.widened(2 * data.HOUR)

    @cached_property
    def core(self) -> _Span:
        return _Span(self.at(data.NIGHT_CORE[0]), self.at(data.NIGHT_CORE[1]))


# --- activity from opening hours -------------------------------------------------------------


@dataclass(frozen=True)
class _Activity:
    sure: tuple[_Span, ...]
    maybe: tuple[_Span, ...]


def _activity(hours: OpeningHours | None, night: _Night) -> _Activity:
    reach = night.reach
    if hours is None:
        before = _Span(reach.start, night.at(data.ASSUMED_ACTIVITY_END))
        after = _Span(night.at(data.ASSUMED_ACTIVITY_START), reach.end)
        return _Activity(sure=(), maybe=(before, after))
    sure, maybe = [], []
    for start, end, state, _comment in hours.intervals(
        reach.start.astimezone(PARIS), reach.end.astimezone(PARIS)
    ):
        span = _Span(_to_utc(start), _to_utc(end))
        if state == State.OPEN:
            sure.append(span)
        elif state == State.UNKNOWN:
            maybe.append(span)
    return _Activity(sure=tuple(sure), maybe=tuple(maybe))


def _night_piece(pieces: list[_Span], night: _Night, instant: datetime) -> _Span | None:
    candidates = [p for p in pieces if p.overlap(night.core)]
    for piece in candidates:
        if piece.contains(instant):
            return piece
    return max(candidates, key=lambda p: p.overlap(night.core), default=None)


def _forbidden(
    rule_span: _Span, holes: Iterable[_Span], margin: timedelta | None, night: _Night, at: datetime
) -> _Span | None:
    widened = [] if margin is None else [h.widened(margin) for h in holes]
    return _night_piece(_subtract(rule_span, widened), night, at)


# --- the decision --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    element: str
    moment: datetime
    hours: OpeningHours | None
    commune: str | None
    local_rules: tuple[data.LocalRule, ...]
    derogations: tuple[data.Derogation, ...]
    ecowatt: int | None
    digital: bool
    placement: str

    @cached_property
    def night(self) -> _Night:
        return _Night(night_of(self.moment))

    @cached_property
    def instant(self) -> datetime:
        return self.moment.astimezone(UTC)

    @property
    def day(self) -> date:
        return self.moment.date()

    @property
    def national_applies(self) -> bool:
        # Advertising inside premises is outside the national rule (L581-2), not local ones.
        return not (self.element == "publicite" and self.placement == "inside_premises")

    def headline(self, status: str) -> Msg:
        return Msg(f"headline.{status}.{self.element}", {"at": _hhmm(self.moment.time())})

    def make(self, status: str, rule: RuleRef, window: _Span | None, lines: list[Msg]) -> Verdict:
        if window is not None or status == "allowed":
            lines = [*lines, *_window_lines(self.night.evening, window)]
        return Verdict(
            status=status,
            rule=rule,
            lines=(self.headline(status), *lines),
            element=self.element,
            night_of=self.night.evening,
            window_start=None if window is None else window.start.astimezone(PARIS),
            window_end=None if window is None else window.end.astimezone(PARIS),
            hours=None if self.hours is None else str(self.hours),
        )


def _night_verdict(case: _Case) -> Verdict:
    national = data.national_rule(case.element, case.day)
    if national is None:
        rule = RuleRef("", Msg("no_rule"))
        return case.make("uncertain", rule, None, [Msg("no_rule")])
    exemption = _placement_verdict(case, national)
    if exemption is not None:
        return exemption
    derogation = _derogation(case)
    if derogation is not None:
        summary = Msg("derogation.summary", {"reason": derogation.reason})
        line = Msg("derogation", {"reason": derogation.reason, "reference": derogation.reference})
        return case.make("allowed", RuleRef(derogation.reference, summary), None, [line])
    return _rule_verdict(case, national, _local_rules(case))


def _placement_verdict(case: _Case, national: data.NationalRule) -> Verdict | None:
    if case.element != "publicite":
        return None
    rule = RuleRef(national.reference, Msg(national.summary))
    if case.placement == "airport":
        return case.make("allowed", rule, None, [Msg("ad.airport")])
    if case.placement == "transit_furniture":
        return case.make("uncertain", rule, None, [Msg("ad.transit")])
    if case.placement == "inside_premises" and not _local_rules(case):
        return case.make("allowed", rule, None, [Msg("ad.inside")])
    return None


def _derogation(case: _Case) -> data.Derogation | None:
    evening = case.night.evening
    matches = (
        d
        for d in case.derogations
        if d.insee == case.commune and case.element in d.elements and d.in_force(evening)
    )
    return next(matches, None)


def _local_rules(case: _Case) -> list[data.LocalRule]:
    return [
        r
        for r in case.local_rules
        if r.insee == case.commune and r.element == case.element and r.in_force(case.day)
    ]


def _rule_span(case: _Case, national: data.NationalRule, local: list[data.LocalRule]) -> _Span:
    night = case.night
    spans = [_Span(night.at(r.off_from), night.at(r.on_until)) for r in local]
    if case.national_applies:
        start = night.span.start if national.off_at is None else night.at(national.off_at)
        spans.append(_Span(start, night.at(national.on_at)))
    # Each span overlaps 1:00-6:00 (LocalRule checks it), so their hull is their union.
    return _Span(min(s.start for s in spans), max(s.end for s in spans))


def _rule_verdict(case: _Case, national: data.NationalRule, local: list[data.LocalRule]) -> Verdict:
    night, margin = case.night, national.activity_margin
    activity = _activity(case.hours, night)
    rule_span = _rule_span(case, national, local)
    sure = _forbidden(rule_span, activity.sure + activity.maybe, margin, night, case.instant)
    maybe = _forbidden(rule_span, activity.sure, margin, night, case.instant)
    doubt_until = national.occupation_doubt_until
    doubt_instant = None if doubt_until is None else night.at(doubt_until)
    status, doubt = _status(case, sure, maybe, doubt_instant)
    lines = [doubt] if doubt else []
    if case.national_applies:
        lines.append(Msg(national.summary))
    lines += [_local_line(r) for r in local]
    lines += _hours_lines(case, activity, sure)
    if status == "violation" and doubt_until is not None:
        lines.append(Msg("interior.caveat"))
    return case.make(status, _rule_ref(national, local, night), sure, lines)


def _status(
    case: _Case, sure: _Span | None, maybe: _Span | None, doubt_until: datetime | None
) -> tuple[str, Msg | None]:
    instant = case.instant
    if sure is not None and sure.contains(instant):
        if doubt_until is not None and instant < doubt_until:
            return "uncertain", Msg("doubt.occupation", {"until": _hhmm(_wall(doubt_until))})
        return "violation", None
    if maybe is not None and maybe.contains(instant):
        key = "doubt.unknown_state" if case.hours is not None else "doubt.unknown_hours"
        return "uncertain", Msg(key)
    return "allowed", None


def _rule_ref(national: data.NationalRule, local: list[data.LocalRule], night: _Night) -> RuleRef:
    if not local:
        return RuleRef(national.reference, Msg(national.summary))
    start = min(local, key=lambda r: night.at(r.off_from)).off_from
    end = max(local, key=lambda r: night.at(r.on_until)).on_until
    summary = Msg("local.summary", {"start": _hhmm(start), "end": _hhmm(end)})
    return RuleRef(" ; ".join(r.source for r in local), summary)


def _local_line(rule: data.LocalRule) -> Msg:
    params = {"start": _hhmm(rule.off_from), "end": _hhmm(rule.on_until), "source": rule.source}
    return Msg("local", params)


def _hours_lines(case: _Case, activity: _Activity, window: _Span | None) -> list[Msg]:
    if case.hours is None:
        return [Msg("hours.unknown")]
    lines = [Msg("hours.known", {"hours": str(case.hours)})]
    if any(span.contains(case.instant) for span in activity.sure):
        lines.append(Msg("hours.open_now"))
    elif window is not None:
        lines.append(_activity_line(activity, window))
    return lines


def _activity_line(activity: _Activity, window: _Span) -> Msg:
    end = max((s.end for s in activity.sure if s.end <= window.start), default=None)
    start = min((s.start for s in activity.sure if s.start >= window.end), default=None)
    keys = {(True, True): "both", (False, True): "no_end", (True, False): "no_start"}
    key = keys.get((end is not None, start is not None), "none")
    words = {"end": end and _hhmm(_wall(end)), "start": start and _hhmm(_wall(start))}
    return Msg(f"activity.{key}", words)


def _ecowatt_rule(case: _Case) -> data.EcoWattRule | None:
    if case.element != "publicite" or case.ecowatt != data.ECOWATT_RED:
        return None
    return data.ecowatt_rule(case.day, case.digital)


def _with_ecowatt(case: _Case, night: Verdict, rule: data.EcoWattRule) -> Verdict:
    lines = [case.headline("violation"), Msg("ecowatt"), Msg(rule.summary)]
    if night.window_start is not None and night.window_end is not None:
        window = _Span(_to_utc(night.window_start), _to_utc(night.window_end))
        lines += _window_lines(night.night_of, window)
    rule_ref = RuleRef(rule.reference, Msg(rule.summary))
    return replace(night, status="violation", rule=rule_ref, lines=tuple(lines))


# --- messages' parameters ------------------------------------------------------------------------


def _wall(instant: datetime) -> time:
    return instant.astimezone(PARIS).time()


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M")


def _window_lines(evening: date, window: _Span | None) -> list[Msg]:
    night = evening.isoformat()
    if window is None:
        return [Msg("window.none", {"night": night})]
    start, end = window.start.astimezone(PARIS), window.end.astimezone(PARIS)
    lines = [
        Msg("window", {"night": night, "start": _hhmm(start.time()), "end": _hhmm(end.time())})
    ]
    real = (window.end - window.start) / data.HOUR
    wall = (end.replace(tzinfo=None) - start.replace(tzinfo=None)) / data.HOUR
    if real != wall:
        lines.append(Msg("window.dst", {"real": real, "wall": wall}))
    return lines
