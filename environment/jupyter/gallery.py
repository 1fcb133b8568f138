#!/usr/bin/python3
"""Write figures/README.md, the gallery of every figure the notebooks saved.

Reads ``figures/<notebook>/manifest.json`` (written by the figure helper in the kernel) and
``figures/<notebook>/checks.csv``, and writes, per notebook: the scale it was generated at, its
seeds and parameters, every figure (image, caption, the paper figure it reproduces, links to the
SVG and the CSV) and a table of its checks. The page is deterministic: notebooks and figures keep a
fixed order and nothing depends on the date or the machine, so regenerating unchanged figures
leaves the page unchanged.

Each listed file is also compared with the SHA-256 in the manifest; a mismatch or a missing file is
reported on stderr (and with --strict makes the exit status 1).

Usage:
    /usr/bin/python3 environment/jupyter/gallery.py [--figures-dir DIR] [--strict]
"""

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECK_COLUMNS = ["check", "measured", "expected", "tolerance", "passed"]


def cell(text):
    """Text made safe for a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def number(text):
    try:
        value = float(text)
    except ValueError:
        return text
    if value != value or value in (float("inf"), float("-inf")):
        return text
    return f"{value:.6g}"


def inline(value):
    """A seed or parameter value as it reads in prose: numbers and strings bare, the rest as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def key_values(mapping):
    return ", ".join(f"`{key}={inline(mapping[key])}`" for key in sorted(mapping))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_checks(path, warnings):
    if not path.is_file():
        return None
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    if rows and list(rows[0].keys()) != CHECK_COLUMNS:
        warnings.append(f"{path}: columns {list(rows[0].keys())}, expected {CHECK_COLUMNS}")
    return rows


def notebook_section(folder, manifest, warnings):
    name = manifest.get("notebook") or folder.name
    lines = [f"## {name}", ""]
    notebook = REPO / "notebooks" / f"{name}.ipynb"
    facts = f"Scale: `{manifest.get('scale', 'unknown')}`."
    if notebook.is_file():
        facts += f" Notebook: [`notebooks/{name}.ipynb`](../notebooks/{name}.ipynb)."
    lines += [facts, ""]
    if manifest.get("seeds"):
        lines += [f"Seeds: {key_values(manifest['seeds'])}.", ""]
    if manifest.get("parameters"):
        lines += [f"Parameters: {key_values(manifest['parameters'])}.", ""]

    for figure in manifest.get("figures", []):
        lines += figure_section(folder, figure, warnings)

    checks = read_checks(folder / "checks.csv", warnings)
    if checks is not None:
        lines += checks_table(checks)
    return lines


def figure_section(folder, figure, warnings):
    name = figure.get("name", "figure")
    files = figure.get("files", {})
    for file_name in sorted(files):
        path = folder / file_name
        if not path.is_file():
            warnings.append(f"{path}: listed in the manifest but missing")
        elif sha256(path) != files[file_name]:
            warnings.append(f"{path}: SHA-256 differs from the manifest")
    present = {file_name for file_name in files if (folder / file_name).is_file()}

    def link(suffix):
        return next((f for f in sorted(present) if f.endswith(suffix)), None)

    caption = figure.get("caption", "").strip()
    lines = [f"### {name}", ""]
    png = link(".png")
    if png:
        alt = caption.replace("[", "(").replace("]", ")").replace("\n", " ") or name
        lines += [f"![{alt}]({folder.name}/{png})", ""]
    if caption:
        lines += [caption, ""]
    facts = []
    # The figure helper writes an em dash for a figure that reproduces none of the paper's.
    if figure.get("paperFigure", "").strip() not in ("", "\u2014", "-"):
        facts.append(f"Reproduces: {figure['paperFigure']}.")
    downloads = [f"[{suffix.upper()}]({folder.name}/{file_name})"
                 for suffix in ("svg", "csv") for file_name in [link("." + suffix)] if file_name]
    if downloads:
        facts.append("Files: " + " · ".join(downloads) + ".")
    if facts:
        lines += [" ".join(facts), ""]
    return lines


def checks_table(rows):
    if not rows:
        return ["No checks recorded.", ""]
    lines = ["### Checks", "",
             "| check | measured | expected | tolerance | result |",
             "|---|---:|---:|---:|---|"]
    passed = 0
    for row in rows:
        ok = str(row.get("passed", "")).strip().lower() == "true"
        passed += ok
        lines.append("| " + " | ".join([
            cell(row.get("check", "")),
            cell(number(row.get("measured", ""))),
            cell(number(row.get("expected", ""))),
            cell(number(row.get("tolerance", ""))),
            "pass" if ok else "**FAIL**",
        ]) + " |")
    lines += ["", f"{passed} of {len(rows)} checks passed.", ""]
    return lines


def render(figures_dir, warnings):
    lines = [
        "# Figures",
        "",
        "Every figure the notebooks in [`notebooks/`](../notebooks) regenerate, with the checks each",
        "notebook makes against its paper. This page is written by `make figures`",
        "(`environment/jupyter/gallery.py`); do not edit it by hand.",
        "",
    ]
    folders = sorted(p.parent for p in figures_dir.glob("*/manifest.json"))
    if not folders:
        lines += ["No figures yet: run `make figures`.", ""]
    for folder in folders:
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            warnings.append(f"{folder / 'manifest.json'}: unreadable ({error})")
            continue
        lines += notebook_section(folder, manifest, warnings)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write figures/README.md from the figure manifests.")
    parser.add_argument("--figures-dir", type=Path, default=REPO / "figures")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a listed file is missing or its checksum differs")
    args = parser.parse_args(argv)
    warnings = []
    page = render(args.figures_dir, warnings)
    target = args.figures_dir / "README.md"
    args.figures_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {target} ({page.count(chr(10))} lines, {len(warnings)} warning(s))")
    return 1 if warnings and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
