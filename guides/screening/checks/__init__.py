"""Check functions, one module per family; importing this package registers them all."""

from guides.screening.checks import (  # noqa: F401
    assets,
    classes,
    elderly,
    employment,
    expenses,
    housing,
    illness,
    income,
    medical,
    residence,
    rural,
    student,
    tekun,
    temporary,
    veteran,
)
