"""Sweep chunks become runs of persons ordered by year of birth, then id (databases.screening.sweep)."""

from django.db import migrations, models


def fail_unfinished_sweeps(apps, schema_editor):
    # Their chunks were ranges of ids, which the new columns cannot describe; the next nightly sweep covers all.
    MatchSweep = apps.get_model("databases", "MatchSweep")
    MatchSweepChunk = apps.get_model("databases", "MatchSweepChunk")
    unfinished = MatchSweep.objects.filter(status__in=["pending", "running"])
    MatchSweepChunk.objects.filter(sweep__in=unfinished).exclude(status="done").update(status="failed")
    unfinished.update(status="failed")


class Migration(migrations.Migration):
    dependencies = [
        ("databases", "0008_name_prefix_indexes"),
    ]

    operations = [
        migrations.RunPython(fail_unfinished_sweeps, migrations.RunPython.noop),
        migrations.RenameField(model_name="matchsweepchunk", old_name="last_id", new_name="until_id"),
        migrations.AlterField(
            model_name="matchsweepchunk",
            name="until_id",
            field=models.BigIntegerField(blank=True, null=True, verbose_name="next chunk's person id"),
        ),
        migrations.AddField(
            model_name="matchsweepchunk",
            name="first_year",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="first year of birth"),
        ),
        migrations.AddField(
            model_name="matchsweepchunk",
            name="until_year",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="next chunk's year of birth"),
        ),
        migrations.AlterModelOptions(
            name="matchsweepchunk",
            options={
                "ordering": ["sweep", "first_year", "first_id"],
                "verbose_name": "sweep chunk",
                "verbose_name_plural": "sweep chunks",
            },
        ),
    ]
