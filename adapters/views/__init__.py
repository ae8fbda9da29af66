"""The read side in the store: the views, kept up to date with the log
(`adapters.views.views.Views`), the tables they keep, and the queries officers
and scripts ask of them.

Importing this package imports nothing: a query that reads a view's table
directly (`adapters.quick_reads`) loads the tables' declarations alone.
"""
