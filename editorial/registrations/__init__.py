"""Registration by the 5th: each slot's unit registers, Ban PT-TG agrees or counters.

One registration per slot. A slot assigned to all district units (month 12 of seed 001) has
one shared registration too: any district unit's officer may register and answer for it, and
every entry of the thread names its author and unit. The agreed values live on the slot.
"""
