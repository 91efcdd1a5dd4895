"""Tin, bài for the provincial website (Trang TTĐT): events to report, items submitted by the
district units, Ban Biên tập's decisions, the monthly quota tally and the year's scoreboard."""
