"""Optional downloads (MNIST, Fashion-MNIST, CIFAR-10) into a per-user cache, checked by SHA-256.

Never called implicitly: the user asks for it. Offline, the error says how to import the files.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tarfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

_MNIST = "https://ossci-datasets.s3.amazonaws.com/mnist/"
_FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"

# name -> [(url, file name, sha256)]
SOURCES: dict[str, list[tuple[str, str, str]]] = {
    "mnist": [
        (_MNIST + f, f, h)
        for f, h in (
            ("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            ("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            ("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            ("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
        )
    ],
    "fashion-mnist": [
        (_FASHION + f, f, h)
        for f, h in (
            ("train-images-idx3-ubyte.gz", "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc"),
            ("train-labels-idx1-ubyte.gz", "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc"),
            ("t10k-images-idx3-ubyte.gz", "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229"),
            ("t10k-labels-idx1-ubyte.gz", "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf"),
        )
    ],
    "cifar10": [
        (
            "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
            "cifar-10-python.tar.gz",
            "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
        )
    ],
}  # fmt: skip

_PAGES = {
    "mnist": "the four *-ubyte.gz files from a MNIST mirror",
    "fashion-mnist": "the four *-ubyte.gz files from github.com/zalandoresearch/fashion-mnist",
    "cifar10": "cifar-10-python.tar.gz from www.cs.toronto.edu/~kriz/cifar.html",
}


def cache_dir() -> Path:
    """Per-user cache: $NETCANVAS_CACHE, else the platform's usual cache folder."""
    override = os.environ.get("NETCANVAS_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "NetCanvas" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "NetCanvas"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "netcanvas"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(url: str, target: Path, sha256: str, report: Callable[[int, int], None]) -> None:
    partial = target.with_name(target.name + ".part")
    with urllib.request.urlopen(url, timeout=30) as response, partial.open("wb") as out:
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        while chunk := response.read(1 << 20):
            out.write(chunk)
            done += len(chunk)
            report(done, total)
    if _sha256(partial) != sha256:
        partial.unlink(missing_ok=True)
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "The download of {file} is corrupt (checksum mismatch). Try again."
            ),
            file=target.name,
        )
    partial.replace(target)


def download(name: str, progress: Callable[[float], None] | None = None) -> Path:
    """Fetch a dataset into the cache (once) and return its folder, ready for load_dataset."""
    if name not in SOURCES:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Unknown download '{name}'; choose from {sources}."),
            name=name,
            sources=", ".join(SOURCES),
        )
    folder = cache_dir() / name
    files = SOURCES[name]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for i, (url, file_name, sha256) in enumerate(files):
            target = folder / file_name
            if target.is_file() and _sha256(target) == sha256:
                continue

            def report(done: int, total: int, i: int = i) -> None:
                if progress is not None and total:
                    progress((i + min(1.0, done / total)) / len(files))

            _fetch(url, target, sha256, report)
        if name == "cifar10":
            return _extract_cifar(folder / files[0][1], folder)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "Could not download {name} ({reason}): you seem to be offline. To import the files instead: get {pages} on a machine with a network, copy them into one folder, and open that folder in NetCanvas.",
            ),
            name=name,
            reason=reason,
            pages=_PAGES[name],
        ) from None
    except OSError as error:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "Could not save the {name} download in '{folder}': {error}."
            ),
            name=name,
            folder=folder,
            error=error,
        ) from None
    if progress is not None:
        progress(1.0)
    return folder


def _extract_cifar(archive: Path, folder: Path) -> Path:
    target = folder / "cifar-10-batches-py"
    if (target / "test_batch").is_file():
        return target
    try:
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            for member in members:  # no absolute paths or '..' (older 3.11 lacks filter=)
                if member.name.startswith("/") or ".." in Path(member.name).parts:
                    raise DataError(
                        QT_TRANSLATE_NOOP(
                            "Engine", "The archive '{archive}' holds an unsafe path."
                        ),
                        archive=archive.name,
                    )
            if hasattr(tarfile, "data_filter"):
                tar.extractall(folder, members=members, filter="data")
            else:
                tar.extractall(folder, members=members)
    except tarfile.TarError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "The CIFAR-10 archive in '{folder}' is damaged ({error})."),
            folder=folder,
            error=error,
        ) from None
    return target


download_dataset = download  # the unambiguous name under which `engine` exports it
