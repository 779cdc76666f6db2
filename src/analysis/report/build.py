"""``statements report``: run the report notebook per motion with papermill, export it to one
self-contained HTML page without code, and write an index page and CSV/XLSX exports.

The edge of the report stage: it reads notebooks, starts kernels and writes files (each via a
temporary file and a rename, so a reader never sees half a report). What the pages say is
decided in the section modules the notebooks call.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
import papermill
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbconvert import HTMLExporter
from traitlets import default
from traitlets.config import Config

from analysis.language import plain
from analysis.language.glossary import Glossary
from analysis.report import context, export, index, motions, page, plain_language, redaction
from analysis.report.council import page_title
from analysis.report.inputs import load

NOTEBOOKS = Path(__file__).resolve().parents[3] / "notebooks"
COUNCIL = "10-council-report.py"
CHECKS = {"01-ingest-quality.py": "texterfassung", "02-positions.py": "codierung"}


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and what the notebooks printed to stderr (warnings)."""

    index: Path
    pages: dict[str, Path] = field(default_factory=dict)
    exports: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build_reports(
    processed: str | Path,
    out: str | Path,
    motion: str | None = None,
    *,
    sources: str | Path | None = None,
    gold: str | Path | None = None,
    codebook: str | Path | None = None,
    redact: bool | str | None = None,
    language: str = "de",
    checks: bool = True,
    notebooks: Path = NOTEBOOKS,
    now: dt.datetime | None = None,
    progress: Callable[[str], None] | None = None,
    glossary: list[str | Path] | None = None,
) -> BuildResult:
    """Council report per motion (all motions when ``motion`` is None), index, exports.

    ``checks`` adds the ingest-quality and coding-review notebooks as pages of their own;
    ``glossary``: the user's glossary files on top of the shipped one.
    """
    processed, out = Path(processed).resolve(), Path(out).resolve()
    glossaries = [str(Path(g).resolve()) for g in glossary or ()]
    data = load(processed, sources=sources, gold=gold, codebook=codebook, glossary=glossaries)
    overall = context.build(data, language=language, redact=redact, report_dir=out)
    chosen = [motions.find(list(overall.motions), motion)] if motion else overall.motions
    params = {
        "processed": str(processed),
        "codebook": _text(codebook),
        "language": language,
        "sources": _text(sources),
        "gold": _text(gold),
        "redact": redaction.mode(redact),
        "report_dir": str(out),
        "glossary": glossaries,
    }
    run = _Run(notebooks, out, params, run_stamp(now or dt.datetime.now(dt.UTC)), data.glossary)
    out.mkdir(parents=True, exist_ok=True)
    for leftover in out.glob(".*.tmp"):  # of a build that was killed (one build per folder)
        leftover.unlink(missing_ok=True)
    result = BuildResult(index=out / "index.html")
    for item in chosen:
        _say(progress, f"Bericht {item.ref}")
        ctx = context.build(data, motion=item.key, language=language, redact=redact, report_dir=out)
        _page(run, result, COUNCIL, item.slug, page_title(ctx), item.key)
        result.exports.extend(_exports(ctx, out, item.slug))
    for name, slug in CHECKS.items() if checks else ():
        _say(progress, f"Prüfbericht {slug}")
        _page(run, result, name, slug, index.CHECK_TITLES[slug], motion)
    result.exports.extend(_exports(overall, out, "alle-stellungnahmen"))
    body = index.body(overall, result.pages, [p.name for p in result.exports])
    document = page.page(index.TITLE, body, stamp=run.stamp, toc=False)
    write_atomic(result.index, document.encode())
    return result


@dataclass(frozen=True)
class _Run:
    """What every page of one build shares."""

    notebooks: Path
    out: Path
    params: dict
    stamp: str
    glossary: Glossary | None = None


def _page(run: _Run, result: BuildResult, notebook: str, slug: str, title: str, motion) -> None:
    """Execute one notebook and write it as ``slug.html``."""
    html, warnings = render_notebook(run.notebooks / notebook, {**run.params, "motion": motion})
    if run.glossary is not None:
        html = plain_language.mark_terms(html, run.glossary)
    header = "Bericht für den Stadtrat" if notebook == COUNCIL else "Prüfbericht"
    document = page.page(title, html, stamp=run.stamp, header=header)
    result.pages[slug] = write_atomic(run.out / f"{slug}.html", document.encode())
    result.warnings.extend(warnings)


def _text(value) -> str | None:
    return None if value is None else str(Path(value).resolve())


def _say(progress: Callable[[str], None] | None, message: str) -> None:
    if progress is not None:
        progress(message)


def run_stamp(now: dt.datetime) -> str:
    """The one line of a report that differs between runs."""
    return f"Erstellt am {now:%d.%m.%Y} um {now:%H:%M} Uhr (UTC)."


class _ThisPython(KernelSpecManager):
    """Every kernel name means this interpreter: a ``python3`` kernel registered elsewhere (a
    user's own Jupyter) must not run the report without this package."""

    def get_kernel_spec(self, kernel_name: str, *args, **kwargs) -> KernelSpec:
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        return KernelSpec(argv=argv, display_name="Stellungnahmen-Analyse", language="python")


class ThisPythonKernelManager(AsyncKernelManager):
    """Starts notebook kernels with the interpreter that runs the build."""

    @default("kernel_spec_manager")
    def _this_python(self) -> KernelSpecManager:
        return _ThisPython(parent=self)


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """A notebook from its jupytext percent file (or .ipynb), with stable cell ids."""
    notebook = jupytext.read(path)
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"
    return notebook


def render_notebook(path: Path, parameters: dict) -> tuple[str, list[str]]:
    """Execute ``path`` with ``parameters``; its outputs as an HTML fragment, and stderr text."""
    notebook = read_notebook(path)
    executed = papermill.execute_notebook(
        notebook,
        None,
        parameters=parameters,
        kernel_name="python3",
        kernel_manager_class=ThisPythonKernelManager,
        progress_bar=False,
        cwd=str(path.parent),
        start_timeout=120,
        # The kernel's own log (TCP notice, interrupt at shutdown) is noise for a report run.
        extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
    )
    warnings = _pop_stderr(executed)
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(
        config=config,
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )
    body, _resources = exporter.from_notebook_node(executed)
    return page.clean_fragment(body), warnings


def _pop_stderr(notebook: nbformat.NotebookNode) -> list[str]:
    """Remove stderr streams from the outputs (they are for the operator, not the reader)."""
    messages = []
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                messages.append(output.get("text", ""))
            else:
                kept.append(output)
        if "outputs" in cell:
            cell["outputs"] = kept
    return messages


def _exports(ctx: context.ReportContext, out: Path, stem: str) -> list[Path]:
    names = ctx.coded["motion_ref"].map(
        lambda ref: next((m.ref for m in ctx.motions if m.key == motions.motion_key(ref)), ref)
    )
    table = export.statement_table(ctx.coded, ctx.labels, names)
    summary = (
        plain.motion_summary(ctx.coded, ctx.labels)
        if ctx.motion
        else plain.index_summary(ctx.coded, len(ctx.motions))
    )
    return [
        write_atomic(out / f"{stem}.csv", export.csv_bytes(table)),
        write_atomic(out / f"{stem}.xlsx", export.xlsx_bytes(table, readme=summary)),
    ]


def write_atomic(target: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``target``, fsync, then rename over it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
