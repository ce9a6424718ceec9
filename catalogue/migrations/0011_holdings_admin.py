"""The roles' permissions on the holdings (issue 16): Archivists view, add and change
repositories and collections and read their history; Editors may also delete and
publish them (the role matrix in README.md)."""

from django.db import migrations

NEW_MODELS = ("repository", "collection")


def grant_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    using = schema_editor.connection.alias
    app_config = apps.get_app_config("catalogue")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    archivist = {f"{action}_{name}" for name in NEW_MODELS for action in ("view", "add", "change")}
    archivist |= {f"view_historical{name}" for name in NEW_MODELS}
    editor = archivist | {f"delete_{name}" for name in NEW_MODELS}
    editor |= {f"publish_{name}" for name in NEW_MODELS}
    for name, codenames in (("Archivist", archivist), ("Editor", editor)):
        group = Group.objects.using(using).filter(name=name).first()
        if group is None:
            continue
        permissions = Permission.objects.using(using).filter(
            content_type__app_label="catalogue", codename__in=codenames
        )
        missing = codenames - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions not found for the {name} role: {sorted(missing)}")
        group.permissions.add(*permissions)


def revoke_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    using = schema_editor.connection.alias
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="catalogue",
        content_type__model__in=[*NEW_MODELS, *(f"historical{name}" for name in NEW_MODELS)],
    )
    for group in Group.objects.using(using).filter(name__in=["Archivist", "Editor"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0010_holdings")]

    operations = [migrations.RunPython(grant_roles, revoke_roles)]
