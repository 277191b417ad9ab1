"""A real Redis Sentinel set-up on 127.0.0.1: a master, a replica and three sentinels
(quorum 2), from the same redis-server binary the other tests use (`redis-server --sentinel`)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import redis

from tests.conftest import RedisServer, free_port, port_answers

SERVICE_NAME = "mymaster"


class SentinelSet:
    """`server_config` / `sentinel_config`: configuration files to start from (deploy/redis/),
    with addresses, ports and directories replaced by local ones; `password` their password."""

    def __init__(
        self,
        workdir: Path,
        sentinels: int = 3,
        down_after_ms: int = 1000,
        *,
        server_config: Path | None = None,
        sentinel_config: Path | None = None,
        service_name: str = SERVICE_NAME,
        password: str | None = None,
    ) -> None:
        self.workdir = workdir
        (workdir / "master").mkdir()
        (workdir / "replica").mkdir()
        self.master = RedisServer(workdir / "master", config_file=server_config)
        self.replica = RedisServer(
            workdir / "replica",
            ("--replicaof", "127.0.0.1", str(self.master.port)),
            config_file=server_config,
        )
        self.sentinel_ports = [free_port() for _ in range(sentinels)]
        self.down_after_ms = down_after_ms
        self.sentinel_config = sentinel_config
        self.service_name = service_name
        self.password = password
        self.procs: list[subprocess.Popen[bytes]] = []

    @property
    def url(self) -> str:
        hosts = ",".join(f"127.0.0.1:{port}" for port in self.sentinel_ports)
        auth = f":{self.password}@" if self.password else ""
        return f"redis+sentinel://{auth}{hosts}/{self.service_name}/0"

    def _sentinel_conf(self, port: int) -> str:
        name = self.service_name
        if self.sentinel_config is None:
            return (
                f"port {port}\nbind 127.0.0.1\ndir {self.workdir}\n"
                f"sentinel monitor {name} 127.0.0.1 {self.master.port} 2\n"
                f"sentinel down-after-milliseconds {name} {self.down_after_ms}\n"
                f"sentinel failover-timeout {name} 10000\n"
                f"sentinel parallel-syncs {name} 1\n"
            )
        lines = []
        for line in self.sentinel_config.read_text().splitlines():
            words = line.split()
            if words[:1] == ["bind"]:
                line = "bind 127.0.0.1"
            elif words[:1] == ["port"]:
                line = f"port {port}"
            elif words[:1] == ["dir"]:
                line = f"dir {self.workdir}"
            elif words[:3] == ["sentinel", "monitor", name]:
                line = f"sentinel monitor {name} 127.0.0.1 {self.master.port} {words[-1]}"
            lines.append(line)
        return "\n".join(lines) + "\n"

    def start(self) -> SentinelSet:
        self.master.start()
        self.replica.start()
        self._wait_replica_in_sync()
        assert self.master.binary is not None
        for port in self.sentinel_ports:
            conf = self.workdir / f"sentinel-{port}.conf"
            conf.write_text(self._sentinel_conf(port))
            self.procs.append(
                subprocess.Popen(
                    [self.master.binary, str(conf), "--sentinel"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if (
                all(port_answers(p) for p in self.sentinel_ports)
                and self._sentinels_see_each_other()
            ):
                return self
            time.sleep(0.1)
        raise RuntimeError("sentinels did not come up")

    def _wait_replica_in_sync(self) -> None:
        replica = redis.Redis(port=self.replica.port, password=self.password)
        began = time.monotonic()
        nudged = began
        while time.monotonic() < began + 45:
            info = replica.info("replication")
            if info.get("master_link_status") == "up":
                return
            if time.monotonic() - nudged > 10:
                # on a loaded machine the first handshake can stall (once in CI): ask again
                replica.execute_command("REPLICAOF", "127.0.0.1", str(self.master.port))
                nudged = time.monotonic()
            time.sleep(0.05)
        info = replica.info("replication")
        raise RuntimeError(f"replica did not sync: {info.get('master_link_status')}")

    def _sentinels_see_each_other(self) -> bool:
        """Each sentinel knows the replica and the other sentinels (needed to vote)."""
        for port in self.sentinel_ports:
            sentinel = redis.Redis(port=port, decode_responses=True)
            state = sentinel.sentinel_master(self.service_name)
            if int(state["num-other-sentinels"]) < len(self.sentinel_ports) - 1:
                return False
            if int(state["num-slaves"]) < 1:
                return False
        return True

    def master_port(self) -> int:
        sentinel = redis.Redis(port=self.sentinel_ports[0], decode_responses=True)
        _, port = sentinel.sentinel_get_master_addr_by_name(self.service_name)
        return int(port)

    def replicated(self, timeout_ms: int = 2000) -> int:
        """WAIT on the master: the writes made so far are on the replica (count of replicas)."""
        master = redis.Redis(port=self.master.port, password=self.password)
        return int(master.execute_command("WAIT", 1, timeout_ms))

    def wait_for_new_master(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            port = self.master_port()
            if port == self.replica.port:
                node = redis.Redis(port=port, password=self.password)
                role = node.info("replication").get("role")
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
