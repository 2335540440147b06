"""Memory of a whole `mkdocs build`: the build's process and its Pagefind child together.

    .venv/bin/python -m benchmarks.together PROJECT

PROJECT is a folder with a mkdocs.yml, such as one `benchmarks.run` made
(`--workdir DIR` gives DIR/N/project). Its `.cache/` is removed first, so the build is
fresh. The build has two children in turn: the pipeline's own process
(`pipeline.build(apart=True)`), then Pagefind, each running while the build's process
holds what it holds then, so what a machine needs is the peak of the processes together,
which no process's own high-water mark shows. All resident sizes are read every second
(a peak shorter than that can be missed), as well as each process's own high-water mark
(VmHWM) and the build's resident size while each child runs: the build's largest size
then plus the child's own peak bounds what the samples missed. Linux only (/proc).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path


def status(pid: int, name: str) -> float:
    """A field of /proc/PID/status in MB, 0 once the process has ended."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(name + r":\s+(\d+)", text)
    return int(found.group(1)) / 1024 if found else 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def kind(pid: int) -> str:
    """Which of the build's children a process is: Pagefind, or the pipeline's own process
    (`pipeline.build(apart=True)`)."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "gone"
    return "Pagefind" if "pagefind" in name else "pipeline"


class Phase:
    """One child's run: its own peak (VmHWM), and the build's size beside it."""

    def __init__(self) -> None:
        self.hwm = 0.0
        self.beside: list[float] = []

    def line(self, name: str) -> str:
        low, high = min(self.beside, default=0), max(self.beside, default=0)
        return (f"{name}'s own peak {self.hwm:,.0f} MB, the build's process meanwhile "
                f"{low:,.0f}-{high:,.0f} MB (at most {high + self.hwm:,.0f} MB together)")


def main(argv: list[str] | None = None) -> int:
    project = Path((argv if argv is not None else sys.argv[1:])[0]).resolve()
    shutil.rmtree(project / ".cache", ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = (0.0, 0.0, 0.0)  # the sum, the build's part, the children's
    build_hwm = 0.0
    phases = {"pipeline": Phase(), "Pagefind": Phase()}
    while proc.poll() is None:
        own = status(proc.pid, "VmRSS")
        build_hwm = max(build_hwm, status(proc.pid, "VmHWM"))
        kids = children(proc.pid)
        held = sum(status(kid, "VmRSS") for kid in kids)
        for kid in kids:
            phase = phases.get(kind(kid))
            if phase is not None:
                phase.hwm = max(phase.hwm, status(kid, "VmHWM"))
                phase.beside.append(own)
        if own + held > peak[0]:
            peak = (own + held, own, held)
        time.sleep(1)
    assert proc.stderr is not None
    if proc.returncode:
        print(proc.stderr.read()[-4000:], file=sys.stderr)
        return proc.returncode
    print(f"build {time.perf_counter() - start:.0f} s; together, sampled each second: "
          f"{peak[0]:,.0f} MB (build {peak[1]:,.0f} + its children {peak[2]:,.0f})")
    print(f"build's own peak {build_hwm:,.0f} MB")
    for name, phase in phases.items():
        if phase.beside:
            print(phase.line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
