"""D5 and D16 against a real service: bodies are limited as they stream; errors keep the connection.

Raw sockets, because the point is what happens before a body ends and to the connection after.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
import uvicorn
from fastapi import FastAPI

from api import errors
from api.guard import Guard
from tests.api.api_helpers import wechat_query
from tests.api.conftest import WECHAT_TOKEN, Service
from tests.conftest import free_port

LIMIT = 65536  # config.yml service.max_body_bytes


def open_chunked(service: Service, path: str) -> socket.socket:
    """A POST whose chunked body has started and never ends."""
    parts = urlsplit(service.url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode()
    )
    return sock


def send_chunks(sock: socket.socket, total: int, size: int = 8192) -> int:
    """Send up to `total` bytes of body in chunks; stop when the server has answered."""
    sent = 0
    sock.setblocking(False)
    try:
        while sent < total:
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break  # the answer is already here
            except BlockingIOError:
                pass
            chunk = b"x" * size
            try:
                sock.sendall(f"{size:x}\r\n".encode() + chunk + b"\r\n")
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            sent += size
            time.sleep(0.001)
    finally:
        sock.setblocking(True)
    return sent


def read_status(sock: socket.socket) -> tuple[int, bytes]:
    sock.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        more = sock.recv(65536)
        if not more:
            break
        data += more
    head = data.split(b"\r\n\r\n", 1)[0]
    return int(head.split(b" ", 2)[1]), head.lower()


def test_a_chunked_body_over_the_limit_is_refused_while_it_streams(service: Service) -> None:
    with open_chunked(service, "/api/v1/screening") as sock:
        sent = send_chunks(sock, 16 * 1024 * 1024)
        status, head = read_status(sock)
    assert status == 413
    assert b"connection: close" in head
    assert sent < 4 * 1024 * 1024  # refused early, not after reading 16 MiB


def test_an_unsigned_wechat_push_is_refused_before_its_body_is_read(service: Service) -> None:
    query = wechat_query(WECHAT_TOKEN)
    del query["signature"]  # fresh, but not signed: an encrypted-looking push
    with open_chunked(service, "/wechat/mp?" + urlencode(query)) as sock:
        sock.sendall(b"10\r\n<xml><Content>aa\r\n")  # the body never ends
        status, _ = read_status(sock)
    assert status == 403


def test_a_signed_wechat_push_too_large_is_refused(service: Service) -> None:
    path = "/wechat/mp?" + urlencode(wechat_query(WECHAT_TOKEN))
    with open_chunked(service, path) as sock:
        send_chunks(sock, 4 * LIMIT)
        status, _ = read_status(sock)
    assert status == 413


def test_content_length_over_the_limit_is_refused_at_once(service: Service) -> None:
    parts = urlsplit(service.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/screening HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {200 * 1024 * 1024}\r\n\r\n".encode()
        )
        assert read_status(sock)[0] == 413


@pytest.fixture(scope="module")
def failing_app_url() -> Iterator[str]:
    """The service's error handling (api.errors + api.guard, as create_app installs them) around
    a route that fails the way an unexpected bug does."""
    app = FastAPI()
    errors.install(app)

    @app.get("/boom")
    async def boom() -> dict[str, str]:
        raise RuntimeError("a bug")

    @app.get("/fine")
    async def fine() -> dict[str, str]:
        return {"ok": "yes"}

    app.add_middleware(Guard, max_body_bytes=LIMIT)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_an_unhandled_error_is_chinese_json_and_keeps_the_connection(failing_app_url: str) -> None:
    conn = http.client.HTTPConnection(failing_app_url, timeout=10)
    conn.request("GET", "/boom")
    response = conn.getresponse()
    body = response.read().decode()
    assert response.status == 500
    assert "系统开小差了" in body and "Traceback" not in body and "a bug" not in body
    assert (response.getheader("connection") or "").lower() != "close"
    sock = conn.sock
    assert sock is not None
    conn.request("GET", "/fine")
    second = conn.getresponse()
    assert second.status == 200 and second.read()
    assert conn.sock is sock  # the same keep-alive connection
    conn.close()


def test_log_masking_catches_numbers_typed_in_groups() -> None:
    from api.logs import mask

    line = mask("电话 138 1234 5678，身份证 110105 19491231 002X，卡 6222-0212-3456-7890")
    assert "1234 5678" not in line and "19491231" not in line and "3456-7890" not in line
