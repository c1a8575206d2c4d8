"""What the design system's tags compute, kept out of templates: the tone of a status and the
geometry of a bar chart."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tone:
    name: str
    icon: str


WAITING = Tone("warning", "hourglass")
ACTIVE = Tone("active", "circle-play")
SUCCESS = Tone("success", "circle-check")
REFUSED = Tone("danger", "circle-x")
INFO = Tone("info", "info")
NEUTRAL = Tone("neutral", "circle-dashed")
CLOSED = Tone("neutral", "archive")

# Every status value of the platform's lifecycles, by what it means for the person reading it.
# Values are plain words shared by several lifecycles ("pending" is an invitation, an application,
# an organisation); core names no domain app, and an unknown value reads as neutral.
STATUS_TONES = {
    # waiting for someone
    "pending": WAITING,
    "submitted": WAITING,
    "in_qualification": WAITING,
    "needs_information": WAITING,
    "queued": WAITING,
    "sending": WAITING,
    "waiting": WAITING,
    "offered": WAITING,
    "proposed": WAITING,
    "not_asked": NEUTRAL,
    "draft": NEUTRAL,
    # moving
    "qualified": INFO,
    "team_forming": ACTIVE,
    "in_sprint": ACTIVE,
    "impact_follow_up": ACTIVE,
    "reported": WAITING,
    "contacted": INFO,
    "answered": INFO,
    "diagnosed": INFO,
    "assigned": ACTIVE,
    "locked": ACTIVE,
    # done well
    "accepted": SUCCESS,
    "verified": SUCCESS,
    "confirmed": SUCCESS,
    "signed": SUCCESS,
    "delivered": SUCCESS,
    "sent": SUCCESS,
    "confirmed_off": SUCCESS,
    "visible": SUCCESS,
    "equipped": SUCCESS,
    "installed": SUCCESS,
    "followed": SUCCESS,
    # refused or failed
    "declined": REFUSED,
    "rejected": REFUSED,
    "refused": REFUSED,
    "failed": REFUSED,
    "still_lit": REFUSED,
    # over
    "expired": CLOSED,
    "withdrawn": CLOSED,
    "filled": CLOSED,
    "closed": CLOSED,
    "archived": CLOSED,
    "hidden": CLOSED,
    "listed": NEUTRAL,
    "not_applicable": NEUTRAL,
    "none": NEUTRAL,
}


def status_tone(value: str) -> Tone:
    return STATUS_TONES.get(value, NEUTRAL)


BAR_HEIGHT = 28
BAR_GAP = 10
LABEL_WIDTH = 180
CHART_WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: int
    text_y: int


def bar_chart_geometry(rows) -> dict:
    """rows: (label, value) pairs -> the bars' positions in a viewBox CHART_WIDTH wide."""
    rows = list(rows)
    largest = max((value for __, value in rows), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 60
    bars = [
        Bar(
            label=str(label),
            value=value,
            y=index * (BAR_HEIGHT + BAR_GAP),
            width=max(1, round(room * value / largest)) if value else 0,
            text_y=index * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT // 2 + 5,
        )
        for index, (label, value) in enumerate(rows)
    ]
    height = max(1, len(bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP)
    return {
        "items": bars,
        "width": CHART_WIDTH,
        "height": height,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
