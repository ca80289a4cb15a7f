"""A CRFsuite model read straight from its file (weights as numpy arrays) and its Viterbi decoder.

The tagger scores many tokens at once in numpy instead of going through ``pycrfsuite.Tagger`` one sentence (and
one Python feature string) at a time; :mod:`analysis.ner.stream` builds the attribute ids.  The tags are the same
as CRFsuite's, by construction and not by approximation:

* the weights are the file's own 64-bit floats (the model format of CRFsuite 0.12, ``crf1d_model.c``: a 48-byte
  header, a ``FEAT`` chunk of ``(type, src, dst, weight)`` records, and label and attribute strings in two CQDB
  chunks); ``Tagger.info()`` would not do, it prints weights with six decimals;
* a token's score for a label is summed in CRFsuite's order: ``0.0``, then the weight of each of the token's
  attributes in the order the item lists them (an attribute the model does not know adds nothing; adding a
  zero, the weight of a padding slot, changes no float);
* Viterbi as ``crf1dc_viterbi``: ``alpha[0] = state[0]``; ``alpha[t][j] = max_i(alpha[t-1][i] + trans[i][j]) +
  state[t][j]``; ties go to the lowest label id (CRFsuite keeps the first maximum, as ``numpy.argmax`` does),
  likewise for the last position.
"""
from __future__ import annotations

import struct
from typing import NamedTuple

import numpy as np

__all__ = ["CRFWeights", "read_crfsuite", "viterbi"]

_HEADER = struct.Struct("<4sI4sI8I")  # magic, size, type, version, num_features, num_labels, num_attrs, 5 offsets
_CHUNK = struct.Struct("<4sII")  # chunk id, size, number of items
_CQDB = struct.Struct("<4sIIIII")  # "CQDB", size, flag, byte order, backward array size, its offset
_CQDB_DATA = _CQDB.size + 256 * 8  # the records follow the header and the 256 hash-table references
_RECORD = struct.Struct("<iI")  # id, key size (with the terminating NUL)
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class CRFWeights(NamedTuple):
    """A linear-chain CRF: ``state[attribute id, label id]`` (one extra all-zero row, :attr:`pad`, for padding
    slots) and ``transition[from label, to label]``; ids are CRFsuite's own."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    transition: np.ndarray

    @property
    def pad(self) -> int:
        """The attribute id of the zero row: what a slot without a (known) attribute points at."""
        return len(self.state) - 1

    def ids(self, features: list[str] | tuple[str, ...]) -> tuple[int, ...]:
        """The ids of the features this model knows, in the given order (the others contribute nothing).  A feature
        is looked up as CRFsuite does, as a C string: up to a NUL character, if it has one."""
        return tuple(i for i in map(self.attributes.get, features) if i is not None)

    def id_of(self, feature: str) -> int | None:
        """The id of one feature (``None``: unknown), looked up as a C string (up to a NUL, if any)."""
        return self.attributes.get(feature.split("\0", 1)[0] if "\0" in feature else feature)


def _strings(data: bytes, offset: int, count: int, what: str) -> list[str]:
    """The ``count`` strings of the CQDB chunk at ``offset``, indexed by their ids (through its id -> record
    offset array; a record is ``id, key size, key, NUL``)."""
    chunk, size, _flag, order, bwd_size, bwd_offset = _CQDB.unpack_from(data, offset)
    if (chunk != b"CQDB" or order != 0x62445371 or offset + size > len(data) or bwd_size < count
            or bwd_offset + 4 * count > size):
        raise ValueError(f"bad {what} table at byte {offset}")
    if not count:
        return []
    at = np.frombuffer(data, dtype="<u4", count=count, offset=offset + bwd_offset).astype(np.int64) + offset
    if (at < offset + _CQDB_DATA).any() or (at + _RECORD.size > offset + size).any():
        raise ValueError(f"bad {what} table at byte {offset}")
    raw = np.frombuffer(data, dtype=np.uint8)
    fields = raw[at[:, None] + np.arange(_RECORD.size)].astype(np.int64)
    ident = fields[:, 0] | fields[:, 1] << 8 | fields[:, 2] << 16 | fields[:, 3] << 24
    ksize = fields[:, 4] | fields[:, 5] << 8 | fields[:, 6] << 16 | fields[:, 7] << 24
    start = at + _RECORD.size
    end = start + ksize - 1  # the NUL
    if ((ident != np.arange(count)).any() or (ksize < 1).any() or (end >= offset + size).any()
            or raw[end].any()):
        raise ValueError(f"bad {what} record in the table at byte {offset}")
    return [data[a:b].decode("utf-8") for a, b in zip(start.tolist(), end.tolist())]


def read_crfsuite(data: bytes) -> CRFWeights:
    """The weights of a CRFsuite (``crf1d``) model file's bytes; ``ValueError`` if they are not one."""
    if len(data) < _HEADER.size:
        raise ValueError("too short for a CRFsuite model")
    (magic, size, kind, version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs,
     _off_lrefs, _off_arefs) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or version != 100 or size != len(data):
        raise ValueError(f"not a CRFsuite 1d model (magic {magic!r}, type {kind!r}, version {version}, "
                         f"size {size} of {len(data)} bytes)")
    chunk, _size, n_features = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT" or off_features + _CHUNK.size + n_features * _FEATURE.itemsize > len(data):
        raise ValueError("bad feature chunk")
    feats = np.frombuffer(data, dtype=_FEATURE, count=n_features, offset=off_features + _CHUNK.size)
    labels = tuple(_strings(data, off_labels, n_labels, "label"))
    attrs = _strings(data, off_attrs, n_attrs, "attribute")
    is_state, is_trans = feats["type"] == 0, feats["type"] == 1
    if not (is_state | is_trans).all() or (feats["dst"] >= n_labels).any():
        raise ValueError("bad feature record")
    st, tr = feats[is_state], feats[is_trans]
    if (st["src"] >= n_attrs).any() or (tr["src"] >= n_labels).any():
        raise ValueError("bad feature record")
    state = np.zeros((n_attrs + 1, n_labels), dtype=np.float64)
    transition = np.zeros((n_labels, n_labels), dtype=np.float64)
    for table, rows in ((state, st), (transition, tr)):
        cells = rows["src"].astype(np.int64) * n_labels + rows["dst"]
        if len(cells) and np.bincount(cells).max() > 1:
            raise ValueError("two features for one (attribute or label, label) pair")
        table[rows["src"], rows["dst"]] = rows["weight"]
    state.setflags(write=False)
    transition.setflags(write=False)
    return CRFWeights(labels, {a: i for i, a in enumerate(attrs)}, state, transition)


def viterbi(state: np.ndarray, starts: np.ndarray, lengths: np.ndarray, transition: np.ndarray) -> np.ndarray:
    """Best label id of every token: ``state[token, label]`` scores, the sentences at ``starts`` with ``lengths``
    (each at least 1 token), decoded together, position by position (the longest sentence first)."""
    n, n_labels = state.shape
    out = np.zeros(n, dtype=np.intp)
    if not len(starts):
        return out
    order = np.argsort(-lengths, kind="stable")
    st, ln = starts[order], lengths[order]
    longest, count = int(ln[0]), len(st)
    active = np.searchsorted(-ln, -np.arange(longest), side="left")  # sentences longer than t
    alpha = state[st].copy()
    if longest * count <= 4 * n + 4096:  # position-major copies (padded): each step reads contiguous rows
        grid = st[None, :] + np.arange(longest)[:, None]
        valid = np.arange(longest)[:, None] < ln[None, :]
        by_pos = state[np.where(valid, grid, 0)]
        back = np.zeros((longest, count, n_labels), dtype=np.int16)
        for t in range(1, longest):
            m = int(active[t])
            cand = alpha[:m, :, None] + transition[None, :, :]
            back[t, :m] = cand.argmax(axis=1)
            alpha[:m] = cand.max(axis=1) + by_pos[t, :m]
        cur = alpha.argmax(axis=1)
        labels = np.zeros((longest, count), dtype=np.intp)
        rows = np.arange(count)
        for t in range(longest - 1, -1, -1):
            m = int(active[t])
            labels[t, :m] = cur[:m]
            if t:
                cur[:m] = back[t, rows[:m], cur[:m]]
        out[grid[valid]] = labels[valid]
        return out
    back = np.zeros((n, n_labels), dtype=np.int16)  # one very long sentence: no padding
    for t in range(1, longest):
        m = int(active[t])
        idx = st[:m] + t
        cand = alpha[:m, :, None] + transition[None, :, :]
        back[idx] = cand.argmax(axis=1)
        alpha[:m] = cand.max(axis=1) + state[idx]
    cur = alpha.argmax(axis=1)
    for t in range(longest - 1, -1, -1):
        m = int(active[t])
        idx = st[:m] + t
        out[idx] = cur[:m]
        if t:
            cur[:m] = back[idx, cur[:m]]
    return out
