"""The `docconv` command: arguments in, Options built once, the API does the work."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from convert import registry
from convert.errors import ConvertError, UsageError
from convert.options import DEFAULT_MAX_INPUT_BYTES, Options

DESCRIPTION = """\
Convert HTML pages and plain-text articles (any encoding) into DOCX, PDF and EPUB.

examples:
  docconv article.txt -o article.docx         one file; the format comes from the extension
  docconv page.html -t docx,pdf,epub -d out    one file, several formats
  docconv articles/ -d out -t docx,pdf,epub    a whole folder tree, mirrored under out/
  docconv page.html -o page.json               the document tree, to see what docconv read
"""

EPILOG = """\
Resources (images, stylesheets) are read only from the input's own folder
unless --resource-path or --allow-remote widens that.

exit status: 0 success, 1 a file failed to convert, 2 usage error.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docconv", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", nargs="?", help="input file or folder")
    where = parser.add_argument_group("output")
    where.add_argument("-o", "--output", help="output file; its extension picks the format")
    where.add_argument("-t", "--to", help="output format(s), comma-separated: docx,pdf,epub,html,json")
    where.add_argument("-d", "--outdir", help="output folder (for -t, and for folder input)")
    reading = parser.add_argument_group("reading")
    reading.add_argument("-f", "--from", dest="from_format", metavar="FORMAT",
                         help="input format, overriding detection: html, text, json")
    reading.add_argument("-M", "--metadata", action="append", default=[], metavar="KEY=VALUE",
                         help="set a metadata field (title, author, date, lang, publisher, tags, ...); repeatable")
    reading.add_argument("--encoding", help="input encoding, overriding detection (e.g. gbk, big5)")
    reading.add_argument("--content", choices=("auto", "all"), default="auto",
                         help="auto: keep the article, drop page chrome; all: keep the whole page")
    reading.add_argument("--keep-boilerplate", action="store_true",
                         help="keep the trailer sites append to articles (related links, share bars, copyright)")
    reading.add_argument("--max-input-size", type=int, default=DEFAULT_MAX_INPUT_BYTES, metavar="BYTES",
                         help="refuse inputs larger than this (default %(default)s)")
    sandbox = parser.add_argument_group("resources")
    sandbox.add_argument("--resource-path", action="append", default=[], metavar="DIR",
                         help="also allow images and stylesheets from DIR; repeatable")
    sandbox.add_argument("--allow-remote", action="store_true", help="allow fetching http(s) resources")
    writing = parser.add_argument_group("writing")
    writing.add_argument("--toc", action="store_true", help="add a table of contents")
    writing.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF page size")
    writing.add_argument("--pdf-variant", metavar="VARIANT", help="WeasyPrint PDF variant, e.g. pdf/a-3b, pdf/ua-1")
    writing.add_argument("--max-pdf-chars", type=int, default=2_000_000, metavar="N",
                         help="refuse PDFs of documents longer than N characters (default %(default)s)")
    writing.add_argument("--reference-doc", metavar="FILE", help="DOCX whose styles, page size and margins to use")
    writing.add_argument("--template", metavar="NAME|DIR", help="theme: a built-in name (default, book) or a folder given as a path (./mine)")
    writing.add_argument("--css", action="append", default=[], metavar="FILE",
                         help="add a stylesheet to PDF, EPUB and HTML output; repeatable")
    writing.add_argument("--split-level", type=int, metavar="N", help="EPUB: start a new chapter file at heading level N")
    batch = parser.add_argument_group("batch")
    batch.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="parallel worker processes for folders (default: one per core)")
    batch.add_argument("--force", action="store_true", help="rebuild outputs that are already up to date")
    batch.add_argument("--timeout", type=float, metavar="SECONDS", help="give up on a file after this long")
    batch.add_argument("--report", metavar="FILE.json", help="write one JSON record per input file")
    batch.add_argument("--executor", metavar="dask://HOST:PORT",
                       help="run the batch on a Dask cluster (pip install 'docconv[dask]')")
    batch.add_argument("--include", action="append", default=[], metavar="GLOB", help="only convert matching files")
    batch.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip matching files")
    info = parser.add_argument_group("information")
    info.add_argument("-v", "--verbose", action="store_true", help="one line per converted file")
    info.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    info.add_argument("--debug", action="store_true", help="show tracebacks")
    info.add_argument("--list-formats", action="store_true", help="list input and output formats and exit")
    info.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def _metadata(pairs: list[str]) -> dict[str, str]:
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError("", f"-M expects KEY=VALUE, got {pair!r}")
        result[key.strip()] = value.strip()
    return result


def _options(args: argparse.Namespace) -> Options:
    return Options(
        from_format=args.from_format, encoding=args.encoding, content=args.content,
        keep_boilerplate=args.keep_boilerplate,
        metadata=_metadata(args.metadata), max_input_bytes=args.max_input_size,
        resource_paths=tuple(os.path.abspath(p) for p in args.resource_path),
        allow_remote=args.allow_remote, toc=args.toc, paper=args.paper,
        pdf_variant=args.pdf_variant, max_pdf_chars=args.max_pdf_chars, reference_doc=args.reference_doc, split_level=args.split_level,
        template=args.template, css=tuple(os.path.abspath(p) for p in args.css))


def _formats(args: argparse.Namespace) -> list[str]:
    names = [name.strip() for name in (args.to or "").split(",") if name.strip()]
    for name in names:
        registry.writer_class(name)  # fail early on an unknown name
    return names


def _list_formats() -> str:
    return ("input formats:  " + ", ".join(registry.reader_names()) + "\n"
            "output formats: " + ", ".join(registry.writer_names()))


def _warn(args: argparse.Namespace, lines: list[str]) -> None:
    if not args.quiet:
        for line in lines:
            print(f"docconv: warning: {line}", file=sys.stderr)


def _run_folder(args: argparse.Namespace, options: Options, formats: list[str]) -> int:
    import json

    from convert import batch
    from convert.progress import Progress

    if not args.outdir:
        raise UsageError(args.input, "is a folder: give -d OUTDIR")
    progress = Progress(enabled=not args.quiet and not args.verbose and sys.stderr.isatty())

    def show(result: batch.FileResult) -> None:
        progress.advance()
        if result.status == "failed":
            progress.write(f"docconv: {result.error}")
        elif args.verbose and result.status == "converted":
            progress.write(f"{result.source} -> {', '.join(result.outputs)} ({result.seconds:.2f} s)")
        if not args.quiet:
            for warning in result.warnings:
                progress.write(f"docconv: warning: {warning}")

    try:
        report = batch.convert_folder(args.input, args.outdir, formats, jobs=args.jobs,
                                      executor=args.executor, include=args.include, exclude=args.exclude,
                                      force=args.force, timeout=args.timeout, options=options,
                                      on_result=show, on_plan=progress.start)
    finally:
        progress.close()
    if args.report:
        records = [r.as_record() for r in report.results]
        records += [{"source": path, "status": "skipped", "outputs": [], "seconds": 0, "error": "",
                     "warnings": []} for path in report.skipped]
        Path(args.report).write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.quiet or report.interrupted:
        print(f"docconv: {report.summary()}", file=sys.stderr)
    return report.exit_code


def _run(args: argparse.Namespace) -> int:
    from convert import api

    if args.input is None:
        raise UsageError("", "no input given (try docconv --help)")
    options = _options(args)
    formats = _formats(args)
    if os.path.isdir(args.input):
        return _run_folder(args, options, formats or ["docx", "pdf", "epub"])
    if args.output:
        if formats:
            raise UsageError("", "give either -o OUTPUT or -t FORMATS, not both")
        result = api.convert(args.input, args.output, options=options)
    elif formats:
        result = api.convert_to_formats(args.input, formats, args.outdir or ".", options=options)
    else:
        raise UsageError(args.input, "no output given: pass -o OUTPUT or -t FORMATS")
    _warn(args, [str(d) for d in result.diagnostics])
    if args.verbose:
        print(f"{args.input} -> {', '.join(result.outputs)}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from convert.version import VERSION
        print(f"docconv {VERSION}")
        return 0
    if args.list_formats:
        print(_list_formats())
        return 0
    try:
        return _run(args)
    except ConvertError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"docconv: {exc}", file=sys.stderr)
        return exc.exit_code
    except ValueError as exc:  # invalid option values from Options
        if args.debug:
            traceback.print_exc()
        print(f"docconv: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("docconv: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            traceback.print_exc()
        else:
            print(f"docconv: {args.input}: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
                  file=sys.stderr)
        return 1
