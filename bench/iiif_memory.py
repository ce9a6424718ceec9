"""Peak memory and time of making one scan's IIIF tiles (what the job does).

Each case runs in a fresh child process that imports Django and the tile
code, notes its resident set size, makes the whole level-0 pyramid of a
synthetic page (bench/scan_memory.py's pages) into a throw-away folder through
Django's FileSystemStorage, and reports the peak resident set size (VmHWM)
above that baseline, the files written and their size.

    .venv/bin/python bench/iiif_memory.py
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from scan_memory import A4_600DPI, _status_mib, django_child, make_page

ROOT = Path(__file__).resolve().parent.parent

CASES = [
    ("A4 at 600 dpi, colour JPEG", A4_600DPI, "RGB", "JPEG"),
    ("A4 at 600 dpi, colour TIFF (LZW)", A4_600DPI, "RGB", "TIFF"),
]


def child(path, out):
    """Run in the child: make the tiles of one scan; print peaks in MiB."""
    django_child()
    from django.core.files import File
    from django.core.files.storage import FileSystemStorage

    from catalogue.iiif.tiles import make_tiles

    baseline = _status_mib("VmHWM")
    started = time.perf_counter()
    with open(path, "rb") as handle:
        scan = SimpleNamespace(pk=1, image=File(handle, name=Path(path).name))
        pyramid = make_tiles(scan, storage=FileSystemStorage(location=out))
    seconds = time.perf_counter() - started
    files = [p for p in Path(out).rglob("*") if p.is_file()]
    print(
        json.dumps(
            {
                "baseline": baseline,
                "peak": _status_mib("VmHWM"),
                "seconds": seconds,
                "files": len(files),
                "bytes": sum(p.stat().st_size for p in files),
                "levels": len(pyramid.scale_factors),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    print(
        f"{'case':35} {'file MB':>8} {'peak MiB':>9} {'above base':>11} "
        f"{'seconds':>8} {'files':>6} {'tiles MB':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="iiif-memory-") as work:
        for n, (label, size, mode, fmt) in enumerate(CASES):
            path = Path(work) / f"page.{fmt.lower()}"
            make_page(path, size, mode, fmt)
            out = Path(work) / f"tiles-{n}"
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path), str(out)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                print(f"{label:35} failed: {result.stderr.strip().splitlines()[-1]}")
                continue
            f = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"{label:35} {path.stat().st_size / 1e6:8.1f} {f['peak']:9.0f} "
                f"{f['peak'] - f['baseline']:11.0f} {f['seconds']:8.1f} {f['files']:6} "
                f"{f['bytes'] / 1e6:9.1f}"
            )


if __name__ == "__main__":
    main()
