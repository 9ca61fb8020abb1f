#!/usr/bin/env python3
"""Sign-in flood benchmark: p99 of an authenticated page with and without 200 wrong-password attempts per second.

Called by bench/signin.sh with DATABASE_URL set to a throwaway cluster. Starts the portal and nginx like the
end-to-end tests (loopback and unix sockets only), signs a client admin in, then measures GET /klient/ with wrk
for BENCH_DURATION seconds twice in the same run: alone (the baseline), and while paced threads post wrong
passwords to the sign-in form at 200 per second. Prints both p99 values and their ratio.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "EndToEnd"))
from harness import NoRedirect, Stack  # noqa: E402
from checks import psql  # noqa: E402

PASSWORD = "Benchmark-heslo-2026"


def wrk(url, cookie, duration, connections=16):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-H", f"Cookie: {cookie}", url],
        capture_output=True, text=True, check=True).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    value = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return requests, value, int(non_2xx.group(1)) if non_2xx else 0


def sign_in(stack, email):
    jar = {}
    opener = urllib.request.build_opener(NoRedirect)

    def call(path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())} if jar else {}
        body = urllib.parse.urlencode(data).encode() if data else None
        request = urllib.request.Request(stack.base + path, data=body, headers=headers)
        try:
            response = opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            jar[name] = value
        return response.status, response.read().decode()

    _, page = call("/klient/prihlaseni")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return call, token, jar


def flood(stack, rate, duration, results):
    """Posts wrong passwords at `rate` per second for `duration` seconds from paced threads."""
    call, token, _ = sign_in(stack, "flood")
    stop_at = time.monotonic() + duration
    threads = 8
    interval = threads / rate

    def worker(index):
        next_at = time.monotonic() + index * interval / threads
        while True:
            now = time.monotonic()
            if now >= stop_at:
                return
            if now < next_at:
                time.sleep(next_at - now)
            next_at += interval
            status, _ = call("/klient/prihlaseni", {"csrf_token": token, "email": "spravce@bench.test", "heslo": "spatne"})
            results.append(status)

    pool = [threading.Thread(target=worker, args=(index,)) for index in range(threads)]
    for thread in pool:
        thread.start()
    return pool


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--portal", required=True)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rate", type=int, default=200)
    options = parser.parse_args()

    admin_url = os.environ["DATABASE_URL"]
    psql(admin_url, "CREATE DATABASE kolektor_bench")
    database_url = admin_url.replace("dbname=postgres", "dbname=kolektor_bench")
    stack = Stack(options.root, options.work, options.portal, database_url, threads=4,
                  extra_env={"KOLEKTOR_MODE": "production"})
    stack.start()
    try:
        for arguments in (("admin", "create-organization", "--ico", "26340003", "--name", "Benchmark s.r.o."),
                          ("admin", "create-user", "--organization", "26340003", "--role", "client-admin",
                           "--email", "spravce@bench.test", "--name", "Bench", "--password", PASSWORD)):
            result = stack.run_portal(*arguments)
            assert result.returncode == 0, result.stderr
        call, token, jar = sign_in(stack, "spravce@bench.test")
        status, _ = call("/klient/prihlaseni", {"csrf_token": token, "email": "spravce@bench.test", "heslo": PASSWORD})
        assert status == 303, f"sign-in failed with {status}"
        cookie = f"kolektor_client={jar['kolektor_client']}"
        url = stack.base + "/klient/"

        wrk(url, cookie, 3)  # warm-up
        quiet_rate, quiet_p99, quiet_errors = wrk(url, cookie, options.duration)
        statuses = []
        pool = flood(stack, options.rate, options.duration + 2, statuses)
        time.sleep(1)
        loud_rate, loud_p99, loud_errors = wrk(url, cookie, options.duration)
        for thread in pool:
            thread.join()
        attempts = len(statuses)
        counts = {code: statuses.count(code) for code in sorted(set(statuses))}
        print(f"authenticated page alone:        {quiet_rate:8.0f} req/s   p99 {quiet_p99:7.2f} ms   non-2xx {quiet_errors}")
        print(f"with {options.rate}/s wrong passwords:  {loud_rate:8.0f} req/s   p99 {loud_p99:7.2f} ms   non-2xx {loud_errors}")
        print(f"p99 ratio (flood / alone): {loud_p99 / quiet_p99:5.2f}")
        print(f"sign-in attempts sent: {attempts} in {options.duration + 2} s "
              f"({attempts / (options.duration + 2):.0f}/s), statuses {counts}")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
