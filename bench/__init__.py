"""Benchmarks, run by `make bench` (`python -m bench`), never by `make test`."""
