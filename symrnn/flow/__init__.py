"""symrnn.flow: measured gradient flow over long sequences (issue 7).

Products of Jacobians in log space with QR re-orthonormalisation, for every cell, scheme and
recurrent-weight scale, batched over seeds; plots; and empirical evidence for the claims
``vanish-explode``, ``lstm-long-sequences``, ``gru-less-stable`` and ``vanish-meaning``.
Everything here is measurement, labelled ``"empirical"``, never a proof.
"""

from typing import TYPE_CHECKING

from .._lazy import attach, names_of

if TYPE_CHECKING:
    from ._experiment import EXPLODE_FACTOR as EXPLODE_FACTOR
    from ._experiment import VANISH_FACTOR as VANISH_FACTOR
    from ._experiment import FlowGroup as FlowGroup
    from ._experiment import FlowResult as FlowResult
    from ._experiment import measure_flow as measure_flow

__all__ = ["EXPLODE_FACTOR", "VANISH_FACTOR", "FlowGroup", "FlowResult", "measure_flow"]

_IMPORTS = {
    "._experiment": "EXPLODE_FACTOR VANISH_FACTOR FlowGroup FlowResult measure_flow",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
