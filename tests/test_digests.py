"""A file's remembered sha256 (clips/digests.py): the digest is the file's own, it is not
read again while the file is unchanged (a rename included), and any change, or a memo that
cannot be read, makes it read again."""

import hashlib
import os

import pytest

from clips import digests


def own_sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def never_read(path):
    raise AssertionError(f"{path} was read again")


def test_an_unchanged_file_is_not_read_again_even_renamed(tmp_path, monkeypatch):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"frames" * 1000)
    cache = tmp_path / "cache"
    assert digests.remembered_sha256(clip, cache) == own_sha256(clip)
    placed = tmp_path / "placed.mp4"
    os.replace(clip, placed)  # as a clip is placed: renamed, the same inode
    monkeypatch.setattr(digests, "sha256_of", never_read)
    assert digests.remembered_sha256(placed, cache) == own_sha256(placed)


def test_a_digest_given_when_written_is_remembered(tmp_path, monkeypatch):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"x" * 10)
    digests.remember_sha256(clip, own_sha256(clip), tmp_path / "cache")
    monkeypatch.setattr(digests, "sha256_of", never_read)
    assert digests.remembered_sha256(clip, tmp_path / "cache") == own_sha256(clip)


@pytest.mark.parametrize("change", ["same size, new time", "new size, same time"])
def test_a_changed_file_is_read_again(tmp_path, change):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"a" * 100)
    os.utime(clip, ns=(1_000_000_000, 1_000_000_000))
    cache = tmp_path / "cache"
    digests.remembered_sha256(clip, cache)
    clip.write_bytes(b"b" * 100 if change.startswith("same size") else b"a" * 101)
    later = 2_000_000_000 if change.startswith("same size") else 1_000_000_000
    os.utime(clip, ns=(later, later))
    assert digests.remembered_sha256(clip, cache) == own_sha256(clip)


def test_a_broken_memo_or_a_read_only_cache_costs_a_reading_not_a_wrong_digest(tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"c" * 50)
    cache = tmp_path / "cache"
    digests.remembered_sha256(clip, cache)
    (memo,) = (cache / digests.MEMO_FOLDER).iterdir()
    memo.write_text('{"signature": [1', encoding="utf-8")  # a killed run's half
    assert digests.remembered_sha256(clip, cache) == own_sha256(clip)
    memo.write_text('{"signature": 3, "sha256": "0"}', encoding="utf-8")  # not a signature
    assert digests.remembered_sha256(clip, cache) == own_sha256(clip)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    assert digests.remembered_sha256(clip, blocked) == own_sha256(clip)
