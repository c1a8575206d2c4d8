"""The platform with no citizen app installed: `test_plugins` proves that it still works."""

from reserve.settings import *  # noqa: F403
from reserve.settings import INSTALLED_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if not app.startswith("reserve.apps.")]
