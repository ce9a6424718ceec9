"""Create the first superuser and one demo Archivist and Editor."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# (role, default user name, group, option/env stem). Superusers need no group.
ACCOUNTS = [
    ("superuser", "admin", None, "superuser"),
    ("archivist", "archivist", "Archivist", "archivist"),
    ("editor", "editor", "Editor", "editor"),
]
# Only ever used with DJANGO_DEBUG on (a local install); refused otherwise.
LOCAL_DEFAULT_PASSWORD = "{username}-local-only"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Create (or bring up to date) the first superuser and one demo Archivist and Editor. "
        "Passwords come from --<role>-password or the DEMO_<ROLE>_PASSWORD environment "
        "variables; with DJANGO_DEBUG on, a missing password falls back to a local default, "
        "with it off the command refuses to run without every password."
    )

    def add_arguments(self, parser):
        for role, username, _group, stem in ACCOUNTS:
            parser.add_argument(f"--{stem}", default=username, help=f"user name of the {role}")
            parser.add_argument(
                f"--{stem}-password",
                help=f"password of the {role} (or set DEMO_{stem.upper()}_PASSWORD)",
            )
        parser.add_argument("--email", default="", help="e-mail address for the superuser")

    @transaction.atomic
    def handle(self, *args, **options):
        plans = [self._plan(role, group, stem, options) for role, _u, group, stem in ACCOUNTS]
        lines = [self._apply(plan, options["email"]) for plan in plans]
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{len(lines)} accounts ready."))

    def _plan(self, role, group_name, stem, options):
        username = options[stem]
        password = options[f"{stem}_password"] or os.environ.get(f"DEMO_{stem.upper()}_PASSWORD")
        explicit = bool(password)
        if not explicit:
            if not settings.DEBUG:
                raise CommandError(
                    f"No password for the {role} {username!r}: give --{stem}-password or set "
                    f"DEMO_{stem.upper()}_PASSWORD. Default passwords are only used with "
                    "DJANGO_DEBUG on (a local install)."
                )
            password = LOCAL_DEFAULT_PASSWORD.format(username=username)
        else:
            try:
                validate_password(password, get_user_model()(username=username))
            except ValidationError as error:
                raise CommandError(
                    f"The {role}'s password is too weak: {' '.join(error.messages)}"
                ) from None
        group = None
        if group_name:
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                raise CommandError(f"The {group_name} group is missing: run `manage.py migrate`.")
        return {
            "role": role,
            "username": username,
            "password": password,
            "explicit": explicit,
            "group": group,
        }

    def _apply(self, plan, email):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=plan["username"])
        user.is_staff = True
        if plan["role"] == "superuser":
            user.is_superuser = True
            user.email = user.email or email
        # An existing account keeps its password unless a new one was given.
        if created or plan["explicit"]:
            user.set_password(plan["password"])
        user.save()
        if plan["group"] is not None:
            user.groups.add(plan["group"])
        state = "created" if created else "already existed"
        if created or plan["explicit"]:
            shown = "as given" if plan["explicit"] else f"{plan['password']!r} (local default)"
            password_note = f"password {shown}"
        else:
            password_note = "password unchanged"  # noqa: S105 - a message, not a password
        return f"{plan['role'].capitalize()} {plan['username']!r} {state}; {password_note}."
