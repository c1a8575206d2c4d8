"""Named write operations of LightsOff, by use case. Each checks its invariants, records an audit
entry and forgets the cached public data it changes. Callers use the names re-exported here."""

from .common import (
    CACHE_SCOPE,
    RateLimited,
    ServiceError,
    map_generation,
    public_data_changed,
)
from .contacts import (
    claim_shop,
    is_premium_rate,
    log_contact,
    release_expired_claims,
    restore_volunteer,
    revoke_volunteer,
)
from .ecowatt import (
    alert_volunteers,
    delete_ecowatt,
    fetch_ecowatt_from_rte,
    set_ecowatt,
    set_tense_day_alert,
)
from .follow_up import record_follow_up, send_follow_ups
from .moderation import moderate_report, report_abuse
from .purge import purge_personal_data
from .reports import add_shop, in_france, record_action, report_lit_shop, similar_shops
from .shopkeeper import answer_as_shopkeeper
from .verdicts import (
    delete_rule_data,
    ecowatt_on,
    estimate,
    forget_rule_data,
    parsed_hours,
    report_estimate,
    rule_data,
    save_rule_data,
    shop_verdict,
    verdict_for,
)

__all__ = [
    "CACHE_SCOPE",
    "RateLimited",
    "ServiceError",
    "add_shop",
    "alert_volunteers",
    "answer_as_shopkeeper",
    "claim_shop",
    "delete_ecowatt",
    "delete_rule_data",
    "ecowatt_on",
    "estimate",
    "fetch_ecowatt_from_rte",
    "forget_rule_data",
    "in_france",
    "is_premium_rate",
    "log_contact",
    "map_generation",
    "moderate_report",
    "parsed_hours",
    "public_data_changed",
    "purge_personal_data",
    "record_action",
    "record_follow_up",
    "release_expired_claims",
    "report_abuse",
    "report_estimate",
    "report_lit_shop",
    "restore_volunteer",
    "revoke_volunteer",
    "rule_data",
    "save_rule_data",
    "send_follow_ups",
    "set_ecowatt",
    "set_tense_day_alert",
    "shop_verdict",
    "similar_shops",
    "verdict_for",
]
