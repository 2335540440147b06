"""What the quote picker adds to each source page while `mkdocs serve` runs.

    .venv/bin/python -m benchmarks.picker --sizes 100 1000

For the benchmark corpus of each size: the time (CPU seconds of this process) to make
the data of every source page, as the plugin does in `on_post_page`, and the size
of a block. The index of names and quote ids, made once per build, is timed apart.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from briefing.picker import PickerIndex, data_attribute, page_data
from briefing.pipeline import build

from .corpus import generate, write


def measure(size: int, seed: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        result = build(write(Path(folder) / "content", generate(size, seed)))
    linked = result.linked
    if linked is None:
        raise SystemExit(f"the benchmark corpus of {size} sources does not build")
    start = time.process_time()
    index = PickerIndex.of(linked)
    indexed = time.process_time() - start
    times, sizes = [], []
    for source_id in linked.sources:
        start = time.process_time()
        block = data_attribute(page_data(linked, index, source_id))
        times.append(time.process_time() - start)
        sizes.append(len(block.encode("utf-8")))
    return (f"| {size:,} | {indexed * 1000:.1f} ms | {statistics.median(times) * 1000:.2f} ms "
            f"| {sum(times):.2f} s | {statistics.median(sizes) / 1024:.1f} kB "
            f"| {max(sizes) / 1024:.1f} kB |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print("| sources | index | per page (median) | all pages | block (median) | largest |")
    print("|---|---|---|---|---|---|")
    for size in args.sizes:
        print(measure(size, args.seed), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
