"""symrnn.custom: bring your own cell (issue 6).

Define a cell from SymPy equations (:func:`define_cell`) or a TOML file (:func:`load_cell`),
and get what a built-in cell gets (:func:`analyze`): the Jacobian in gate notation, its
split into main and secondary terms with gate counts, rigorous term suprema, state-range
invariants, the n-D matrix form, a compiled numeric implementation (:func:`compile_cell`)
and a property test (:func:`run_property_test`).
"""

from typing import TYPE_CHECKING

from .._lazy import attach, names_of
from ._errors import CellDefinitionError as CellDefinitionError
from ._errors import CellFileError as CellFileError

if TYPE_CHECKING:
    from .analysis import Analysis as Analysis
    from .analysis import CompiledCell as CompiledCell
    from .analysis import PropertyTestResult as PropertyTestResult
    from .analysis import analyze as analyze
    from .analysis import compile_cell as compile_cell
    from .analysis import run_property_test as run_property_test
    from .define import check_cell as check_cell
    from .define import define_cell as define_cell
    from .report import to_json as to_json
    from .report import to_latex as to_latex
    from .report import to_text as to_text
    from .toml_format import load_cell as load_cell
    from .toml_format import loads_cell as loads_cell
    from .toml_format import parse_expression as parse_expression

__all__ = [
    "Analysis", "CellDefinitionError", "CellFileError", "CompiledCell", "PropertyTestResult",
    "analyze", "check_cell", "compile_cell", "define_cell", "load_cell", "loads_cell",
    "parse_expression", "run_property_test", "to_json", "to_latex", "to_text",
]

_IMPORTS = {
    ".analysis": "Analysis CompiledCell PropertyTestResult analyze compile_cell run_property_test",
    ".define": "check_cell define_cell",
    ".report": "to_json to_latex to_text",
    ".toml_format": "load_cell loads_cell parse_expression",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
