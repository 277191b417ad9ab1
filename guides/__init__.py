"""What the government says, as data, and the reasoning over it.

Region guides, dated parameters, shared field enumerations, the household model and the
pre-screening engine. Imports none of the other packages of this project.
"""
