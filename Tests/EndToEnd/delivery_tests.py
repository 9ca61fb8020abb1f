"""End-to-end tests of the outbox worker against a real SMTP server and a local SMS gateway stand-in."""
import json
import os
import random
import signal
import subprocess
import sys
import time

import harness
from checks import expect_equal, expect_in, psql, test

HERE = os.path.dirname(os.path.abspath(__file__))


class Service:
    """A helper server process (SMTP sink or SMS gateway) on a free loopback port, recording to a file."""

    def __init__(self, script, record, *extra, port=None):
        self.port = port or harness.free_port()
        self.record = record
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, script), str(self.port), record, *extra],
                                        stdout=subprocess.PIPE, text=True)
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"{script} did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def records(self):
        if not os.path.exists(self.record):
            return []
        with open(self.record, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]


def worker_env(stack, **settings):
    env = dict(stack.env)
    env.update({"KOLEKTOR_OUTBOX_RETRY_BASE_SECONDS": "1", "KOLEKTOR_OUTBOX_LEASE_SECONDS": "2",
                "KOLEKTOR_MAIL_FROM": "kolektor@kolektor-test.cz"})
    env.update(settings)
    return env


def start_worker(stack, env, log_name="delivery-worker.log"):
    log = open(os.path.join(stack.work, log_name), "ab")
    return subprocess.Popen([stack.portal, "worker"], env=env, stdout=log, stderr=log)


def stop_worker(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def clear_outbox(stack):
    psql(stack.database_url, "DELETE FROM outbox")


def queue(stack, count, channel="email", kind="test", subject="Zkouška", recipient="r{i}@test.cz"):
    """Queues `count` messages directly in the outbox and returns their ids in order."""
    recipient_sql = "replace(" + "'" + recipient + "'" + ", '{i}', i::text)"
    ids = psql(stack.database_url, f"""
        INSERT INTO outbox (kind, channel, recipient, subject, body_text, created_at)
        SELECT '{kind}', '{channel}', {recipient_sql}, '{subject}', 'Dobrý den, zpráva č. ' || i, now()
        FROM generate_series(1, {count}) AS i
        RETURNING id""")
    return [int(line) for line in ids.split()]


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def status_counts(stack):
    rows = psql(stack.database_url, "SELECT status || ':' || count(*) FROM outbox GROUP BY status")
    return dict((line.split(":")[0], int(line.split(":")[1])) for line in rows.split())


def expected_message_ids(stack):
    rows = psql(stack.database_url, "SELECT '<outbox-' || id || '.' || idempotency_key || '@kolektor-test.cz>' FROM outbox")
    return set(rows.split())


@test
def smtp_delivers_utf8_html_and_attachment(stack):
    stack.stop_worker()
    clear_outbox(stack)
    sink = Service("smtp_sink.py", os.path.join(stack.work, "smtp-single.jsonl"))
    worker = None
    try:
        outbox_id = psql(stack.database_url, """
            WITH message AS (
                INSERT INTO outbox (kind, channel, recipient, subject, body_text, body_html, created_at)
                VALUES ('demand', 'email', 'dluznik@test.cz', 'Výzva k úhradě – faktura č. 2026001',
                        'Dlužná částka: 1 234,50 Kč', '<p>Dlužná částka: <b>1 234,50 Kč</b></p>', now())
                RETURNING id)
            INSERT INTO outbox_attachments (outbox_id, position, filename, content_type, content)
            SELECT id, 0, 'výzva.pdf', 'application/pdf', '\\x255044462d312e340a'::bytea FROM message
            RETURNING outbox_id""")
        worker = start_worker(stack, worker_env(stack, KOLEKTOR_SMTP_URL=f"smtp://127.0.0.1:{sink.port}",
                                                KOLEKTOR_SMTP_TLS="optional"))
        wait_for(lambda: len(sink.records()) == 1, 15, "the e-mail at the SMTP server")
        record = sink.records()[0]
        expect_equal(record["subject"], "Výzva k úhradě – faktura č. 2026001", "decoded subject")
        expect_equal(record["to"], ["dluznik@test.cz"], "envelope recipient")
        expect_equal(record["from"], "kolektor@kolektor-test.cz", "envelope sender")
        for part in ("multipart/mixed", "multipart/alternative", "text/plain; charset=utf-8",
                     "text/html; charset=utf-8", "application/pdf", "Date: ", "MIME-Version: 1.0"):
            expect_in(part, record["raw"], "MIME structure")
        wait_for(lambda: status_counts(stack).get("sent") == 1, 5, "the message marked sent")
        reference = psql(stack.database_url, f"SELECT provider_reference FROM outbox WHERE id = {outbox_id}")
        expect_equal(record["message_id"], reference, "Message-ID recorded in the outbox")
    finally:
        if worker:
            stop_worker(worker)
        sink.stop()
        stack.start_worker()


@test
def smtp_down_keeps_queue_until_back(stack):
    stack.stop_worker()
    clear_outbox(stack)
    port = harness.free_port()
    worker = start_worker(stack, worker_env(stack, KOLEKTOR_SMTP_URL=f"smtp://127.0.0.1:{port}",
                                            KOLEKTOR_SMTP_TLS="optional"))
    sink = None
    try:
        queue(stack, 3)
        wait_for(lambda: psql(stack.database_url, "SELECT min(attempts) FROM outbox") not in ("", "0"), 10,
                 "a failed attempt")
        counts = status_counts(stack)
        expect_equal(counts.get("sent", 0), 0, "messages sent while the server is down")
        expect_equal(counts.get("failed", 0), 0, "messages failed while the server is down")
        error = psql(stack.database_url, "SELECT last_error FROM outbox ORDER BY id LIMIT 1")
        expect_in("SMTP", error, "recorded temporary error")

        # The server comes up on the port the worker has been trying.
        sink = Service("smtp_sink.py", os.path.join(stack.work, "smtp-late.jsonl"), port=port)
        wait_for(lambda: status_counts(stack).get("sent") == 3, 30, "all three messages sent after the server came back")
        expect_equal(len(sink.records()), 3, "messages at the server")
    finally:
        stop_worker(worker)
        if sink:
            sink.stop()
        stack.start_worker()


@test
def crash_test_delivers_every_message(stack):
    """500 messages; the worker is killed with SIGKILL at random moments and restarted until the queue is empty."""
    stack.stop_worker()
    clear_outbox(stack)
    sink = Service("smtp_sink.py", os.path.join(stack.work, "smtp-crash.jsonl"))
    env = worker_env(stack, KOLEKTOR_SMTP_URL=f"smtp://127.0.0.1:{sink.port}", KOLEKTOR_SMTP_TLS="optional")
    kills = 0
    try:
        queue(stack, 500, subject="Krizový test")
        expected = expected_message_ids(stack)
        randomness = random.Random(20261204)
        deadline = time.time() + 120
        while time.time() < deadline:
            counts = status_counts(stack)
            if counts.get("queued", 0) + counts.get("sending", 0) == 0:
                break
            worker = start_worker(stack, env, "crash-worker.log")
            time.sleep(randomness.uniform(0.05, 0.4))
            if worker.poll() is None:
                worker.kill()
                kills += 1
            worker.wait()
            if kills >= 12:
                # Enough crashes: let a last worker finish, including messages whose lease must expire first.
                worker = start_worker(stack, env, "crash-worker.log")
                wait_for(lambda: status_counts(stack).get("sent") == 500, 60, "the queue to empty")
                stop_worker(worker)
                break
        counts = status_counts(stack)
        expect_equal(counts, {"sent": 500}, "outbox after the crash test")
        records = sink.records()
        received = [record["message_id"] for record in records]
        expect_equal(set(received), expected, "set of Message-IDs at the SMTP server")
        duplicates = len(received) - len(set(received))
        print(f"    crash test: {kills} kills, {len(received)} deliveries, {duplicates} repeated Message-IDs")
        # A kill between the server's acceptance and the worker's commit sends that message again with the same
        # Message-ID (at-least-once); each such repeat needs its own kill.
        if duplicates > kills:
            raise AssertionError(f"{duplicates} repeated deliveries for {kills} kills")
        expect_equal(len(set(received)), 500, "distinct messages at the SMTP server")
    finally:
        sink.stop()
        stack.start_worker()


@test
def sms_gateway_gets_idempotent_retries(stack):
    stack.stop_worker()
    clear_outbox(stack)
    gateway = Service("sms_gateway.py", os.path.join(stack.work, "sms.jsonl"), "fail-once")
    worker = start_worker(stack, worker_env(stack, KOLEKTOR_SMS_URL=f"http://127.0.0.1:{gateway.port}/send",
                                            KOLEKTOR_SMS_TOKEN="test-token"))
    try:
        psql(stack.database_url, """
            INSERT INTO outbox (kind, channel, recipient, subject, body_text, created_at)
            VALUES ('sign_in_code', 'sms', '+420777123456', '', 'Váš kód pro přihlášení do Kolektoru: 123456', now())""")
        wait_for(lambda: status_counts(stack).get("sent") == 1, 20, "the SMS marked sent")
        records = gateway.records()
        expect_equal(len(records), 2, "requests at the gateway (one refused with 503, one retry)")
        expect_equal(records[0]["key"], records[1]["key"], "idempotency key of the retry")
        key = psql(stack.database_url, "SELECT idempotency_key FROM outbox")
        expect_equal(records[0]["key"], key, "idempotency key from the outbox")
        expect_equal(records[1]["authorization"], "Bearer test-token", "authorization header")
        body = json.loads(records[1]["body"])
        expect_equal(body, {"to": "+420777123456", "text": "Váš kód pro přihlášení do Kolektoru: 123456", "id": key},
                     "JSON body")
        row = psql(stack.database_url, "SELECT provider_reference || ' ' || provider_status || ' ' || attempts FROM outbox")
        expect_equal(row, f"gw-{key[:8]} accepted 2", "gateway id, status and attempts")
    finally:
        stop_worker(worker)
        gateway.stop()
        stack.start_worker()


@test
def sms_rejected_by_gateway_fails_for_good(stack):
    stack.stop_worker()
    clear_outbox(stack)
    gateway = Service("sms_gateway.py", os.path.join(stack.work, "sms-reject.jsonl"), "reject")
    worker = start_worker(stack, worker_env(stack, KOLEKTOR_SMS_URL=f"http://127.0.0.1:{gateway.port}/send"))
    try:
        queue(stack, 1, channel="sms", recipient="+420000")
        wait_for(lambda: status_counts(stack).get("failed") == 1, 20, "the SMS marked failed")
        expect_equal(len(gateway.records()), 1, "requests at the gateway")
        error = psql(stack.database_url, "SELECT last_error FROM outbox")
        expect_equal(error, "SMS gateway answered HTTP 400", "recorded permanent error")
    finally:
        stop_worker(worker)
        gateway.stop()
        stack.start_worker()


@test
def letters_go_into_a_daily_batch_with_manifest(stack):
    clear_outbox(stack)
    outbox_id = psql(stack.database_url, """
        WITH letter AS (
            INSERT INTO outbox (kind, channel, recipient, subject, body_text, registered, created_at)
            VALUES ('demand_final', 'letter', E'Stavebniny Horák s.r.o.\\nNádražní 12\\n280 02 Kolín',
                    'Předžalobní výzva', 'text', true, now())
            RETURNING id)
        INSERT INTO outbox_attachments (outbox_id, position, filename, content_type, content)
        SELECT id, 0, 'dopis.pdf', 'application/pdf', '\\x255044462d312e340a'::bytea FROM letter
        RETURNING outbox_id""")
    wait_for(lambda: status_counts(stack).get("batched") == 1, 15, "the letter in the print batch")
    day = psql(stack.database_url, "SELECT letter_batch FROM outbox")
    expect_equal(day, psql(stack.database_url, "SELECT (now() AT TIME ZONE 'Europe/Prague')::date"), "batch day")
    batch = os.path.join(stack.work, "data", "letters", day)
    with open(os.path.join(batch, f"{outbox_id}-demand_final.pdf"), "rb") as handle:
        expect_equal(handle.read(), b"%PDF-1.4\n", "letter file in the batch")
    with open(os.path.join(batch, "manifest.csv"), encoding="utf-8") as handle:
        manifest = handle.read().splitlines()
    expect_equal(manifest, ["id;soubor;adresat;doporucene_do_vlastnich_rukou",
                            f"{outbox_id};{outbox_id}-demand_final.pdf;Stavebniny Horák s.r.o. | Nádražní 12 | 280 02 Kolín;ano"],
                 "manifest lines")

    confirmed = stack.run_portal("letters", "confirm", "--day", day)
    expect_equal(confirmed.returncode, 0, "letters confirm exit status: " + confirmed.stderr)
    expect_in("1 dopisů označeno jako odeslané", confirmed.stdout, "confirm output")
    expect_equal(status_counts(stack), {"sent": 1}, "outbox after confirming the batch")

    receipt = stack.run_portal("letters", "receipt", "--id", outbox_id, "--date", "2026-12-10")
    expect_equal(receipt.returncode, 0, "letters receipt exit status: " + receipt.stderr)
    again = stack.run_portal("letters", "receipt", "--id", outbox_id, "--date", "2026-12-11")
    expect_equal(again.returncode, 2, "a second receipt is refused")
    expect_in("není odeslaný doporučený dopis bez zapsané doručenky", again.stderr, "Czech error for a second receipt")
    expect_equal(psql(stack.database_url, "SELECT delivery_receipt_on FROM outbox"), "2026-12-10", "kept receipt date")
    bad = stack.run_portal("letters", "confirm", "--day", "4.12.2026")
    expect_equal(bad.returncode, 2, "exit status for a malformed date")
    expect_in("není platné datum", bad.stderr, "Czech error for a malformed date")
