"""A TensorBoard event file writer for scalars and text, in plain Python.

The offline bundle leaves out ``tensorboard`` and ``torch.utils.tensorboard`` (and pip cannot
add them there), yet a teacher wants the curves in TensorBoard: the format is small. An event
file is a TFRecord stream (length, masked CRC-32C, bytes, masked CRC-32C) of ``Event`` protocol
buffers; the few fields used here are encoded by hand (field numbers from TensorFlow's
event.proto, summary.proto and tensor.proto).
"""

from __future__ import annotations

import os
import socket
import struct
import time
from pathlib import Path

_CRC_TABLE: list[int] = []


def _crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), the checksum TFRecord uses."""
    if not _CRC_TABLE:
        for n in range(256):
            c = n
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            _CRC_TABLE.append(c)
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _CRC_TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def _masked(data: bytes) -> bytes:
    crc = _crc32c(data)
    return struct.pack("<I", (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF)


def _varint(value: int) -> bytes:
    out = bytearray()
    value &= (1 << 64) - 1  # negative int64 values as protobuf writes them
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    """A length-delimited field (strings, bytes, nested messages)."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _event(wall_time: float, step: int, body: bytes) -> bytes:
    return struct.pack("<Bd", 1 << 3 | 1, wall_time) + _varint(2 << 3) + _varint(step) + body


class EventWriter:
    """Writes ``events.out.tfevents.<time>.<host>`` in ``log_dir`` (created)."""

    def __init__(self, log_dir: str | os.PathLike[str]) -> None:
        folder = Path(log_dir)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"events.out.tfevents.{int(time.time())}.{socket.gethostname() or 'netcanvas'}"
        self._file = open(folder / name, "wb")  # noqa: SIM115 - closed in close()
        self._record(_event(time.time(), 0, _field(3, b"brain.Event:2")))  # file_version

    def _record(self, data: bytes) -> None:
        length = struct.pack("<Q", len(data))
        self._file.write(length + _masked(length) + data + _masked(data))

    def add_scalar(self, tag: str, value: float, step: int, walltime: float | None = None) -> None:
        simple = _field(1, tag.encode()) + struct.pack("<Bf", 2 << 3 | 5, float(value))
        summary = _field(5, _field(1, simple))
        self._record(_event(time.time() if walltime is None else walltime, step, summary))

    def add_text(self, tag: str, text: str, step: int) -> None:
        """As torch's SummaryWriter does: a string tensor under ``<tag>/text_summary`` marked
        for TensorBoard's text plugin."""
        metadata = _field(1, _field(1, b"text"))  # SummaryMetadata.plugin_data.plugin_name
        shape = _field(2, _varint(1 << 3) + _varint(1))  # one dimension of size 1
        tensor = _varint(1 << 3) + _varint(7) + _field(2, shape) + _field(8, text.encode())
        value = _field(1, f"{tag}/text_summary".encode()) + _field(8, tensor) + _field(9, metadata)
        self._record(_event(time.time(), step, _field(5, _field(1, value))))

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()
