"""The calendar pages that show every source: the month grid, the agenda, a unit's page.

They sit above the features, beside the feeds, and read the one aggregator
(:mod:`editorial.events.sources`).
"""
