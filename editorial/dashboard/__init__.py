"""The home page per role: what an officer's unit owes, what waits for the editors."""
