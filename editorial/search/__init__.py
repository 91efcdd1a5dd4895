"""One search box for slots, topics, units and people, with or without diacritics."""
