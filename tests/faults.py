"""A TCP proxy in front of a real redis-server that cuts connections on chosen commands.

Faults happen on the wire, as they do when Redis restarts or a network blips: the code under
test is never patched. `cut(b"EVALSHA")` drops a connection as soon as a client sends that
command (it never reaches Redis); `cut(b"EXEC", after=True)` forwards the command first and
then drops the connection, so Redis applies it but the client never hears the answer.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from tests.conftest import free_port


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.marker: bytes | None = None
        self.after = False
        self.cuts = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(5)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    @contextmanager
    def cut(self, marker: bytes, after: bool = False) -> Iterator[None]:
        """Cut every connection that sends `marker` while inside the block."""
        self.marker, self.after = marker, after
        try:
            yield
        finally:
            self.marker = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def serve() -> None:
            self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
            self._ready.set()

        self._loop.run_until_complete(serve())
        self._loop.run_forever()
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        back = asyncio.ensure_future(self._pipe(up_reader, writer))
        try:
            while chunk := await reader.read(65536):
                marker = self.marker
                if marker is not None and marker in chunk:
                    self.cuts += 1
                    back.cancel()  # the client must never hear Redis's answer
                    if self.after:
                        up_writer.write(chunk)
                        await up_writer.drain()
                    break
                up_writer.write(chunk)
                await up_writer.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            back.cancel()
            for w in (writer, up_writer):
                with suppress(Exception):
                    w.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with suppress(OSError, asyncio.CancelledError):
            while chunk := await reader.read(65536):
                writer.write(chunk)
                await writer.drain()
