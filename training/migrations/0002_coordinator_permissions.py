"""The training coordinator edits the catalogue in the admin: grant the role's group the model permissions."""

from django.db import migrations

EDIT = ("topic", "course", "session")
VIEW = ("enrolment", "certificate", "trainingneed")


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after the migrations; create the training ones now so they can be granted.
    create_permissions(global_apps.get_app_config("training"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="training_coordinator")
    codenames = [f"{action}_{model}" for model in EDIT for action in ("add", "change", "view")]
    codenames += [f"view_{model}" for model in VIEW]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="training", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="training_coordinator").first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="training"))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("ncb", "0003_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
