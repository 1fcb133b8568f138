#!/usr/bin/python3
"""Print one line per Maven module with the JUnit totals from its surefire reports.

Usage: junit-summary.py TARGET_FOLDER_NAME MODULE_DIR [MODULE_DIR ...]
Only reports written after the time in the environment variable JUNIT_SINCE (seconds since the
epoch), when set, are counted, so that reports of tests deleted since an earlier run are ignored.
"""

import os
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def main(argv):
    target, modules = argv[0], argv[1:]
    since = float(os.environ.get("JUNIT_SINCE", "0"))
    for module in modules:
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        reports = sorted((Path(module) / target / "surefire-reports").glob("TEST-*.xml"))
        reports = [r for r in reports if r.stat().st_mtime >= since]
        for report in reports:
            suite = ElementTree.parse(report).getroot()
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        print(f"  {module}: {totals['tests']} tests in {len(reports)} classes, "
              f"{totals['failures']} failures, {totals['errors']} errors, {totals['skipped']} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
