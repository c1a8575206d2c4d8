"""`python -m reserve.teams.engine INSTANCE.json [--rank CHALLENGE_ID [--limit N]]`."""

import sys

from .cli import main

sys.exit(main())
