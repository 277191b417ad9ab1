"""A real Redis Sentinel set-up on 127.0.0.1: a master, a replica and three sentinels
(quorum 2), from the same redis-server binary the other tests use (`redis-server --sentinel`)."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import redis

from tests.conftest import RedisServer, free_port

SERVICE_NAME = "mymaster"


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class SentinelSet:
    def __init__(self, workdir: Path, sentinels: int = 3, down_after_ms: int = 1000) -> None:
        self.workdir = workdir
        (workdir / "master").mkdir()
        (workdir / "replica").mkdir()
        self.master = RedisServer(workdir / "master")
        self.replica = RedisServer(
            workdir / "replica", ("--replicaof", "127.0.0.1", str(self.master.port))
        )
        self.sentinel_ports = [free_port() for _ in range(sentinels)]
        self.down_after_ms = down_after_ms
        self.procs: list[subprocess.Popen[bytes]] = []

    @property
    def url(self) -> str:
        hosts = ",".join(f"127.0.0.1:{port}" for port in self.sentinel_ports)
        return f"redis+sentinel://{hosts}/{SERVICE_NAME}/0"

    def start(self) -> SentinelSet:
        self.master.start()
        self.replica.start()
        self._wait_replica_in_sync()
        assert self.master.binary is not None
        for port in self.sentinel_ports:
            conf = self.workdir / f"sentinel-{port}.conf"
            conf.write_text(
                f"port {port}\nbind 127.0.0.1\ndir {self.workdir}\n"
                f"sentinel monitor {SERVICE_NAME} 127.0.0.1 {self.master.port} 2\n"
                f"sentinel down-after-milliseconds {SERVICE_NAME} {self.down_after_ms}\n"
                f"sentinel failover-timeout {SERVICE_NAME} 10000\n"
                f"sentinel parallel-syncs {SERVICE_NAME} 1\n"
            )
            self.procs.append(
                subprocess.Popen(
                    [self.master.binary, str(conf), "--sentinel"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if all(_answers(p) for p in self.sentinel_ports) and self._sentinels_see_each_other():
                return self
            time.sleep(0.1)
        raise RuntimeError("sentinels did not come up")

    def _wait_replica_in_sync(self) -> None:
        replica = redis.Redis(port=self.replica.port)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            info = replica.info("replication")
            if info.get("master_link_status") == "up":
                return
            time.sleep(0.05)
        raise RuntimeError("replica did not sync")

    def _sentinels_see_each_other(self) -> bool:
        """Each sentinel knows the replica and the other sentinels (needed to vote)."""
        for port in self.sentinel_ports:
            sentinel = redis.Redis(port=port, decode_responses=True)
            state = sentinel.sentinel_master(SERVICE_NAME)
            if int(state["num-other-sentinels"]) < len(self.sentinel_ports) - 1:
                return False
            if int(state["num-slaves"]) < 1:
                return False
        return True

    def master_port(self) -> int:
        sentinel = redis.Redis(port=self.sentinel_ports[0], decode_responses=True)
        _, port = sentinel.sentinel_get_master_addr_by_name(SERVICE_NAME)
        return int(port)

    def replicated(self, timeout_ms: int = 2000) -> int:
        """WAIT on the master: the writes made so far are on the replica (count of replicas)."""
        return int(redis.Redis(port=self.master.port).execute_command("WAIT", 1, timeout_ms))

    def wait_for_new_master(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            port = self.master_port()
            if port == self.replica.port:
                role = redis.Redis(port=port).info("replication").get("role")
                if role == "master":
                    return port
            time.sleep(0.1)
        raise RuntimeError("no failover happened")

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(timeout=10)
        self.procs.clear()
        self.replica.stop()
        self.master.stop()
