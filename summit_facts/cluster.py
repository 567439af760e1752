"""Parsing on a Dask cluster (`facts check --cluster local` or `--scheduler ADDRESS`).

Dask is an optional extra, imported only here and only when a cluster is asked
for. Documents go to the workers in small batches; each worker process loads
the language model once (the per-process cache of `load_pipeline`) and sends
back mentions. Results come back in input order, so a cluster run gives the
same report as a local one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from summit_facts.errors import FactsError, InputError
from summit_facts.models import Document, Mention
from summit_facts.pipeline import RemoteError, chunks, parse_batch

LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_TIMEOUT = "10s"
INSTALL_HINT = "pip install 'summit-facts[cluster]'"

Parsed = list[list[Mention]]


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            "running on a Dask cluster needs Dask, which is not installed", hint=INSTALL_HINT
        ) from exc
    return distributed


def connect(address: str, *, model: str | None) -> Any:
    """A Dask client: 'local' starts a cluster of two single-threaded worker
    processes on this machine; anything else is a scheduler address."""
    distributed = _distributed()
    if address == LOCAL:
        cluster = distributed.LocalCluster(
            n_workers=LOCAL_WORKERS,
            threads_per_worker=1,  # spaCy parses one document at a time per process
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,  # stderr is for our progress, not Dask's
        )
        return distributed.Client(cluster)
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            hint="check the address (tcp://HOST:PORT), or use --cluster local",
        ) from exc


def _parse_on_worker(documents: list[Document], model: str | None) -> Parsed:
    """Runs on a worker. The model is cached per worker process after the first batch."""
    try:
        return parse_batch(documents, model)
    except FactsError as exc:
        # Carried back whole, so that the user sees the message and hint.
        raise RemoteError(type(exc), exc.message, exc.hint) from None


def submit_on_cluster(
    client: Any, documents: list[Document], *, model: str | None
) -> Callable[[], Parsed]:
    """Send the documents off in batches; returns a function that waits for the result."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    futures = [
        client.submit(_parse_on_worker, part, model, pure=False)
        for part in chunks(documents, workers)
    ]

    def wait() -> Parsed:
        try:
            parts = client.gather(futures)
        except RemoteError as exc:
            exc.reraise()
            raise  # pragma: no cover - reraise() always raises
        return [mentions for part in parts for mentions in part]

    return wait


def parse_on_cluster(client: Any, documents: list[Document], *, model: str | None) -> Parsed:
    """Mentions of each document, in input order."""
    return submit_on_cluster(client, documents, model=model)()


def disconnect(client: Any) -> None:
    """Close the client, and the cluster too if `connect` started it."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()
