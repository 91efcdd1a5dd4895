"""Plans, columns and slots; the year table, the month grid and the agenda."""
