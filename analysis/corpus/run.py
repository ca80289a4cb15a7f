"""Build a corpus dataset: expand the inputs, plan batches, run them (here, in a process pool or on Dask),
commit each batch as it comes back, with a progress bar.

The plan is a pure function of the inputs: article *k* of the expansion (:mod:`analysis.corpus.inputs`) falls in
batch ``k // batch_size``, and the tables of a batch are a pure function of its articles
(:func:`analysis.corpus.batch.run_batch`).  Batches are committed in whatever order they finish, each into its
own part file named by its index, so the dataset is the same whatever the number of workers or the executor.
A rerun skips every article already written or refused in ``DIR`` (by id) and parses only the rest.

Memory stays flat: the inputs are streamed (a JSON-lines file line by line), at most ``2 x workers`` batches are in
flight, and each batch's tables go to disk as soon as it is back.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from analysis.corpus.batch import Batch, BatchResult, Options, run_batch, warm_up
from analysis.corpus.inputs import InputFile, Item, count_items, expand_inputs, iter_items
from analysis.corpus.store import CorpusStore

__all__ = ["DEFAULT_BATCH_SIZE", "CorpusResult", "RunError", "build_corpus", "default_jobs", "plan_batches"]

DEFAULT_BATCH_SIZE = 100
# A pool worker is replaced by a fresh one (forked from the warm forkserver) after this many batches.  Every cache
# of the parser is bounded (the NER table of distinct tokens, the romanizer's memos, the word caches), so a worker
# levels off near 850 MB on SaudiNewsNet; the recycling is a guard against allocator fragmentation.  A worker that
# lives longer is faster: its tables of distinct tokens and names are warm (a new article brings ~15 unseen tokens
# after 3,000 articles, ~70 in a fresh worker).
MAX_BATCHES_PER_WORKER = 40


class RunError(RuntimeError):
    """The executor failed (a worker process died, the Dask scheduler went away); committed batches stay."""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class CorpusResult:
    """What a run did (``new_*``, ``skipped``) and what ``out`` now holds (``articles``, ``refused``)."""

    out: Path
    articles: int
    refused: int
    new_articles: int
    new_refused: int
    skipped: int
    seconds: float
    cpu_seconds: float  # parse time summed over the workers

    @property
    def exit_status(self) -> int:
        """0 when every article in ``out`` was parsed, 3 when some were refused (see ``out/errors``)."""
        return 3 if self.refused else 0


def plan_batches(files: list[InputFile], *, batch_size: int, done: set[str] | frozenset = frozenset(),
                 limit: int | None = None, options: Options | None = None,
                 part_name: Callable[[int], str] | None = None) -> Iterator[Batch]:
    """The batches of a run, streamed: article ``k`` in batch ``k // batch_size``; articles in ``done`` left out
    (a batch with nothing left is not yielded); ``limit``: only the first ``limit`` articles.

    An id met twice (two inputs whose ids coincide after all) gets ``~2``, ``~3`` ... in order of appearance.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    name = part_name or (lambda i: f"part-{i:06d}.parquet")
    options = options or Options()
    seen: set[str] = set()
    current: list[Item] = []
    index = 0
    for seq, item in enumerate(iter_items(files)):
        if limit is not None and seq >= limit:
            break
        if item.article_id in seen:
            n = 2
            while f"{item.article_id}~{n}" in seen:
                n += 1
            item = replace(item, article_id=f"{item.article_id}~{n}")
        seen.add(item.article_id)
        b = seq // batch_size
        if b != index:
            if current:
                yield Batch(index, name(index), tuple(current), options)
            current, index = [], b
        if item.article_id not in done:
            current.append(item)
    if current:
        yield Batch(index, name(index), tuple(current), options)


# --------------------------------------------------------------------------- executors


def _serial(batches: Iterable[Batch]) -> Iterator[BatchResult]:
    for batch in batches:
        yield run_batch(batch)


def _pool(batches: Iterable[Batch], jobs: int, ner: bool) -> Iterator[BatchResult]:
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["analysis.corpus._preload"])  # workers fork from a warm process
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm_up, initargs=(ner, True, True),
                               max_tasks_per_child=MAX_BATCHES_PER_WORKER)
    window = 2 * jobs
    it = iter(batches)
    pending: set[Future] = set()
    clean = False
    try:
        for batch in islice(it, window):
            pending.add(pool.submit(run_batch, batch))
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            try:
                results = sorted((f.result() for f in finished), key=lambda r: r.index)
            except BrokenProcessPool as err:
                raise RunError(f"a worker process died ({err}); out of memory? rerun to resume") from None
            yield from results
            for batch in islice(it, window - len(pending)):
                pending.add(pool.submit(run_batch, batch))
        clean = True
    finally:
        if clean:
            pool.shutdown(wait=True)
        else:  # interrupted or failed: stop the workers now; committed batches stay
            processes = list(getattr(pool, "_processes", {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for p in processes:
                if p.is_alive():
                    p.terminate()
            for p in processes:
                p.join(timeout=5)


def _dask_client(address: str, jobs: int):
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(address), None


def _dask(batches: Iterable[Batch], address: str, jobs: int, ner: bool) -> Iterator[BatchResult]:
    """The same :func:`run_batch` on Dask: each window of batches is a ``dask.bag`` (one partition per batch)
    computed on the ``dask.distributed`` client; a new window is sent as soon as results come back."""
    import dask.bag as db
    from distributed import as_completed

    client, cluster = _dask_client(address, jobs)
    try:
        workers = max(1, sum(client.nthreads().values()))
        client.run(warm_up, ner)
        window = 2 * workers
        it = iter(batches)
        queue = as_completed([], with_results=True)
        in_flight = 0

        def send(n: int) -> int:
            chunk = list(islice(it, n))
            if chunk:
                bag = db.from_sequence(chunk, npartitions=len(chunk)).map(run_batch)
                queue.update(client.compute(bag.to_delayed()))
            return len(chunk)

        in_flight += send(window)
        for _future, results in queue:
            in_flight -= 1
            yield from results
            in_flight += send(window - in_flight)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- the run


def build_corpus(inputs: list[str | Path], out: str | Path, *, jobs: int | None = None, dask: str | None = None,
                 limit: int | None = None, batch_size: int | None = None, ner: bool = True,
                 max_bytes: int = 5_000_000, country: str | None = None, progress: bool = True) -> CorpusResult:
    """Parse every article of ``inputs`` into the corpus dataset ``out`` (see :mod:`analysis.corpus`).

    ``jobs``: worker processes (default: the cores; 1 parses in this process); ``dask``: ``"local"`` (a
    LocalCluster of ``jobs`` workers) or a scheduler address (``tcp://host:8786``) instead of the process pool;
    ``limit``: only the first ``limit`` articles of the inputs; ``batch_size``: articles per part file (default
    the dataset's, else :data:`DEFAULT_BATCH_SIZE`); ``country``: the outlets' country (ISO 3166 alpha-2), given to
    every ``parse_article`` as its hint for places and names (recorded like ``ner``); ``progress``: a progress bar on stderr when it is a
    terminal.  Raises :class:`~analysis.corpus.inputs.InputError` for an input that names nothing and
    :class:`~analysis.corpus.store.StoreError` when ``out`` cannot be used; a refused article never raises.
    """
    started = time.perf_counter()
    out = Path(out)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if limit is not None and limit < 0:
        raise ValueError("limit must be 0 or more")
    files = expand_inputs(list(inputs), exclude=out)
    options = Options(ner=ner, max_bytes=max_bytes, country=country.upper() if country else None)
    with CorpusStore(out, options=options.as_dict(), batch_size=batch_size or DEFAULT_BATCH_SIZE) as store:
        size = batch_size or int(store.manifest.get("batch_size") or DEFAULT_BATCH_SIZE)
        store.set_inputs([os.fspath(i) for i in inputs], limit)
        done = store.done_ids()
        total = count_items(files, limit)
        batches = plan_batches(files, batch_size=size, done=done, limit=limit, options=options,
                               part_name=store.part_name)
        if dask is not None:
            results = _dask(batches, dask, jobs, ner)
        elif jobs == 1:
            results = _serial(batches)
        else:
            results = _pool(batches, jobs, ner)
        from tqdm import tqdm

        new_articles = new_refused = 0
        cpu = 0.0
        bar = tqdm(total=total, initial=min(len(done), total), unit="article", desc="corpus", file=sys.stderr,
                   disable=None if progress else True, dynamic_ncols=True, smoothing=0.1)
        try:
            for result in results:
                store.commit(result.part, result.index, result.tables, result.articles, result.refused)
                new_articles += result.articles
                new_refused += result.refused
                cpu += result.seconds
                bar.update(result.articles + result.refused)
                if store.refused:
                    bar.set_postfix(refused=store.refused, refresh=False)
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()  # stops the workers when the loop ended early (Ctrl-C, a failed commit)
            bar.close()
        skipped = max(0, total - new_articles - new_refused)
        return CorpusResult(out, store.articles, store.refused, new_articles, new_refused, skipped,
                            time.perf_counter() - started, cpu)
