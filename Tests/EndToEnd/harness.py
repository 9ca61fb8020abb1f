"""Starts the portal and nginx on free ports against the test cluster, and stops them again.

Used by run.py; every server here listens on loopback or a unix socket inside the test's work directory.
"""
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Stack:
    """The portal (FastCGI on a unix socket) behind nginx, as make run starts them, on a free port."""

    def __init__(self, root, work, portal, database_url, threads=2, extra_env=None):
        self.root = root
        self.work = work
        self.portal = portal
        self.database_url = database_url
        self.threads = threads
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.socket_path = os.path.join(work, "portal.sock")
        self.nginx_prefix = os.path.join(work, "nginx")
        self.log_path = os.path.join(work, "portal.log")
        config = os.path.join(work, "portal.conf")
        with open(config, "w") as handle:
            handle.write("# end-to-end test: everything comes from the environment\n")
        self.env = dict(os.environ)
        self.env.update({
            "KOLEKTOR_CONFIG": config,
            "DATABASE_URL": database_url,
            "KOLEKTOR_LISTEN": self.socket_path,
            "KOLEKTOR_SOCKET_MODE": "666",
            "KOLEKTOR_THREADS": str(threads),
            "KOLEKTOR_MODE": "development",
            "KOLEKTOR_BASE_URL": self.base,
            "KOLEKTOR_MAX_BODY_BYTES": "1048576",
            "KOLEKTOR_DATA_DIR": os.path.join(work, "data"),
        })
        self.env.update(extra_env or {})
        self.process = None
        self.worker = None
        self.worker_log_path = os.path.join(work, "worker.log")
        self.opener = urllib.request.build_opener(NoRedirect)

    def run_portal(self, *arguments):
        return subprocess.run([self.portal, *arguments], env=self.env, capture_output=True, text=True, timeout=120)

    def start(self):
        migrated = self.run_portal("migrate")
        if migrated.returncode != 0:
            raise RuntimeError("portal migrate failed: " + migrated.stderr)
        self.start_portal()
        self.start_worker()
        shell = (f'. "{self.root}/scripts/lib.sh"; render_nginx "{self.root}" "{self.nginx_prefix}" '
                 f'"127.0.0.1:{self.port}" "{self.socket_path}" && start_nginx "{self.nginx_prefix}"')
        subprocess.run(["bash", "-c", shell], check=True)
        self.wait_until_healthy(30)

    def start_portal(self):
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.portal, "serve"], env=self.env, stderr=self.log, stdout=self.log)
        deadline = time.time() + 15
        while not os.path.exists(self.socket_path):
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("portal serve did not create its socket; see " + self.log_path)
            time.sleep(0.05)

    def start_worker(self):
        self.worker_log = open(self.worker_log_path, "ab")
        self.worker = subprocess.Popen([self.portal, "worker"], env=self.env, stderr=self.worker_log,
                                       stdout=self.worker_log)

    def stop_worker(self, timeout=15):
        if self.worker and self.worker.poll() is None:
            self.worker.send_signal(signal.SIGTERM)
            return self.worker.wait(timeout=timeout)
        return self.worker.returncode if self.worker else None

    def stop_portal(self, timeout=15):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            return self.process.wait(timeout=timeout)
        return self.process.returncode if self.process else None

    def stop(self):
        for stop, process in ((self.stop_portal, self.process), (self.stop_worker, self.worker)):
            try:
                stop()
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(["bash", "-c", f'. "{self.root}/scripts/lib.sh"; stop_nginx "{self.nginx_prefix}"'])

    def wait_until_healthy(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.get("/healthz").status == 200:
                return
            time.sleep(0.1)
        raise RuntimeError("the portal did not become healthy")

    def request(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def portal_log(self):
        with open(self.log_path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")
