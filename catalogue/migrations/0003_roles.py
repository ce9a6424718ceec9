"""The Archivist and Editor groups with their permissions (the role matrix in README.md).

Archivist: view, add and change every catalogue model (records, link rows
such as agents, mentions and citations), view their histories; never delete,
never publish. Editor: everything an Archivist has, plus delete and publish.
Superusers have every permission and belong to neither group.
"""

from django.db import migrations

ARCHIVIST = "Archivist"
EDITOR = "Editor"
# Tables the code derives from the records (the search index); nobody edits them.
DERIVED = {"searchentry", "searchname"}


def _permissions(apps, using):
    """Return (archivist codenames, editor codenames) for the catalogue as it stands here."""
    archivist, editor = set(), set()
    for model in apps.get_app_config("catalogue").get_models():
        name = model._meta.model_name
        if name in DERIVED:
            continue
        if name.startswith("historical"):
            # History is read here and restored through the record's own form.
            archivist.add(f"view_{name}")
            editor.add(f"view_{name}")
            continue
        for action in ("view", "add", "change"):
            archivist.add(f"{action}_{name}")
            editor.add(f"{action}_{name}")
        editor.add(f"delete_{name}")
        for codename, _label in model._meta.permissions:
            if codename.startswith("publish_"):
                editor.add(codename)
    return archivist, editor


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    using = schema_editor.connection.alias
    # Permissions are normally made after all migrations have run; make them
    # now so the groups can be given them on a fresh database.
    app_config = apps.get_app_config("catalogue")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    archivist_codenames, editor_codenames = _permissions(apps, using)
    for name, codenames in ((ARCHIVIST, archivist_codenames), (EDITOR, editor_codenames)):
        group, _created = Group.objects.using(using).get_or_create(name=name)
        permissions = Permission.objects.using(using).filter(
            content_type__app_label="catalogue", codename__in=codenames
        )
        missing = codenames - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions not found for the {name} role: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=[ARCHIVIST, EDITOR]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("catalogue", "0002_search_index"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
