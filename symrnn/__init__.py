"""symrnn: machine-checked mathematics of gradient flow in recurrent networks."""

from ._errors import (
    InvalidArgumentError,
    InvalidExpressionError,
    ReservedNameError,
    ShapeError,
    SymrnnError,
    UnknownCellError,
    UnknownClaimError,
    UnsupportedFunctionError,
)
from .activations import relu, sigmoid
from .verify.verdict import Verdict

__version__ = "0.1.0"
