"""The command line: `python -m reserve.apps.energie.allocation INSTANCE.json`."""

import argparse
import json
import sys

from . import InstanceError, allocate


def main(argv: list[str] | None = None) -> int:
    """Print the allocation of an instance file as JSON; exit 2 naming every bad field."""
    parser = argparse.ArgumentParser(
        prog="python -m reserve.apps.energie.allocation",
        description="Allocate equipment kits to households from an instance (JSON).",
    )
    parser.add_argument("instance", help="path to the instance file")
    args = parser.parse_args(argv)
    try:
        with open(args.instance, encoding="utf-8") as handle:
            data = json.load(handle)
        document = allocate(data)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"cannot read the instance: {exc}", file=sys.stderr)
        return 2
    except InstanceError as exc:
        for error in exc.errors:
            print(f"invalid instance: {error['field']}: {error['message_key']}", file=sys.stderr)
        return 2
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
