"""The uploaded files of a backup come back as regular files inside the media folder, and nowhere else."""

import io
import tarfile

import pytest

from ncb.backups import BackupError, _media_archive, _media_extract


def _archive(path, members: dict[str, bytes], links: dict[str, str] | None = None):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, target
            tar.addfile(info)


def test_the_files_of_a_media_folder_come_back_as_they_were(tmp_path):
    media = tmp_path / "media"
    (media / "photos" / "2026").mkdir(parents=True)
    (media / "photos" / "2026" / "a.jpg").write_bytes(b"\xff\xd8 photo")
    (media / "imports.csv").write_text("reference;number\n")
    assert _media_archive(media, tmp_path / "media.tar.gz") == 2

    restored = tmp_path / "restored"
    assert _media_extract(tmp_path / "media.tar.gz", restored) == 2
    assert (restored / "photos" / "2026" / "a.jpg").read_bytes() == b"\xff\xd8 photo"
    assert (restored / "imports.csv").read_text() == "reference;number\n"


@pytest.mark.parametrize("name", ["../outside.txt", "photos/../../outside.txt", "/tmp/absolute.txt"])
def test_a_path_out_of_the_media_folder_is_refused(tmp_path, name):
    _archive(tmp_path / "media.tar.gz", {"fine.txt": b"ok", name: b"hostile"})
    with pytest.raises(BackupError, match="out of the media folder"):
        _media_extract(tmp_path / "media.tar.gz", tmp_path / "restored")
    assert not (tmp_path / "outside.txt").exists()


def test_links_are_not_restored(tmp_path):
    _archive(tmp_path / "media.tar.gz", {"fine.txt": b"ok"}, links={"passwd": "/etc/passwd"})
    assert _media_extract(tmp_path / "media.tar.gz", tmp_path / "restored") == 1
    assert sorted(path.name for path in (tmp_path / "restored").iterdir()) == ["fine.txt"]
