"""The stacked NER tagger, fast and in bounded memory: the features of :mod:`analysis.ner.features` and
:mod:`analysis.ner.document` as attribute ids, scored in numpy (:mod:`analysis.ner.crf`), a chunk of sentences at a
time.

The tags are those of the plain path (``sentence_features`` -> stage-1 ``pycrfsuite`` tagger -> ``stage2_features``
-> stage-2 tagger, kept as :func:`analysis.ner.model.tag_sentences_reference`): same features, in the same order,
the ones a model has no weight for left out (they add nothing to any score), summed in CRFsuite's order.  What
changes is how they are built:

* each distinct token is looked at once (:class:`_Types`): the ids of its own features are summed into one score
  vector per model (the first block of every item, so the prefix sum is exactly CRFsuite's running sum), the ids
  it gives its neighbours at -2..+2 are kept as padded rows, its one-word name-list match and the first words of
  longer listed names it may start are looked up once;
* a chunk of sentences becomes a matrix of attribute ids (a column per feature slot, in item order; a slot with
  nothing in it points at the model's zero row), added column by column; stage-1 and the first part of stage 2
  are built together;
* document evidence (``doc=``) counts the stage-1 types of each word over a sliding window of sentences
  (each sentence is added and removed once) instead of re-summing the window for every sentence;
* stage 2 of a chunk runs once the stage-1 tags of the ``window`` sentences after it are known, so only a chunk
  and a window of sentences are in memory at a time, never the features of the whole document.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

import numpy as np

from analysis.ner import features as _features
from analysis.ner.crf import CRFWeights, viterbi
from analysis.ner.evaluate import repair_bio
from analysis.ner.features import Gazetteer

__all__ = ["StackedTagger", "CHUNK_TOKENS", "MAX_TYPES"]

CHUNK_TOKENS = 4096  # tokens of stage 1 built and scored at once
MAX_TYPES = 150_000  # distinct tokens remembered between chunks and calls (~650 bytes each); then it starts over
_NB = (-2, -1, 1, 2)
_DOC_TYPES = ("O", "LOC", "MISC", "ORG", "PERS")  # entity types in sorted order: a tie goes to the first
_BOS, _EOS = 0, 1  # the sentinel types standing for "before the sentence" and "after the sentence"
# meta columns of a type
_KC, _FC, _SPORT, _PAIR = range(4)


class _Grow:
    """A 2-D numpy array that grows by rows (capacity doubling) and, padded with ``fill``, by columns."""

    def __init__(self, width: int, dtype: type, fill: float) -> None:
        self.a: np.ndarray = np.full((256, width), fill, dtype=dtype)
        self.n = 0
        self.fill = fill

    def add(self, rows: np.ndarray) -> None:
        need = self.n + len(rows)
        width = max(self.a.shape[1], rows.shape[1])
        if need > len(self.a) or width > self.a.shape[1]:
            new = np.full((max(need, 2 * len(self.a)), width), self.fill, dtype=self.a.dtype)
            new[:self.n, :self.a.shape[1]] = self.a[:self.n]
            self.a = new
        self.a[self.n:need, :rows.shape[1]] = rows
        self.n = need


def _padded(rows: Sequence[Sequence[int]], fill: int, dtype: type) -> np.ndarray:
    """``rows`` (of any lengths) as one array, each padded with ``fill`` to the longest."""
    lens = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
    out: np.ndarray = np.full((len(rows), int(lens.max(initial=0))), fill, dtype=dtype)
    out[np.arange(out.shape[1]) < lens[:, None]] = np.fromiter(chain.from_iterable(rows), dtype=dtype,
                                                               count=int(lens.sum()))
    return out


class _Side:
    """What one model (stage 1 or stage 2) reads: its weights and the attribute ids of the fixed feature tables."""

    def __init__(self, w: CRFWeights, coarse: Sequence[str], fine: Sequence[str]) -> None:
        self.w = w
        pad, get = w.pad, w.attributes.get
        self.dtype = np.int16 if pad < 2 ** 15 else np.int32  # attribute ids as stored per type

        def table(prefix: str, values: Sequence[str]) -> np.ndarray:  # value index -> id; the extra last -> pad
            return np.array([get(prefix + v, pad) for v in values] + [pad], dtype=np.int32)

        self.bos = get("BOS", pad)
        self.eos = get("EOS", pad)
        self.sport = get("sport", pad)
        self.ck = {d: table(f"ck{d:+d}=" if d else "ck=", coarse) for d in (0, *_NB)}
        self.cf = {d: table(f"cf{d:+d}=" if d else "cf=", fine) for d in (0, -1, 1)}
        fine_ix = {f: i for i, f in enumerate(fine)}
        self.cf_pair = np.full((len(fine) + 1, len(fine) + 1), pad, dtype=np.int32)
        for attr, i in w.attributes.items():
            if attr.startswith("cf|cf+1="):
                a, _, b = attr[len("cf|cf+1="):].partition("|")
                if a in fine_ix and b in fine_ix:
                    self.cf_pair[fine_ix[a], fine_ix[b]] = i
        self.sig: list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = [((), (), (), ())]

    def add_signature(self, feats: tuple[str, ...]) -> None:
        """Ids of a token's list features (``gB=T``, ...) as its own, ``sp|`` marked, and given to the token after
        and before it (``gB-1=T``, ``gB+1=T``)."""
        w = self.w
        self.sig.append((w.ids(feats), w.ids(["sp|" + x for x in feats]),
                         w.ids([x.replace("=", "-1=", 1) for x in feats]),
                         w.ids([x.replace("=", "+1=", 1) for x in feats])))

    def sig_table(self, used: np.ndarray, part: int) -> np.ndarray:
        """Rows (padded) of the ``part`` ids of the signatures ``used``, indexed like ``used``."""
        return _padded([self.sig[u][part] for u in used.tolist()], self.w.pad, np.int32)


class _Types:
    """Every distinct token seen: its normalised form, the summed score of its own features per model, the ids it
    gives its neighbours, its clusters.  Types 0 and 1 are the sentinels before and after a sentence."""

    def __init__(self, sides: tuple[_Side, _Side], n_labels: tuple[int, int], no_cluster: tuple[int, int]) -> None:
        self.index: dict[str, int] = {}
        self.norm: list[str] = ["", ""]
        self.rest: list[str] = ["", ""]
        self.selfsum = [_Grow(n, np.float64, 0.0) for n in n_labels]
        self.nb = [{d: _Grow(1, s.dtype, s.w.pad) for d in _NB} for s in sides]
        # per type: (first word, most words) of the listed names of two words or more it can start, and the list
        # features of a one-word match
        self.gz_multi: list[tuple[tuple[str, int], ...]] = [(), ()]
        self.gz_one: list[tuple[str, ...]] = [(), ()]
        self.sig_index: dict[tuple[str, ...], int] = {(): 0}
        self.meta = _Grow(4, np.int32, 0)
        self.meta.add(np.array([(*no_cluster, 0, 0)] * 2, dtype=np.int32))
        # registered since the last flush: per model, the ids of the own features and of those given to neighbours
        self.new_meta: list[tuple[int, int, bool, bool]] = []
        self.new_ids: list[list[tuple[tuple[int, ...], dict[int, tuple[int, ...]]]]] = [[], []]
        for m, s in enumerate(sides):
            pad = s.w.pad
            for d in _NB:
                rows = np.full((2, 1), pad, dtype=s.dtype)
                rows[_BOS, 0] = s.bos if d == -1 else pad
                rows[_EOS, 0] = s.eos if d == 1 else pad
                self.nb[m][d].add(rows)
            self.selfsum[m].add(np.zeros((2, n_labels[m])))

    def __len__(self) -> int:
        return len(self.norm)


class _Block(NamedTuple):
    """Stage 1 of a chunk of sentences, waiting for its stage 2."""

    first: int  # index of its first sentence in the document
    lengths: list[int]  # tokens of each of its sentences (0 for an empty one)
    s1: np.ndarray  # stage-1 label id of each token (stage-1 model's ids)
    state2: np.ndarray  # stage-2 scores of each token from the stage-1 features (to be completed)
    keys: np.ndarray  # document key id of each token (-1: too short to count)


class StackedTagger:
    """The shipped two-stage tagger over the two models' weights, the name list and the word clusters."""

    def __init__(self, stage1: CRFWeights, stage2: CRFWeights, *, names: Gazetteer,
                 clusters: Mapping[str, tuple[str, str]] | None, window: int) -> None:
        self.names = names
        self.clusters = clusters
        self.window = window
        coarse = sorted({c for c, _ in clusters.values()} | {"k-"}) if clusters is not None else []
        fine = sorted({f for _, f in clusters.values()} | {"f-"}) if clusters is not None else []
        self._coarse_ix = {c: i for i, c in enumerate(coarse)}
        self._fine_ix = {f: i for i, f in enumerate(fine)}
        self._no_cluster = (len(coarse), len(fine))  # the sentinels' (no neighbour) index in the tables
        self.sides = (_Side(stage1, coarse, fine), _Side(stage2, coarse, fine))
        # a word can start a pair feature (w|w+1=a|b, w-1|w=a|b) only if some model has one beginning with it
        self._pair_left: set[str] = set()
        for side in self.sides:
            for attr in side.w.attributes:
                for prefix in ("w|w+1=", "w-1|w="):
                    if attr.startswith(prefix):  # "a|b" (a word may itself hold a "|": every cut)
                        parts = attr[len(prefix):].split("|")
                        self._pair_left.update("|".join(parts[:k]) for k in range(1, len(parts)))
        lab1, lab2 = stage1.labels, stage2.labels
        self._s1_type = np.array([_DOC_TYPES.index("O" if t == "O" else t[2:]) for t in lab1], dtype=np.int8)
        pad2, get2 = stage2.pad, stage2.attributes.get
        self._s1_ids = {k: np.array([get2(f"{k}={t}", pad2) for t in lab1] + [pad2], dtype=np.int32)
                        for k in ("s1", "s1-1", "s1+1")}
        codes = ["", "O"] + [f"{t}:{hl}" for t in _DOC_TYPES[1:] for hl in ("hi", "lo")]
        self._doc_ids = {
            "own": np.array([pad2] + [get2(f"doc={c.split(':')[0]}", pad2) for c in codes[1:]], dtype=np.int32),
            "frac": np.array([pad2, pad2] + [get2(f"docfrac={c}", pad2) for c in codes[2:]], dtype=np.int32),
            -1: np.array([pad2] + [get2(f"doc-1={c.split(':')[0]}", pad2) for c in codes[1:]], dtype=np.int32),
            1: np.array([pad2] + [get2(f"doc+1={c.split(':')[0]}", pad2) for c in codes[1:]], dtype=np.int32),
        }
        self._labels2 = lab2
        self._firsts = _features._first_words(names)
        self._two_words = {" ".join(k.split(" ")[:2]) for k in names.names if " " in k}  # the names' first two words
        self._types = self._fresh_types()

    def _fresh_types(self) -> _Types:
        for side in self.sides:
            del side.sig[1:]
        self._one_features: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}
        return _Types(self.sides, (len(self.sides[0].w.labels), len(self.sides[1].w.labels)), self._no_cluster)

    # -- distinct tokens ---------------------------------------------------------------------------------------

    def _register(self, token: str) -> int:
        types = self._types
        tid = len(types.norm)
        types.index[token] = tid
        own = _features._token_own.__wrapped__(token)  # not the cached one: its records are large
        own_f: tuple[str, ...] = own["self"]  # type: ignore[assignment]
        nb_f: dict[int, tuple[str, ...]] = own["nb"]  # type: ignore[assignment]
        if "\0" in token:  # CRFsuite reads a feature as a C string: up to the NUL
            own_f = tuple(f.split("\0", 1)[0] for f in own_f)
            nb_f = {d: tuple(f.split("\0", 1)[0] for f in fs) for d, fs in nb_f.items()}
        parts = (own_f, *(nb_f[d] for d in _NB))
        every = list(chain.from_iterable(parts))
        for m, side in enumerate(self.sides):
            got = list(map(side.w.attributes.get, every))  # one look-up pass; then cut back into the parts
            ids: list[tuple[int, ...]] = []
            a = 0
            for part in parts:
                ids.append(tuple([i for i in got[a:a + len(part)] if i is not None]))
                a += len(part)
            types.new_ids[m].append((ids[0], dict(zip(_NB, ids[1:]))))
        norm, rest = str(own["norm"]), str(own["rest"])
        types.norm.append(norm)
        types.rest.append(rest)
        firsts, names = self._firsts, self.names.names
        cands = [c for c in _features._name_candidates(norm) if c in firsts]
        types.gz_multi.append(tuple((c, firsts[c]) for c in cands if firsts[c] >= 2))
        one = tuple(sorted({tag for c in cands for tag in names.get(c, ())}))
        feats = self._one_features.get(one)
        if feats is None:
            feats = self._one_features[one] = tuple(f for tag in one for f in (f"gB={tag}", f"g1={tag}"))
        types.gz_one.append(feats)
        if self.clusters is not None:
            k, f = self.clusters.get(norm) or self.clusters.get(rest) or ("k-", "f-")
            kc, fc = self._coarse_ix[k], self._fine_ix[f]
        else:
            kc, fc = self._no_cluster
        types.new_meta.append((kc, fc, "sport" in own["trig"], norm in self._pair_left))  # type: ignore[operator]
        return tid

    def _flush_types(self) -> None:
        """Add the rows of the types registered since the last flush (their self sums computed together)."""
        types = self._types
        if not types.new_meta:
            return
        types.meta.add(np.array(types.new_meta, dtype=np.int32))
        types.new_meta = []
        for m, side in enumerate(self.sides):
            w, pad = side.w, side.w.pad
            new, types.new_ids[m] = types.new_ids[m], []
            mat = _padded([own for own, _ in new], pad, np.intp)
            total = np.zeros((len(new), len(w.labels)))
            buf = np.empty_like(total)
            for c in range(mat.shape[1]):
                np.take(w.state, mat[:, c], axis=0, out=buf)
                total += buf
            types.selfsum[m].add(total)
            for d in _NB:
                types.nb[m][d].add(_padded([nb[d] for _, nb in new], pad, side.dtype))

    def _list_features(self, tids: list[int], norm: list[str]) -> Iterator[tuple[int, tuple[str, ...] | list[str]]]:
        """:func:`~analysis.ner.features.gazetteer_features` of one sentence (its tokens' type ids), only the tokens
        with a feature, as ``(position, features)``: the same longest left-to-right matches, with each type's
        one-word match and candidate first words of longer names worked out once, and a first word followed by a
        word no listed name has after it (the names' first two words) tried with no longer name."""
        names, two = self.names.names, self._two_words
        multi, one = self._types.gz_multi, self._types.gz_one
        n = len(tids)
        i = 0
        while i < n:
            t = tids[i]
            here = multi[t]
            if here and i + 1 < n:
                second = norm[tids[i + 1]]
                if " " not in second:
                    here = tuple(c for c in here if f"{c[0]} {second}" in two)
                for length in range(min(max((c[1] for c in here), default=1), n - i), 1, -1):
                    tail = [norm[k] for k in tids[i + 1:i + length]]
                    hit: set[str] = set()
                    for first, most in here:
                        if most >= length:
                            hit.update(names.get(" ".join((first, *tail)), ()))
                    if hit:
                        tags = sorted(hit)
                        yield i, [f"gB={tag}" for tag in tags]
                        for j in range(i + 1, i + length):
                            yield j, [f"gI={tag}" for tag in tags]
                        i += length
                        break
                else:
                    here = ()
                if here:
                    continue
            if one[t]:
                yield i, one[t]
            i += 1

    # -- stage 1 -------------------------------------------------------------------------------------------------

    def _stage1(self, chunk: list[list[str]], first: int, keys: dict[str, int]) -> _Block:
        if len(self._types) > MAX_TYPES:
            self._types = self._fresh_types()
        types = self._types
        index, register = types.index, self._register
        tids_l: list[int] = []
        for sent in chunk:
            for tok in sent:
                t = index.get(tok)
                tids_l.append(register(tok) if t is None else t)
        self._flush_types()
        lengths = [len(s) for s in chunk]
        n = len(tids_l)
        n2 = len(self.sides[1].w.labels)
        if not n:
            return _Block(first, lengths, np.zeros(0, np.intp), np.zeros((0, n2)), np.zeros(0, np.int64))
        tids = np.array(tids_l, dtype=np.intp)
        lens = np.array([x for x in lengths if x], dtype=np.intp)
        starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
        slen = np.repeat(lens, lens)
        pos = np.arange(n) - np.repeat(starts, lens)
        prev1 = np.where(pos >= 1, np.roll(tids, 1), _BOS)
        prev2 = np.where(pos >= 2, np.roll(tids, 2), _BOS)
        next1 = np.where(pos + 1 < slen, np.roll(tids, -1), _EOS)
        next2 = np.where(pos + 2 < slen, np.roll(tids, -2), _EOS)
        meta = types.meta.a
        sport = np.repeat(np.add.reduceat(meta[tids, _SPORT], starts) > 0, lens)

        # pair features (w|w+1=a|b on the first token, w-1|w=a|b on the second) and list membership: Python,
        # only where something can match
        pair_l = [np.full(n, s.w.pad, dtype=np.int32) for s in self.sides]
        pair_r = [np.full(n, s.w.pad, dtype=np.int32) for s in self.sides]
        norm = types.norm
        for i in np.flatnonzero(meta[tids, _PAIR].astype(bool) & (pos + 1 < slen)).tolist():
            a, b = norm[tids_l[i]], norm[tids_l[i + 1]]
            right, left = f"w|w+1={a}|{b}", f"w-1|w={a}|{b}"
            for m, side in enumerate(self.sides):
                get = side.w.id_of if "\0" in right else side.w.attributes.get
                if (x := get(right)) is not None:
                    pair_r[m][i] = x
                if (x := get(left)) is not None:
                    pair_l[m][i + 1] = x
        sig = np.zeros(n, dtype=np.intp)
        if self.names is not None:
            sig_index = types.sig_index
            s0 = 0
            for ln in lens.tolist():
                for i, feats in self._list_features(tids_l[s0:s0 + ln], norm):
                    key = tuple(feats)
                    k = sig_index.get(key)
                    if k is None:
                        k = sig_index[key] = len(sig_index)
                        for side in self.sides:
                            side.add_signature(key)
                    sig[s0 + i] = k
                s0 += ln
        prev_sig = np.where(pos >= 1, np.roll(sig, 1), 0)
        next_sig = np.where(pos + 1 < slen, np.roll(sig, -1), 0)
        used = np.unique(np.concatenate((sig, prev_sig, next_sig)))
        local = np.searchsorted(used, sig), np.searchsorted(used, prev_sig), np.searchsorted(used, next_sig)

        states = []
        for m, side in enumerate(self.sides):
            w = side.w
            cols: list[np.ndarray] = []
            nb = types.nb[m]
            for d, shifted in zip(_NB, (prev2, prev1, next1, next2)):
                cols.extend(nb[d].a[shifted].T)
            cols += [pair_l[m], pair_r[m], np.where(sport, side.sport, w.pad)]
            if len(used) > 1:
                own, sp, before, after = (side.sig_table(used, part) for part in range(4))
                cols.extend(own[local[0]].T)
                cols.extend(np.where(sport[:, None], sp[local[0]], w.pad).T)
                cols.extend(before[local[1]].T)  # the previous token's features, marked -1
                cols.extend(after[local[2]].T)  # the next token's, marked +1
            if self.clusters is not None:
                kc, fc = meta[:, _KC], meta[:, _FC]
                cols += [side.ck[0][kc[tids]], side.cf[0][fc[tids]], side.ck[-2][kc[prev2]], side.ck[-1][kc[prev1]],
                         side.cf[-1][fc[prev1]], side.ck[1][kc[next1]], side.cf[1][fc[next1]], side.ck[2][kc[next2]],
                         side.cf_pair[fc[tids], fc[next1]]]
            states.append(_add_columns(types.selfsum[m].a[tids], w, cols))
        s1 = viterbi(states[0], starts, lens, self.sides[0].w.transition)
        rest = types.rest
        key_l = [keys.setdefault(rest[t], len(keys)) if len(rest[t]) >= 3 else -1 for t in tids_l]
        return _Block(first, lengths, s1, states[1], np.array(key_l, dtype=np.int64))

    # -- stage 2 -------------------------------------------------------------------------------------------------

    def _doc_codes(self, block: _Block, window: _Window) -> np.ndarray:
        """Per token: 0 no document evidence, 1 ``doc=O``, 2 + 2 * (type - 1) + (0 hi, 1 lo) ``doc=TYPE``."""
        codes = np.zeros(len(block.s1), dtype=np.intp)
        keys_l = block.keys.tolist()
        types_l = self._s1_type[block.s1].tolist()
        s0 = 0
        for k, ln in enumerate(block.lengths):
            counts = window.at(block.first + k)
            for i in range(s0, s0 + ln):
                key = keys_l[i]
                if key < 0:
                    continue
                o = counts[key][:]
                o[types_l[i]] -= 1
                best, bc = 0, 0
                for t in (1, 2, 3, 4):
                    if o[t] > bc:
                        best, bc = t, o[t]
                if best:
                    codes[i] = 2 * best + (0 if bc >= o[0] else 1)
                elif o[0] > 0:
                    codes[i] = 1
            s0 += ln
        return codes

    def _stage2(self, block: _Block, window: _Window) -> list[list[str]]:
        lens = np.array([x for x in block.lengths if x], dtype=np.intp)
        out: list[list[str]] = []
        if not len(lens):
            return [[] for _ in block.lengths]
        n = len(block.s1)
        starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
        slen = np.repeat(lens, lens)
        pos = np.arange(n) - np.repeat(starts, lens)
        has_prev, has_next = pos >= 1, pos + 1 < slen
        codes = self._doc_codes(block, window)
        none = len(self._s1_type)
        s1 = block.s1
        prev_s1 = np.where(has_prev, np.roll(s1, 1), none)
        next_s1 = np.where(has_next, np.roll(s1, -1), none)
        prev_code = np.where(has_prev, np.roll(codes, 1), 0)
        next_code = np.where(has_next, np.roll(codes, -1), 0)
        w = self.sides[1].w
        state = block.state2
        d = self._doc_ids
        state = _add_columns(state, w, [self._s1_ids["s1"][s1], d["own"][codes], d["frac"][codes],
                                        self._s1_ids["s1-1"][prev_s1], self._s1_ids["s1+1"][next_s1],
                                        d[-1][prev_code], d[1][next_code]])
        tags = viterbi(state, starts, lens, w.transition).tolist()
        labels = self._labels2
        s0 = 0
        for ln in block.lengths:
            out.append(repair_bio([labels[t] for t in tags[s0:s0 + ln]]))
            s0 += ln
        return out

    # -- the document ----------------------------------------------------------------------------------------

    def tag(self, sentences: Iterable[Sequence[str]]) -> Iterator[list[str]]:
        """BIO tags of each sentence, in order, as soon as the ``window`` sentences after it are tagged in stage 1."""
        keys: dict[str, int] = {}
        window = _Window(self.window)
        pending: deque[_Block] = deque()
        done = 0
        chunk: list[list[str]] = []
        size = 0

        def run() -> None:
            nonlocal done, chunk, size
            block = self._stage1(chunk, done, keys)
            window.extend(block.keys.tolist(), self._s1_type[block.s1].tolist(), block.lengths)
            pending.append(block)
            done += len(chunk)
            chunk, size = [], 0

        for sent in sentences:
            chunk.append(list(sent))
            size += len(sent)
            if size >= CHUNK_TOKENS:
                run()
                while pending and pending[0].first + len(pending[0].lengths) + self.window <= done:
                    yield from self._stage2(pending.popleft(), window)
        if chunk:
            run()
        while pending:
            yield from self._stage2(pending.popleft(), window)


def _add_columns(state: np.ndarray, w: CRFWeights, cols: list[np.ndarray]) -> np.ndarray:
    """``state`` (one row per token, updated in place) plus the weights of the attribute ids of each column in
    turn: CRFsuite's order of summation (a column of padding is skipped; a padding cell adds zero)."""
    buf = np.empty_like(state)
    for col in cols:
        if (col != w.pad).any():
            np.take(w.state, col, axis=0, out=buf)
            state += buf
    return state


class _Window:
    """Counts of stage-1 types per document key over the sentences within ``radius`` of the current one."""

    def __init__(self, radius: int) -> None:
        self.radius = radius
        self.sents: dict[int, list[tuple[int, int]]] = {}  # sentence -> (key, type) of its counted tokens
        self.n = 0  # sentences added
        self.lo = 0  # first sentence inside the counts
        self.hi = 0  # one past the last
        self.counts: dict[int, list[int]] = {}

    def extend(self, keys: list[int], kinds: list[int], lengths: list[int]) -> None:
        s0 = 0
        for ln in lengths:
            self.sents[self.n] = [(k, t) for k, t in zip(keys[s0:s0 + ln], kinds[s0:s0 + ln]) if k >= 0]
            self.n += 1
            s0 += ln

    def at(self, si: int) -> dict[int, list[int]]:
        """The counts over sentences ``si - radius .. si + radius`` (all of them stage-1 tagged already)."""
        want_hi = min(self.n, si + self.radius + 1)
        counts = self.counts
        while self.hi < want_hi:
            for k, t in self.sents[self.hi]:
                c = counts.get(k)
                if c is None:
                    c = counts[k] = [0, 0, 0, 0, 0]
                c[t] += 1
            self.hi += 1
        while self.lo < si - self.radius:
            for k, t in self.sents.pop(self.lo):
                c = counts[k]
                c[t] -= 1
                if not any(c):
                    del counts[k]
            self.lo += 1
        return counts
