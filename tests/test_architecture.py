"""The shape of the package: leaves stay leaves, readers and writers never meet, heavy imports stay lazy."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "convert"
LEAVES = {"tree", "options", "errors"}
UPPER_LAYERS = {"registry", "pipeline", "api", "batch", "cli"}
HEAVY = ["docx", "weasyprint", "ebooklib", "bs4", "lxml", "jinja2", "PIL", "charset_normalizer"]


def _our_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("convert"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("convert"))
    return names


def test_leaves_import_nothing_of_ours():
    for leaf in LEAVES:
        assert _our_imports(PACKAGE / f"{leaf}.py") == set(), leaf


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _module_imports(path: Path) -> set[str]:
    """The modules of ours that `path` imports, TYPE_CHECKING imports included: a cycle
    hidden from the interpreter is still a cycle for the reader of the code."""
    return {name for name in _our_imports(path) if name in MODULES}


def test_no_import_cycles():
    graph = {name: _module_imports(path) - {name} for name, path in MODULES.items()}
    graph = {name: {target for target in targets if not name.startswith(target + ".")}
             for name, targets in graph.items()}  # a module importing its own package's __init__ is not a cycle
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(name):], name]))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_nothing_takes_names_from_the_package_init():
    """`convert/__init__.py` is the public face for users; inside, modules import modules."""
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "convert":
                taken = [alias.name for alias in node.names if f"convert.{alias.name}" not in MODULES]
                assert not taken, f"{name} imports {taken} from convert/__init__"


def test_readers_and_writers_never_import_each_other_or_upper_layers():
    for kind, other in (("readers", "writers"), ("writers", "readers")):
        for path in (PACKAGE / kind).rglob("*.py"):
            for name in _our_imports(path):
                assert not name.startswith(f"convert.{other}"), f"{path.name} imports {name}"
                parts = name.split(".")
                assert len(parts) < 2 or parts[1] not in UPPER_LAYERS, f"{path.name} imports {name}"


def test_cli_start_up_imports_no_heavy_library():
    code = ("import sys, convert.cli; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_docx_only_run_imports_no_other_writer(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Title\n\nBody text.\n", encoding="utf-8")
    code = ("import sys, convert; "
            f"convert.convert({str(source)!r}, {str(tmp_path / 'a.docx')!r}); "
            "print([m for m in ('weasyprint', 'ebooklib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
