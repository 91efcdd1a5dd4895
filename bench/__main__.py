"""Run every benchmark once and print its report."""

from bench import feeds, pages

if __name__ == "__main__":
    feeds.main()
    print()
    pages.main()
