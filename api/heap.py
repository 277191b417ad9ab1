"""Keep the garbage collector off the long-lived part of a worker's heap.

A worker holds a few hundred thousand long-lived objects (the KB index, the guides, the intent
classifier). Chat turns promote short-lived objects into the oldest generation, so CPython runs
a full collection every second or two under load, and each one walks the whole heap: measured
at 70-140 ms a pause on this machine's service, a tail-latency spike for every turn waiting
behind it. Freezing the heap once it is built moves those objects out of the collector's sight
(CPython's gc.freeze); they are still freed by reference counting when a rebuild drops them.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up or a rebuild left behind, then freeze the rest.

    Called after the services are built and after each rebuild: the frozen set is first
    released so that the objects of a replaced index can be collected (cycles included).
    The collection holds the GIL for a moment (about 0.1 s at start-up); a KB or parameter
    change is rare enough for that to be the right trade against a pause every second."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
