"""Run the benchmark suite: ``python -m benchmarks [--quick] [--strict] [--list] [FILTER...]``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks._harness import Result, format_table, run_case


def _modules() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        f"benchmarks.{m.name}"
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke mode: tiny inputs, short runs")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("filters", nargs="*", help="run only cases whose name contains one")
    args = parser.parse_args(argv)

    results: list[Result] = []
    started = time.perf_counter()
    for name in _modules():
        module = importlib.import_module(name)
        for case in module.cases(args.quick):
            if args.filters and not any(f in case.name for f in args.filters):
                continue
            if args.list:
                print(f"{name}: {case.name}")
                continue
            print(f"running {case.name} ...", file=sys.stderr, flush=True)
            results.append(run_case(case, quick=args.quick))
    if args.list:
        return 0
    print(format_table(results, quick=args.quick))
    print(f"\n{len(results)} benchmarks in {time.perf_counter() - started:.1f}s")
    if args.strict and not args.quick and any(r.met is False for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
