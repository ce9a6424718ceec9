#!/usr/bin/env python
"""Django's command-line utility for the archival catalogue."""

import os
import sys

# Commands that only read or build the code base: they need no production
# secrets (settings.CODE_ONLY), so migrations, checks and the fixture build run
# on any machine.
CODE_ONLY_COMMANDS = {"makemigrations", "check", "build_fixtures", "showmigrations", "help"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    command = sys.argv[1:2]
    if not command or command[0] in CODE_ONLY_COMMANDS or {"-h", "--help"} & set(sys.argv):
        os.environ.setdefault("DJANGO_CODE_ONLY", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
