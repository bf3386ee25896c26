"""S6: print the village's household packets (500 households, ≥ 4 pages each) against bare ReportLab.

Usage: python bench/bench_print.py [N] [--repeat K] [--methods] [--workers W]
"""

import argparse

from fupin_desktop.reports.bench import run_print_bench


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("households", nargs="?", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1, help="best of K runs of each side")
    parser.add_argument("--methods", action="store_true", help="also time the pypdf-merge way of making one file")
    parser.add_argument("--workers", type=int, default=1, help="also time printing on this many processes")
    args = parser.parse_args(argv)
    run_print_bench(args.households, print, repeat=args.repeat, methods=args.methods, workers=args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
