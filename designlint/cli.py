"""The command line: check (the default), audit, rules, criteria, explain, test.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage, config or rule error
(one line, never a traceback) or an internal error during the scan.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from designlint import __version__
from designlint.config import Config, find_config, read_config_file
from designlint.errors import DesignlintError
from designlint.findings import SEVERITY_ORDER

LEVELS = ("error", "warning", "info")


def _split_ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_config(config_path: str | None) -> Config:
    if config_path:
        config = read_config_file(Path(config_path))
        if config is None:
            raise DesignlintError(f"{config_path}: no [tool.designlint] section")
        return config
    return find_config(Path.cwd())


def _progress(quiet: bool):
    """A progress line on stderr for long scans, only on a terminal and without --quiet."""
    if quiet or not sys.stderr.isatty():
        return None
    state = {"shown": False}

    def show(done: int, total: int) -> None:
        if total < 200 or (done % 50 and done != total):
            return
        width = 30
        filled = int(width * done / total)
        click.echo(f"\rscanning [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", err=True, nl=False)
        state["shown"] = True
        if done == total:
            click.echo("\r" + " " * (width + 40) + "\r", err=True, nl=False)

    return show


def _criteria_filter(result, values: tuple[str, ...]) -> list[str]:
    """Keep only findings that bear on the criteria named by prefix (`uk-aadc,eu-dsa-28`)."""
    prefixes = _split_ids(values)
    if not prefixes:
        return []
    from designlint.criteria import builtin_criteria, expand_prefixes

    chosen = expand_prefixes(builtin_criteria(), prefixes)
    result.findings = [f for f in result.findings if f.rule_id not in {r.id for r in result.rules} or chosen & set(f.criteria)]
    return prefixes


class DefaultToCheck(click.Group):
    """`designlint PATH...` means `designlint check PATH...`, like ruff's old default."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="designlint")
def cli() -> None:
    """Find wellbeing-harming design patterns (infinite scroll, autoplay, ...) in app code."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (comma-separated; repeatable).")
@click.option("--fail-on", type=click.Choice(LEVELS), help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (errors still exit 2).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .designlint.yaml or pyproject.toml).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record today's findings in FILE and exit 0.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes and .gitignore to files named explicitly (for pre-commit).")
@click.option("--max-file-size", type=click.IntRange(min=1), default=1_000_000, show_default=True, help="Skip files larger than this many bytes (Unity scenes and prefabs: 8 times as many).")
@click.option("--file-timeout", type=click.FloatRange(min=0), default=20.0, show_default=True, help="CPU seconds to parse and match one file before it is skipped (0: no limit).")
@click.option("--hide-mitigated", is_flag=True, help="Drop findings whose safeguard was found (they are kept at a lower severity by default).")
@click.option("--each-site", is_flag=True, help="Report every site on its own (by default the sites of one rule in one function are one finding).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, no warnings about skipped files.")
@click.option("--criteria", "criteria", multiple=True, help="Only findings that bear on these criteria, by id prefix (e.g. uk-aadc,eu-dsa-28).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: the machine's cores].")
@click.option("--no-cache", is_flag=True, help="Do not read or write the content cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Content cache folder [default: .designlint_cache in the project root].")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: only on a terminal).")
def check(paths, fmt, output, select, ignore, fail_on, exit_zero, config_path, baseline, write_baseline, force_exclude, max_file_size, file_timeout, hide_mitigated, each_site, quiet, criteria, jobs, no_cache, cache_dir, color):
    """Scan PATHS (files or folders; default: the current folder)."""
    from designlint.cache import DEFAULT_CACHE_DIR
    from designlint.parallel import default_jobs
    from designlint.report import render, write_atomically
    from designlint.runner import Scanner, ScanOptions
    from designlint.suppress import write_baseline as baseline_text

    config = _load_config(config_path)
    options = ScanOptions(
        select=_split_ids(select) or None,
        ignore=_split_ids(ignore),
        baseline=baseline,
        force_exclude=force_exclude,
        max_file_bytes=max_file_size,
        file_timeout=file_timeout or None,
        hide_mitigated=hide_mitigated,
        fold=not each_site,
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else (cache_dir or config.root / DEFAULT_CACHE_DIR),
    )
    scanner = Scanner(config, options)
    if criteria:
        from designlint.criteria import builtin_criteria, expand_prefixes

        expand_prefixes(builtin_criteria(), _split_ids(criteria))  # a typo is exit 2 before the scan
    result = scanner.scan(list(paths) or [Path(".")], progress=_progress(quiet))
    _criteria_filter(result, criteria)

    if not quiet:
        for diag in result.diagnostics:
            click.echo(f"designlint: {diag.kind}: {diag.path}: {diag.message}", err=True)
        if scanner.cache_problem:
            click.echo(f"designlint: warning: {scanner.cache_problem}", err=True)

    if write_baseline:
        write_atomically(write_baseline, baseline_text(write_baseline, result.findings))
        if not quiet:
            click.echo(f"designlint: wrote {sum(1 + len(f.related) for f in result.findings if f.suppressed is None)} findings to {write_baseline}", err=True)
        sys.exit(0)

    use_color = color if color is not None else (output is None and fmt == "text" and sys.stdout.isatty())
    text = render(fmt, result, color=use_color)
    if quiet and fmt == "text":
        text = "".join(line + "\n" for line in text.splitlines()[:-1])
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False, color=use_color)

    if any(d.kind == "internal-error" for d in result.diagnostics):
        sys.exit(2)
    threshold = SEVERITY_ORDER[fail_on or config.fail_on]
    failing = [f for f in result.active_findings if SEVERITY_ORDER[f.severity] >= threshold]
    sys.exit(0 if exit_zero or not failing else 1)


@cli.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["html", "markdown", "json"]), default="html", show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Report file [default: designlint-report.html|.md|.json].")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (comma-separated; repeatable).")
@click.option("--criteria", "criteria", multiple=True, help="Only findings that bear on these criteria, by id prefix (e.g. uk-aadc,eu-dsa-28).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .designlint.yaml or pyproject.toml).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Leave out findings recorded in this baseline (the report says so).")
@click.option("--max-file-size", type=click.IntRange(min=1), default=1_000_000, show_default=True, help="Skip files larger than this many bytes (Unity scenes and prefabs: 8 times as many).")
@click.option("--file-timeout", type=click.FloatRange(min=0), default=20.0, show_default=True, help="CPU seconds to parse and match one file before it is skipped (0: no limit).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: the machine's cores].")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Use a content cache in this folder (an audit writes none by default).")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary line on stderr.")
def audit(path, fmt, output, select, ignore, criteria, config_path, baseline, max_file_size, file_timeout, jobs, cache_dir, quiet):
    """Write a wellbeing impact assessment of PATH (default: the current folder) that a person reads.

    Exit code 0 when the report was written (whatever it found), 2 on errors."""
    from designlint.audit import build_audit
    from designlint.criteria import builtin_criteria, expand_prefixes
    from designlint.report import write_atomically
    from designlint.runner import Scanner, ScanOptions

    target = path or Path(".")
    output = output or Path({"html": "designlint-report.html", "markdown": "designlint-report.md", "json": "designlint-report.json"}[fmt])
    catalog = builtin_criteria()
    if criteria:
        expand_prefixes(catalog, _split_ids(criteria))
    config = _load_config(config_path)
    from designlint.parallel import default_jobs

    options = ScanOptions(
        select=_split_ids(select) or None,
        ignore=_split_ids(ignore),
        baseline=baseline,
        max_file_bytes=max_file_size,
        file_timeout=file_timeout or None,
        jobs=jobs or default_jobs(),
        cache_dir=cache_dir,
    )
    result = Scanner(config, options).scan([target], progress=_progress(quiet))
    used = _criteria_filter(result, criteria)
    report = build_audit(result, catalog, target, baseline=baseline, criteria_filter=used)
    if fmt == "html":
        from designlint.report.html_report import render_html

        text = render_html(report, catalog)
    elif fmt == "markdown":
        from designlint.report.markdown_report import render_markdown

        text = render_markdown(report, catalog)
    else:
        import json

        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"
    write_atomically(output, text)
    if not quiet:
        click.echo(
            f"designlint: wrote {output}: {report.total_findings} findings in {report.files_scanned} files "
            f"({sum(1 for d in result.diagnostics if d.kind == 'skipped')} skipped)",
            err=True,
        )
    if any(d.kind == "internal-error" for d in result.diagnostics):
        sys.exit(2)


@cli.command("criteria")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file with extra `rules` paths.")
def list_criteria(config_path):
    """List the criteria catalog: id, source, section, audience, URL and the rules citing each."""
    from designlint.criteria import builtin_criteria, cited_by
    from designlint.rules import load_rules

    catalog = builtin_criteria()
    citing = cited_by(catalog, load_rules(_load_config(config_path).rules))
    groups: dict[str, list] = {}
    for c in catalog.values():
        groups.setdefault(c.group, []).append(c)
    for index, (group, members) in enumerate(groups.items()):
        click.echo(("\n" if index else "") + group)
        for c in members:
            click.echo(f"  {c.id}  [{c.jurisdiction}, {c.audience}]")
            click.echo(f"      {c.section}")
            click.echo(f"      {c.url}")
            click.echo(f"      rules: {', '.join(citing.get(c.id, [])) or 'none'}")


@cli.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file with extra `rules` paths.")
def list_rules(config_path):
    """List the rules with severity, languages and criteria."""
    from designlint.rules import load_rules

    config = _load_config(config_path)
    rules = load_rules(config.rules)
    width = max(len(r.id) for r in rules)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.name}")
        click.echo(f"{'':<{width}}  languages: {', '.join(rule.languages)}")
        click.echo(f"{'':<{width}}  criteria:  {', '.join(rule.criteria)}")


@cli.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file with extra `rules` paths.")
def explain(rule_id, config_path):
    """Show a rule's documentation and full references."""
    from designlint.criteria import builtin_criteria
    from designlint.docs import rule_markdown
    from designlint.rules import load_rules
    from designlint.suppress import META_RULES

    if rule_id in META_RULES:
        click.echo(f"# {rule_id}\n\n{META_RULES[rule_id]}")
        return
    rules = {r.id: r for r in load_rules(_load_config(config_path).rules)}
    if rule_id not in rules:
        raise DesignlintError(f"unknown rule id '{rule_id}' (known: {', '.join(sorted(rules))})")
    click.echo(rule_markdown(rules[rule_id], builtin_criteria()), nl=False)


@cli.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(exists=True, path_type=Path), help="Extra rule files or folders.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
def test_fixtures(paths, rule_paths, config_path):
    """Run annotated fixtures (default: ./fixtures) and report every annotation that fails."""
    from designlint.testing import run_fixtures

    config = _load_config(config_path)
    config.rules = [*config.rules, *rule_paths]
    results = run_fixtures(list(paths) or [Path("fixtures")], config)
    failures = [msg for r in results for msg in r.failures]
    for msg in failures:
        click.echo(msg)
    annotations = sum(len(r.annotations) for r in results)
    passed = sum(1 for r in results if not r.failures)
    click.echo(f"{passed} passed, {len(results) - passed} failed ({annotations} annotations in {len(results)} files)")
    sys.exit(1 if failures or not results else 0)


def main() -> None:
    try:
        cli.main(prog_name="designlint", standalone_mode=False)
    except DesignlintError as exc:
        click.echo(f"designlint: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "designlint"
        click.echo(f"designlint: error: {exc.format_message()} (see '{command} --help')", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"designlint: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("designlint: aborted", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
