"""Dated policy numbers (低保标准 …) as data in the database, edited by staff with review.

models.py   the tables (beside the KB's, same engine)
store.py    the workflow: draft -> in_review -> published (reviewer != author), audit, seed
service.py  the published values as a `guides.params.Parameters`, cached per worker and
            rebuilt when a publish bumps the counter (Redis hint + periodic check)
csvio.py    CSV import/export (UTF-8 or GBK/GB18030)
"""
