#!/usr/bin/python3
"""Check that notebooks are committed clean; with --fix, clean them in place.

Clean means: valid nbformat 4; no outputs; no execution counts; no volatile cell metadata
(``execution`` timings, ``ExecuteTime``, ``collapsed``, ``scrolled``); no saved widget state in
the notebook metadata. Everything else (sources, tags, the kernelspec, cell ids) is kept.

Usage:
    /usr/bin/python3 environment/jupyter/check_clean.py [--fix] [NOTEBOOK ...]

Without NOTEBOOK arguments every ``notebooks/*.ipynb`` of the repository is checked.
Exit status: 0 when all are clean (or were cleaned), 1 when one is not, 2 when one is invalid.
"""

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")
VOLATILE_NOTEBOOK_METADATA = ("widgets",)


def problems(nb):
    """What makes a notebook unclean, as sentences naming the cell (1-based)."""
    found = []
    for index, cell in enumerate(nb.get("cells", []), start=1):
        where = f"cell {index}"
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                found.append(f"{where} has {len(cell['outputs'])} output(s)")
            if cell.get("execution_count") is not None:
                found.append(f"{where} has execution count {cell['execution_count']}")
        for key in VOLATILE_CELL_METADATA:
            if key in cell.get("metadata", {}):
                found.append(f"{where} has volatile metadata '{key}'")
    for key in VOLATILE_NOTEBOOK_METADATA:
        if key in nb.get("metadata", {}):
            found.append(f"notebook metadata has volatile '{key}'")
    return found


def strip(nb):
    """Remove outputs, execution counts and volatile metadata, in place."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in VOLATILE_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
    for key in VOLATILE_NOTEBOOK_METADATA:
        nb.get("metadata", {}).pop(key, None)


def check(path, fix):
    """Return 0 if clean (or fixed), 1 if unclean, 2 if invalid; print what was found."""
    import nbformat

    try:
        nb = nbformat.read(str(path), as_version=nbformat.NO_CONVERT)
    except (OSError, json.JSONDecodeError, nbformat.reader.NotJSONError) as error:
        print(f"{path}: cannot be read as a notebook: {error}", file=sys.stderr)
        return 2
    if nb.get("nbformat") != 4:
        print(f"{path}: nbformat {nb.get('nbformat')} (expected 4)", file=sys.stderr)
        return 2
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as error:
        print(f"{path}: not valid nbformat 4: {error.message}", file=sys.stderr)
        return 2
    found = problems(nb)
    if not found:
        return 0
    if fix:
        strip(nb)
        nbformat.write(nb, str(path))
        print(f"{path}: cleaned ({len(found)} problem(s))")
        return 0
    print(f"{path}: not clean:", file=sys.stderr)
    for problem in found:
        print(f"    {problem}", file=sys.stderr)
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, metavar="NOTEBOOK",
                        help="notebooks to check (default: the repository's notebooks/*.ipynb)")
    parser.add_argument("--fix", action="store_true", help="strip outputs and volatile metadata in place")
    args = parser.parse_args(argv)
    notebooks = args.notebooks or sorted((REPO / "notebooks").glob("*.ipynb"))
    if not notebooks:
        print("no notebooks to check")
        return 0
    status = max(check(path, args.fix) for path in notebooks)
    if status == 0:
        verb = "clean (after --fix)" if args.fix else "clean"
        print(f"{len(notebooks)} notebook(s) {verb}")
    elif status == 1:
        print("strip them with `make clean-notebooks` "
              "(or: /usr/bin/python3 environment/jupyter/check_clean.py --fix)", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
