"""Check functions, one module per family; importing this package registers them all."""

from guides.screening.checks import income  # noqa: F401
