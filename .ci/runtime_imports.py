"""Imports every module of the project with only requirements.txt installed: a
module that needs a package the test tools bring in by chance fails here, as
./serve.sh would on a fresh machine."""

import importlib
import os
import pkgutil
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")
sys.path.insert(0, os.getcwd())

import django  # noqa: E402

django.setup()

import archive_site  # noqa: E402
import catalogue  # noqa: E402

failed = []
for package in (archive_site, catalogue):
    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        try:
            importlib.import_module(module.name)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            failed.append(f"{module.name}: {error!r}")
print("\n".join(failed) or "Every module imports with the runtime requirements alone.")
sys.exit(1 if failed else 0)
