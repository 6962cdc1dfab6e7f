"""Warnings and errors per 1,000 prose words on docs-style copy nobody on the project has read:
the Markdown long descriptions (PyPI READMEs) of the Python distributions installed on this
machine and the Markdown files under ``/usr/share/doc``, linted with the default rules as
authored ``.md`` files.

    .venv/bin/python benchmarks/heldout_docs.py [--half fit|check|new|both] [--dump FILE]
                                                [--site DIR ...] [--new-site DIR ...]
                                                [--no-debian] [--no-store]

Why: the eval sources were read while the rules were written, so their precision may not hold on
unseen copy. These texts are third-party and already on the machine; they are read in place
(``importlib.metadata``, gzip) and never copied into the project: the results file holds
figures, rule names and distribution or package names only.

The corpus: every distribution on the site folders (the running interpreter's, its base
interpreter's, Debian's ``dist-packages`` and any ``--site``, e.g. a throw-away venv with more
packages installed, as ``benchmarks/heldout_packages.txt`` says: the stored results list each
with its version) whose
``Description-Content-Type`` is ``text/markdown``, one document per distribution name, newslint
itself left out; and each distinct ``*.md`` under ``/usr/share/doc`` but nodejs's API reference
(``DOC_SKIP``). Documents are split into two fixed halves by a hash of the distribution (or
Debian package) name: ``fit`` (read while fixing false alarms) and ``check`` (measured and
reviewed once, at the end). A third part, ``new``, is every Markdown long description on the
``--new-site`` folders (a second throw-away venv, ``benchmarks/heldout_packages_new.txt``),
whatever its hash: it was not read while the FIT/CHECK classes were fixed. Each is linted through the public API (``lint_text``,
``fmt="markdown"``) under a path whose folders hint at no genre, so the text decides the genre.
Per half and source: documents, prose words, warnings+errors per 1,000 words, suggestions per
1,000 words; per half, the rate of each family and the precision by our hand review
(``benchmarks/heldout_review.tsv``: key, match, verdict, reason). ``--dump`` writes every
warning and error (half, review key, match, the source line) to read by hand: keep that file
outside the project.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata as metadata
import re
import site
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import (
    ROOT,
    WARN_LEVELS,
    count_words,
    per_1000,
    ratio,
    read_review,
    rounded,
    save_results,
    saved_note,
    source_table,
)

from newslint import lint_text

COMMAND = (
    ".venv/bin/python benchmarks/heldout_docs.py"
    " --site /tmp/heldout-venv/lib/python3.11/site-packages"
)
#: our verdicts on the warnings (key, match, verdict real|false|preference, reason)
REVIEW = ROOT / "benchmarks" / "heldout_review.tsv"
HALVES = ("fit", "check")
#: the third part: docs from ``--new-site`` folders, unseen while the FIT/CHECK fixes were made
PARTS = (*HALVES, "new")


@dataclass(frozen=True)
class Doc:
    """One distribution's Markdown long description, read in place."""

    name: str  # normalised distribution name (PEP 503), or doc:PACKAGE/FILE
    version: str
    site: str
    text: str
    source: str = "pypi"  # pypi (long descriptions) or debian (/usr/share/doc)
    new: bool = False  # from a --new-site folder: the NEW part, whatever its hash

    @property
    def path(self) -> str:
        """Where the linter is told the file sits: folders that do not exist (no config, no
        neighbours) and whose names hint at no genre (a ``docs/`` folder would be a how-to
        prior), the file's own name (README.md, NEWS.md), ``.md`` for the reader."""
        if self.source == "pypi":
            return f"/nonexistent/unseen/{self.name}/README.md"
        return f"/nonexistent/unseen/{self.name.removeprefix('doc:')}"

    @property
    def half(self) -> str:
        if self.new:
            return "new"
        return half_of(self.name.removeprefix("doc:").split("/", 1)[0])


def normalise(name: str) -> str:
    """The PEP 503 form of a distribution name, so one project counts once across sites."""
    return re.sub(r"[-_.]+", "-", name).lower()


def half_of(name: str) -> str:
    """``fit`` or ``check``, fixed by a hash of the name (not its spelling order, so related
    projects such as ``spacy-*`` fall on both sides)."""
    return HALVES[int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2]


def default_sites() -> list[str]:
    """The running interpreter's site folders, its base interpreter's, and Debian's."""
    found = [*site.getsitepackages()]
    base = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    found += [str(base / "site-packages"), "/usr/lib/python3/dist-packages"]
    return [s for i, s in enumerate(found) if Path(s).is_dir() and s not in found[:i]]


def collect(sites: list[str], new_sites: tuple[str, ...] = ()) -> list[Doc]:
    """Every Markdown long description on ``sites`` and ``new_sites`` (those marked NEW), one
    per distribution name, by name; a name already on ``sites`` stays in its half."""
    docs: dict[str, Doc] = {}
    for folder in [*sites, *new_sites]:
        for dist in metadata.distributions(path=[folder]):
            meta = dist.metadata
            if "markdown" not in (meta.get("Description-Content-Type") or "").lower():
                continue
            name = normalise(meta["Name"] or "")
            body = meta.get_payload() or meta.get("Description") or ""
            if not name or name == "newslint" or name in docs or not body.strip():
                continue
            new = folder in new_sites
            docs[name] = Doc(name, meta["Version"] or "", folder, str(body), new=new)
    return [docs[n] for n in sorted(docs)]


#: /usr/share/doc folders left out: nodejs's API reference (about 1.2M words, it would swamp the
#: rest, and the nodejs.org blog is one of the eval sources whose copy the rules were written on)
DOC_SKIP = frozenset({"nodejs"})


def debian_docs(root: Path = Path("/usr/share/doc")) -> list[Doc]:
    """The Markdown files under ``/usr/share/doc`` (plain or gzipped), one per distinct text,
    named ``doc:PACKAGE/FILE``; the half goes by the package folder's name."""
    docs: list[Doc] = []
    seen: set[str] = set()
    if not root.is_dir():
        return docs
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        stem = path.name.removesuffix(".gz")
        if relative.parts[0] in DOC_SKIP or not stem.lower().endswith((".md", ".markdown")):
            continue
        try:
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
            continue
        digest = hashlib.sha1(raw).hexdigest()
        if digest in seen or not text.strip():
            continue
        seen.add(digest)
        name = f"doc:{relative.parts[0]}/{'/'.join(relative.parts[1:]).removesuffix('.gz')}"
        docs.append(Doc(name, "", str(root), text, "debian"))
    return docs


def review_key(rule: str, name: str, line: int, column: int) -> str:
    """The key of a finding in ``heldout_review.tsv``: heldout:RULE:DOCUMENT:LINE:COLUMN."""
    return f"heldout:{rule}:{name}:{line}:{column}"


def review_table(reviewed: dict[str, dict[str, Counter[str]]]) -> dict[str, Any]:
    """Precision by our review, per half and family (preference counts against it); printed."""
    out: dict[str, Any] = {}
    for half, families in reviewed.items():
        if half == "both" or not families:
            continue
        total: Counter[str] = Counter()
        rows: dict[str, Any] = {}
        for fam, counts in sorted(families.items()):
            total.update(counts)
            judged = sum(n for v, n in counts.items() if v != "unreviewed")
            rows[fam] = {**dict(counts), "precision": rounded(ratio(counts["real"], judged))}
        judged = sum(n for v, n in total.items() if v != "unreviewed")
        rows["all"] = {**dict(total), "precision": rounded(ratio(total["real"], judged))}
        out[half] = rows
        worst = min(
            (f for f in rows if f != "all" and rows[f]["precision"] is not None),
            key=lambda f: (rows[f]["precision"], -rows[f].get("false", 0)),
            default="-",
        )
        print(f"\n{half}: precision by our review (real / judged), worst family {worst}")
        for fam, row in rows.items():
            cells = ", ".join(f"{v} {n}" for v, n in sorted(row.items()) if v != "precision")
            print(
                f"  {fam:<13}{row['precision'] if row['precision'] is not None else '-':>8}  {cells}"
            )
    return out


def family(rule: str) -> str:
    return rule.split(".", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=[*PARTS, "both"], default="both")
    parser.add_argument("--dump", type=Path, help="write every warning and error to this TSV")
    parser.add_argument(
        "--site", action="append", default=[], help="another site folder (repeatable)"
    )
    parser.add_argument(
        "--new-site",
        action="append",
        default=[],
        help="a site folder whose docs form the NEW part, unseen while fixing (repeatable)",
    )
    parser.add_argument("--no-debian", action="store_true", help="leave /usr/share/doc out")
    parser.add_argument("--no-store", action="store_true", help="do not write the results file")
    args = parser.parse_args()
    sites = default_sites() + [s for s in args.site if s not in default_sites()]
    new_sites = tuple(s for s in args.new_site if s not in sites)
    corpus = collect(sites, new_sites) + ([] if args.no_debian else debian_docs())
    # "both" is every part measured: FIT, CHECK and, with --new-site, NEW
    docs = [d for d in corpus if args.half in ("both", d.half)]
    if not docs:
        print(f"no Markdown long descriptions found on {', '.join(sites)}")
        return 2
    words: Counter[str] = Counter()
    count: Counter[str] = Counter()
    warned: dict[str, Counter[str]] = {}
    suggested: dict[str, Counter[str]] = {}
    per_doc: dict[str, dict[str, Any]] = {}
    dump: list[tuple[str, ...]] = []
    verdicts = read_review(REVIEW)
    reviewed: dict[str, dict[str, Counter[str]]] = {
        h: defaultdict(Counter) for h in (*PARTS, "both")
    }
    from newslint.genre.detect import detect
    from newslint.readers import parse

    for doc in docs:
        path = doc.path
        document = parse(doc.text, path, "markdown")
        n = count_words(document.text)
        findings = lint_text(doc.text, fmt="markdown", path=path)
        warn = [f for f in findings if f.level in WARN_LEVELS]
        for group in (doc.half, f"{doc.half} {doc.source}"):
            words[group] += n
            count[group] += 1
            warned.setdefault(group, Counter()).update(family(f.rule) for f in warn)
            suggested.setdefault(group, Counter()).update(
                family(f.rule) for f in findings if f.level == "suggestion"
            )
        per_doc[doc.name] = {
            "version": doc.version,
            "source": doc.source,
            "half": doc.half,
            "genre": detect(document).genre,
            "words": n,
            "warnings": len(warn),
            "per_1000": round(per_1000(len(warn), n), 3),
        }
        for f in warn:
            key = review_key(f.rule, doc.name, f.line, f.column)
            dump.append((doc.half, key, f.match, f.context.strip()))
            verdict = verdicts.get(key, ("unreviewed", ""))[0]
            reviewed[doc.half][family(f.rule)][verdict] += 1
    halves = [h for h in PARTS if count[h]]
    rows = {
        group: {
            "documents": count[group],
            "words": words[group],
            "warnings": sum(warned[group].values()),
            "per_1000": round(per_1000(sum(warned[group].values()), words[group]), 3),
            "suggestions_per_1000": round(
                per_1000(sum(suggested[group].values()), words[group]), 3
            ),
        }
        for group in sorted(count, key=lambda g: (PARTS.index(g.split()[0]), g))
    }
    print(
        source_table(
            "Unseen docs-style Markdown, default rules: warnings+errors per 1,000 words", rows
        )
    )
    families = sorted({f for h in halves for f in [*warned[h], *suggested[h]]})
    by_family: dict[str, dict[str, Any]] = {}
    for h in halves:
        by_family[h] = {
            fam: {
                "warnings": warned[h][fam],
                "per_1000": round(per_1000(warned[h][fam], words[h]), 3),
                "suggestions_per_1000": round(per_1000(suggested[h][fam], words[h]), 3),
            }
            for fam in families
        }
        worst = max(families, key=lambda fam: warned[h][fam], default="-")
        print(f"\n{h}: warnings+errors (suggestions) per 1,000 words by family; worst {worst}")
        for fam in families:
            cell = by_family[h][fam]
            print(f"  {fam:<13}{cell['per_1000']:>8.3f}  ({cell['suggestions_per_1000']:.3f})")
    noisiest = sorted(per_doc.items(), key=lambda kv: -kv[1]["per_1000"])[:5]
    print("\nnoisiest documents: " + ", ".join(f"{n} {d['per_1000']:.1f}" for n, d in noisiest))
    precision = review_table(reviewed)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for row in dump:
                out.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in row) + "\n")
    if not args.no_store and args.half == "both":
        # numbers only under named keys (the results test keeps text out of figures): each
        # document under its half and source, each package as NAME==VERSION, genres counted
        documents: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        genres: dict[str, Counter[str]] = defaultdict(Counter)
        for name, d in per_doc.items():
            documents[f"{d['half']} {d['source']}"][name] = {
                k: d[k] for k in ("words", "warnings", "per_1000")
            }
            genres[d["half"]][d["genre"]] += 1
        figures = {
            "halves": rows,
            "by_family": by_family,
            "documents": dict(documents),
            "genres": {h: dict(c) for h, c in genres.items()},
            "sites": {
                folder: sum(1 for d in docs if d.site == folder) for folder in [*sites, *new_sites]
            },
            "review": precision,
            "packages": {
                f"{n}=={d['version']}": d["words"]
                for n, d in per_doc.items()
                if d["source"] == "pypi"
            },
        }
        command = COMMAND + "".join(f" --new-site {s}" for s in new_sites)
        print(saved_note(save_results("heldout_docs", command, figures)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
