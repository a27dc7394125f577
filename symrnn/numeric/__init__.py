"""symrnn.numeric: the catalog cells in numpy, their Jacobians and BPTT."""

from ._bptt import BPTTResult as BPTTResult
from ._bptt import bptt as bptt
from ._jacobian import jacobian as jacobian
from ._jacobian import jacobian_product as jacobian_product
from ._params import CELL_NAMES as CELL_NAMES
from ._params import SCHEMES as SCHEMES
from ._params import init_params as init_params
from ._params import param_specs as param_specs
from ._params import state_names as state_names
from ._step import step as step
from ._step import unroll as unroll

__all__ = [
    "CELL_NAMES",
    "SCHEMES",
    "BPTTResult",
    "bptt",
    "init_params",
    "jacobian",
    "jacobian_product",
    "param_specs",
    "state_names",
    "step",
    "unroll",
]
