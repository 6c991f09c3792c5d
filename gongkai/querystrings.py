"""Query strings of filtered, paged lists (the FOI work list, the plan ledger): links that keep the filters."""


def query_without(query, *names):
    """The request's query string without `names`, ready for one more parameter: '?' or '?a=1&'."""
    query = query.copy()
    for name in names:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"?{encoded}&" if encoded else "?"
