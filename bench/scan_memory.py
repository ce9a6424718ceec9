"""Peak memory of accepting one scan: the check and the served copies.

Each case runs in a fresh child process (so one case's peak does not hide
another's) that imports Django and catalogue.images, notes its resident set
size, runs what an upload runs (validate_scan, sha256, served_copies) on a
file on disk, and reports the peak resident set size (VmHWM) above that
baseline. The images are synthetic pages (a light background, dark lines of
"text", a gradient), so they compress like scans and stay within
MAX_IMAGE_UPLOAD_BYTES.

    .venv/bin/python bench/scan_memory.py                  # this work tree's code
    .venv/bin/python bench/scan_memory.py --root /other/checkout   # e.g. before a change
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

A4_600DPI = (4960, 7016)  # 8.27 x 11.69 inches at 600 dots per inch: 34.8 megapixels
LARGEST_SIDE = 9459  # 9459 x 9459 = 89.47 megapixels, just under Pillow's limit

CASES = [
    ("A4 at 600 dpi, colour JPEG", A4_600DPI, "RGB", "JPEG"),
    ("A4 at 600 dpi, colour PNG", A4_600DPI, "RGB", "PNG"),
    ("A4 at 600 dpi, colour TIFF (LZW)", A4_600DPI, "RGB", "TIFF"),
    ("largest accepted (89.5 MP), colour JPEG", (LARGEST_SIDE, LARGEST_SIDE), "RGB", "JPEG"),
    ("largest accepted (89.5 MP), PNG with alpha", (LARGEST_SIDE, LARGEST_SIDE), "RGBA", "PNG"),
]


def make_page(path, size, mode, fmt):
    from PIL import Image, ImageDraw

    page = Image.linear_gradient("L").resize(size).point(lambda v: 200 + v // 5)
    page = Image.merge("RGB", [page, page, page.point(lambda v: v - 10)])
    draw = ImageDraw.Draw(page)
    for y in range(size[1] // 20, size[1] - size[1] // 20, 90):
        for x in range(size[0] // 10, size[0] - size[0] // 10, 400):
            draw.rectangle([x, y, x + 300, y + 30], fill=(30, 30, 40))
    if mode == "RGBA":
        page.putalpha(255)
    options = {"JPEG": {"quality": 85}, "TIFF": {"compression": "tiff_lzw"}}.get(fmt, {})
    page.save(path, fmt, **options)


def django_child():
    """Set Django up in a bench child process; returns its resident-set baseline in MiB."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    import django

    django.setup()
    return _status_mib("VmHWM")


def child(path):
    """Run in the child: accept one scan as an upload does; print peaks in MiB."""
    django_child()
    from django.core.files import File

    from catalogue import images

    baseline = _status_mib("VmHWM")
    started = time.perf_counter()
    with open(path, "rb") as handle:
        upload = File(handle, name=Path(path).name)
        images.validate_scan(upload)
        images.sha256_of(upload)
        images.served_copies(upload, "bench")
    seconds = time.perf_counter() - started
    peak = _status_mib("VmHWM")
    print(json.dumps({"baseline": baseline, "peak": peak, "seconds": seconds}))


def _status_mib(field):
    # The process's own high-water mark. Not ru_maxrss: Linux carries that
    # over from the parent across fork and exec, so it would report the
    # parent's peak (the parent made a large image just before).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=str(ROOT), help="the checkout whose code is measured")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    env = {**os.environ, "PYTHONPATH": args.root}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    print(f"Code measured: {args.root}")
    print(f"{'case':45} {'file MB':>8} {'peak MiB':>9} {'above base':>11} {'seconds':>8}")
    with tempfile.TemporaryDirectory(prefix="scan-memory-") as work:
        for label, size, mode, fmt in CASES:
            path = Path(work) / f"page.{fmt.lower()}"
            make_page(path, size, mode, fmt)
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                cwd=args.root,
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                print(f"{label:45} failed: {result.stderr.strip().splitlines()[-1]}")
                continue
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"{label:45} {path.stat().st_size / 1e6:8.1f} {figures['peak']:9.0f} "
                f"{figures['peak'] - figures['baseline']:11.0f} {figures['seconds']:8.1f}"
            )


if __name__ == "__main__":
    main()
