"""symrnn: machine-checked mathematics of gradient flow in recurrent networks.

The public API, in one place:

* cells and their symbolic Jacobians: :func:`get_cell`, :func:`derive`,
  :func:`article_derivative`;
* the sound identity checker :func:`check_identity` and its :class:`Verdict`;
* the article's claims and their readings (each precise meaning with its own verdict):
  :data:`CLAIMS`, :data:`READINGS`, :func:`get_claim`, :func:`get_reading`,
  :func:`run_claims`, :func:`printed`;
* rigorous bounds (python-flint Arb): :func:`xsech2_supremum`, :func:`term_suprema`, ...;
* numerics (numpy): :func:`step`, :func:`jacobian`, :func:`bptt`, :func:`init_params`, ...;
* your own cells: :func:`define_cell`, :func:`load_cell` (TOML), :func:`analyze`;
* the n-dimensional case: :func:`matrix_form`, :func:`prove_cell` (every n);
* documents: :func:`build_docs` (LaTeX/PDF and Markdown), :func:`verdict_latex`;
* an independent formal check: :func:`export_coq`, :func:`check_coq` (Coq + Interval);
* measured gradient flow: :func:`measure_flow` (empirical, never a verdict);
* your trained model: :func:`from_torch` (PyTorch, optional), :func:`load_params` /
  :func:`save_params` (``.npz``), :func:`check_weights` (the article's bounds on its
  matrices beside measurements).
"""

from typing import TYPE_CHECKING

from ._lazy import attach, names_of

from ._errors import (
    InvalidArgumentError,
    InvalidExpressionError,
    LimitError,
    OutputPathError,
    ReservedNameError,
    ShapeError,
    SymrnnError,
    TimeLimitError,
    UnknownCellError,
    UnknownClaimError,
    UnsupportedFunctionError,
)

if TYPE_CHECKING:  # the names below, for type checkers and IDEs; imported lazily at run time
    from .activations import (
        relu,
        sigmoid,
    )
    from .bounds import (
        Supremum,
        TermSup,
        check_certificate,
        comparison_table,
        prove_xsech2_bound,
        tanh_in_u_sup,
        term_suprema,
        xsech2_supremum,
    )
    from .cells import (
        ARTICLE_CELLS,
        CATALOG,
        Cell,
        Param,
        State,
        cell_names,
        get_cell,
    )
    from .claims import (
        CLAIMS,
        READINGS,
        Claim,
        ClaimResult,
        Reading,
        ReadingResult,
        claim_ids,
        formula4,
        get_claim,
        get_reading,
        printed,
        reading_ids,
        run_claims,
    )
    from .coq import (
        check_coq,
        export_coq,
    )
    from .custom import (
        Analysis,
        CellDefinitionError,
        CellFileError,
        analyze,
        check_cell,
        compile_cell,
        define_cell,
        load_cell,
        loads_cell,
        run_property_test,
    )
    from .docs import (
        build_docs,
        derivation_latex,
        verdict_latex,
    )
    from .derivation import (
        Chain,
        Derivation,
        Diag,
        Jacobian,
        Mat,
        Term,
        article_derivative,
        derive,
    )
    from .flow import (
        FlowResult,
        measure_flow,
    )
    from .ndim import (
        check_elementwise,
        matrix_form,
        prove_block,
        prove_cell,
    )
    from .numeric import (
        BlockJacobian,
        BPTTResult,
        bptt,
        init_params,
        jacobian,
        jacobian_product,
        step,
        unroll,
    )
    from .trained import (
        BoundCheck,
        Weights,
        WeightsReport,
        check_weights,
        from_torch,
        load_params,
        save_params,
    )
    from .verify.arb import (
        arb_eval,
    )
    from .verify.identity import (
        check_identity,
    )
    from .verify.verdict import (
        Verdict,
    )

__version__ = "0.1.0"


__all__ = [
    "ARTICLE_CELLS", "Analysis", "CellDefinitionError", "CellFileError", "FlowResult",
    "analyze", "check_cell", "compile_cell", "define_cell", "load_cell", "loads_cell",
    "measure_flow", "run_property_test", "check_elementwise", "matrix_form", "prove_block",
    "prove_cell", "check_coq", "export_coq", "build_docs", "derivation_latex", "verdict_latex",
    "BPTTResult", "CATALOG", "CLAIMS", "Cell", "Chain", "Claim", "ClaimResult", "Derivation",
    "Diag", "InvalidArgumentError", "InvalidExpressionError", "Jacobian", "LimitError", "Mat",
    "OutputPathError", "Param", "TimeLimitError",
    "ReservedNameError", "ShapeError", "State", "Supremum", "SymrnnError", "Term", "TermSup",
    "UnknownCellError", "UnknownClaimError", "UnsupportedFunctionError", "Verdict",
    "arb_eval", "article_derivative", "bptt", "cell_names", "check_certificate",
    "check_identity", "claim_ids", "comparison_table", "derive", "formula4", "get_cell",
    "get_claim", "init_params", "jacobian", "jacobian_product", "printed",
    "prove_xsech2_bound", "relu", "run_claims", "READINGS", "Reading", "ReadingResult",
    "get_reading", "reading_ids", "sigmoid", "step", "tanh_in_u_sup",
    "term_suprema", "unroll", "xsech2_supremum",
    "BlockJacobian", "BoundCheck", "Weights", "WeightsReport", "check_weights", "from_torch",
    "load_params", "save_params",
]

#: The public names by the module that defines them. The subpackages are imported on first
#: use (PEP 562, symrnn/_lazy.py): ``symrnn verify`` does not pay for the report, the Coq
#: export, the flow measurements or the torch importer.
_IMPORTS = {
    ".activations": "relu sigmoid",
    ".bounds": ("Supremum TermSup check_certificate comparison_table prove_xsech2_bound "
               "tanh_in_u_sup term_suprema xsech2_supremum"),
    ".cells": "ARTICLE_CELLS CATALOG Cell Param State cell_names get_cell",
    ".claims": ("CLAIMS READINGS Claim ClaimResult Reading ReadingResult claim_ids "
               "formula4 get_claim get_reading printed reading_ids run_claims"),
    ".coq": "check_coq export_coq",
    ".custom": ("Analysis CellDefinitionError CellFileError analyze check_cell "
               "compile_cell define_cell load_cell loads_cell run_property_test"),
    ".docs": "build_docs derivation_latex verdict_latex",
    ".derivation": "Chain Derivation Diag Jacobian Mat Term article_derivative derive",
    ".flow": "FlowResult measure_flow",
    ".ndim": "check_elementwise matrix_form prove_block prove_cell",
    ".numeric": "BlockJacobian BPTTResult bptt init_params jacobian jacobian_product step unroll",
    ".trained": "BoundCheck Weights WeightsReport check_weights from_torch load_params save_params",
    ".verify.arb": "arb_eval",
    ".verify.identity": "check_identity",
    ".verify.verdict": "Verdict",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
