"""symrnn.trained: your trained model — import its weights, check the article's bounds on them.

* :func:`from_torch`: one layer of a PyTorch ``nn.RNN``/``LSTM``/``GRU`` (or ``*Cell``), its
  ``state_dict()`` or a ``.pt`` file, as a catalog cell and its parameters;
* :func:`load_params`, :func:`save_params`: the same as plain ``.npz`` files (no PyTorch);
* :func:`check_weights`: the certified one-step bounds of the article's readings evaluated on
  the model's matrices, beside the per-step Jacobian norms measured along its inputs.

PyTorch is optional (``pip install 'symrnn[torch]'``): it is imported only to read a module or
a ``.pt`` file.
"""

from typing import TYPE_CHECKING

from .._lazy import attach, names_of

if TYPE_CHECKING:
    from ._bounds import BoundCheck as BoundCheck
    from ._bounds import WeightsReport as WeightsReport
    from ._bounds import check_weights as check_weights
    from ._model import Weights as Weights
    from ._npz import load_params as load_params
    from ._npz import save_params as save_params
    from ._torch import from_torch as from_torch

__all__ = ["BoundCheck", "Weights", "WeightsReport", "check_weights", "from_torch",
           "load_params", "save_params"]

_IMPORTS = {
    "._bounds": "BoundCheck WeightsReport check_weights",
    "._model": "Weights",
    "._npz": "load_params save_params",
    "._torch": "from_torch",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
