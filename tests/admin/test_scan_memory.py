"""Accepting a large scan needs about one decoded copy of it in memory, not
four: it was 1.5 GB for the largest image accepted (see bench/scan_memory.py)."""

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SIDE = 6000
DECODED_MIB = SIDE * SIDE * 4 / 2**20  # RGBA, 4 bytes a pixel: 137 MiB

PROBE = """
import django, sys
from pathlib import Path
django.setup()
from django.core.files import File
from catalogue import images

def high_water_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

before = high_water_mib()
with open(sys.argv[1], "rb") as handle:
    upload = File(handle, name="scan.png")
    images.validate_scan(upload)
    images.served_copies(upload, "probe")
print(high_water_mib() - before)
"""


def test_a_large_rgba_scan_is_accepted_within_about_one_decoded_copy(tmp_path):
    path = tmp_path / "scan.png"
    Image.new("RGBA", (SIDE, SIDE), (230, 225, 210, 255)).save(path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive_site.settings", "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    growth = float(result.stdout.strip().splitlines()[-1])
    # Before: the decoded master, a premultiplied copy, a flattened copy and
    # the resize's working copy: about four times the decoded size.
    assert growth < 2 * DECODED_MIB, f"{growth:.0f} MiB for a {DECODED_MIB:.0f} MiB image"
