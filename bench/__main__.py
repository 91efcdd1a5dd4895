"""Run every benchmark once and print its report."""

from bench import feeds

if __name__ == "__main__":
    feeds.main()
