"""Web glue only: the fragment-or-page helper, error handlers, permission decorators."""
