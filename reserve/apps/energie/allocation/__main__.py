"""`python -m reserve.apps.energie.allocation INSTANCE.json`: print the allocation as JSON."""

import sys

from .cli import main

sys.exit(main())
