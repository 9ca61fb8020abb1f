#!/usr/bin/env python3
"""A real SMTP server on loopback (aiosmtpd) that records every accepted message as one JSON line.

Usage: smtp_sink.py PORT RECORD_FILE. Each line holds the Message-ID, envelope sender and recipients, the
decoded subject and the raw message. Every acceptance is recorded, duplicates included, so tests can count them.
"""
import email
import email.header
import json
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        subject = str(email.header.make_header(email.header.decode_header(message.get("Subject", ""))))
        record = {
            "message_id": message.get("Message-ID", ""),
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": subject,
            "raw": envelope.content.decode("utf-8", "replace"),
        }
        with self.lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
            handle.flush()
        return "250 Message accepted"


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Recorder(path), hostname="127.0.0.1", port=port)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    print("ready", flush=True)
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
