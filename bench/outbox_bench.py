#!/usr/bin/env python3
"""Outbox throughput: e-mails per second through `portal worker` to a local SMTP server (aiosmtpd).

Called by bench/outbox.sh with a migrated database. Baseline in the same run: the same number of messages sent
straight to the same SMTP server by Python's smtplib over one connection, which is what the server can take.
"""
import argparse
import os
import signal
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "EndToEnd"))
import harness  # noqa: E402
from checks import psql  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def start_sink(work, name):
    port = harness.free_port()
    record = os.path.join(work, name)
    process = subprocess.Popen([sys.executable, os.path.join(HERE, "..", "Tests", "EndToEnd", "smtp_sink.py"),
                                str(port), record], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    return process, port, record


def count_lines(path):
    if not os.path.exists(path):
        return 0
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def baseline(work, count):
    sink, port, record = start_sink(work, "baseline.jsonl")
    try:
        started = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port) as client:
            for index in range(count):
                message = EmailMessage()
                message["From"] = "kolektor@kolektor-bench.cz"
                message["To"] = f"r{index}@bench.cz"
                message["Subject"] = "Zkouška výkonu"
                message["Message-ID"] = f"<baseline-{index}@kolektor-bench.cz>"
                message.set_content(f"Dobrý den, zpráva č. {index}")
                client.send_message(message)
        elapsed = time.monotonic() - started
        assert count_lines(record) == count
        return count / elapsed
    finally:
        sink.terminate()
        sink.wait()


def through_outbox(work, portal, database_url, count, workers):
    psql(database_url, "DELETE FROM outbox")
    psql(database_url, f"""
        INSERT INTO outbox (kind, channel, recipient, subject, body_text, created_at)
        SELECT 'bench', 'email', 'r' || i || '@bench.cz', 'Zkouška výkonu', 'Dobrý den, zpráva č. ' || i, now()
        FROM generate_series(1, {count}) AS i""")
    sink, port, record = start_sink(work, f"outbox-{workers}.jsonl")
    env = dict(os.environ)
    env.update({"KOLEKTOR_CONFIG": os.path.join(work, "empty.conf"), "DATABASE_URL": database_url,
                "KOLEKTOR_SMTP_URL": f"smtp://127.0.0.1:{port}", "KOLEKTOR_SMTP_TLS": "optional",
                "KOLEKTOR_MAIL_FROM": "kolektor@kolektor-bench.cz", "KOLEKTOR_OUTBOX_BATCH": "50"})
    open(env["KOLEKTOR_CONFIG"], "w").close()
    started = time.monotonic()
    processes = [subprocess.Popen([portal, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(workers)]
    try:
        while psql(database_url, "SELECT count(*) FROM outbox WHERE status = 'sent'") != str(count):
            if time.monotonic() - started > 300:
                raise RuntimeError("the outbox did not empty within 300 s")
            time.sleep(0.05)
        elapsed = time.monotonic() - started
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait()
        sink.terminate()
        sink.wait()
    received = count_lines(record)
    assert received >= count, f"only {received} of {count} messages reached the server"
    return count / elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--portal", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--count", type=int, default=5000)
    options = parser.parse_args()
    database_url = os.environ["DATABASE_URL"]

    direct = baseline(options.work, options.count)
    print(f"baseline   smtplib straight to the server, 1 connection: {direct:8.0f} e-mails/s")
    for workers in (1, 2):
        rate = through_outbox(options.work, options.portal, database_url, options.count, workers)
        verdict = "PASS" if rate >= 500 else "FAIL"
        print(f"outbox     {workers} worker(s): {rate:8.0f} e-mails/s   ratio to baseline {rate / direct:5.2f}"
              f"   target >= 500/s: {verdict}")


if __name__ == "__main__":
    main()
