"""symrnn.numeric: every catalog cell and every user cell in numpy, their Jacobians and BPTT.

One convention for all: parameters by the cell's names (``W_*`` ``(n, m)``, ``U_*`` ``(n, n)``,
vectors ``(n,)``), inputs ``(m,)`` or ``(B, m)``, the state ``h`` or a tuple such as ``(h, c)``.
Every public function validates its arguments the same way (:mod:`._validate`). The article's
cells run hand-written numpy code; the others are compiled from their symbolic definitions.
"""

from ._bptt import BPTTResult as BPTTResult
from ._bptt import bptt as bptt
from ._jacobian import BlockJacobian as BlockJacobian
from ._jacobian import jacobian as jacobian
from ._jacobian import jacobian_product as jacobian_product
from ._kernels import CELL_NAMES as CELL_NAMES
from ._kernels import HANDWRITTEN as HANDWRITTEN
from ._kernels import CellKernel as CellKernel
from ._kernels import kernel as kernel
from ._params import SCHEMES as SCHEMES
from ._params import VECTOR_INIT as VECTOR_INIT
from ._params import ParamSpec as ParamSpec
from ._params import init_params as init_params
from ._params import param_specs as param_specs
from ._params import state_names as state_names
from ._stable import heaviside as heaviside
from ._stable import relu as relu
from ._stable import sigmoid as sigmoid
from ._stable import tanh as tanh
from ._step import step as step
from ._step import unroll as unroll
from ._validate import check_size as check_size
from ._weights import check_params as check_params

__all__ = [
    "CELL_NAMES",
    "HANDWRITTEN",
    "SCHEMES",
    "VECTOR_INIT",
    "BPTTResult",
    "BlockJacobian",
    "CellKernel",
    "ParamSpec",
    "bptt",
    "check_params",
    "check_size",
    "heaviside",
    "init_params",
    "jacobian",
    "jacobian_product",
    "kernel",
    "param_specs",
    "relu",
    "sigmoid",
    "state_names",
    "step",
    "tanh",
    "unroll",
]
