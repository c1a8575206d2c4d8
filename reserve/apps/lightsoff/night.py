"""Is it night where the reader stands? Sunrise and sunset, and the street pages' theme.

The sun's times follow the sunrise equation (NOAA's simplified form, within a minute or two in
France), pure and without a dependency. The street pages are dark from sunset to sunrise unless
the reader chose a theme, with the site's switch or the street pages' one (the same choice,
reserve/core/theme.py).
"""

import math
from datetime import UTC, date, datetime

from reserve.core import theme as site_theme

PARIS = (48.8566, 2.3522)

_J2000 = 2451545.0
_UNIX_EPOCH_JD = 2440587.5
_SUN_ALTITUDE = -0.833  # the upper limb on the horizon, refraction included
_OBLIQUITY = 23.4397


def _julian_to_utc(julian: float) -> datetime:
    return datetime.fromtimestamp((julian - _UNIX_EPOCH_JD) * 86400, tz=UTC)


def sun_times(day: date, lat: float, lon: float) -> tuple[datetime, datetime] | None:
    """(sunrise, sunset) in UTC on `day` at (lat, lon); None when the sun neither rises nor sets.

    Beyond the polar circles: `None` is returned for both polar day and polar night, which
    `is_night` tells apart by the sun's declination.
    """
    transit, hour_angle, _declination = _solar_noon(day, lat, lon)
    if hour_angle is None:
        return None
    return _julian_to_utc(transit - hour_angle / 360), _julian_to_utc(transit + hour_angle / 360)


def _solar_noon(day: date, lat: float, lon: float):
    days = datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp() / 86400
    n = round(days + _UNIX_EPOCH_JD - _J2000)
    mean_noon = n - lon / 360
    anomaly = math.radians((357.5291 + 0.98560028 * mean_noon) % 360)
    centre = 1.9148 * math.sin(anomaly) + 0.02 * math.sin(2 * anomaly)
    centre += 0.0003 * math.sin(3 * anomaly)
    ecliptic = math.radians((math.degrees(anomaly) + centre + 180 + 102.9372) % 360)
    transit = _J2000 + mean_noon + 0.0053 * math.sin(anomaly) - 0.0069 * math.sin(2 * ecliptic)
    declination = math.asin(math.sin(ecliptic) * math.sin(math.radians(_OBLIQUITY)))
    phi = math.radians(lat)
    cos_angle = (math.sin(math.radians(_SUN_ALTITUDE)) - math.sin(phi) * math.sin(declination)) / (
        math.cos(phi) * math.cos(declination)
    )
    if not -1 <= cos_angle <= 1:
        return transit, None, declination
    return transit, math.degrees(math.acos(cos_angle)), declination


def is_night(moment: datetime, lat: float, lon: float) -> bool:
    """True between sunset and sunrise at (lat, lon); `moment` is an aware date-time."""
    moment = moment.astimezone(UTC)
    _transit, hour_angle, declination = _solar_noon(moment.date(), lat, lon)
    if hour_angle is None:
        return (declination > 0) != (lat > 0)  # polar night when the sun is on the other side
    sunrise, sunset = sun_times(moment.date(), lat, lon)
    return not sunrise <= moment < sunset


def theme(request, moment: datetime, lat: float | None = None, lon: float | None = None) -> str:
    """ "dark" or "light": the reader's choice if made, else dark at night (Paris by default)."""
    chosen = site_theme.chosen(request)
    if chosen:
        return chosen
    if lat is None or lon is None:
        lat, lon = PARIS
    return "dark" if is_night(moment, lat, lon) else "light"
