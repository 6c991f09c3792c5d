from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.documents.standard import seed as seed_catalogue

    seed_catalogue(apps)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
