#!/usr/bin/env python3
"""A local HTTP stand-in for an SMS gateway: records every request and answers like a gateway would.

Usage: sms_gateway.py PORT RECORD_FILE [MODE]. MODE `ok` answers 200 with a JSON id and status, `fail-once`
answers 503 to the first request of each idempotency key and 200 afterwards, `reject` answers 400.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "ok"
    seen = set()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8")
            key = self.headers.get("Idempotency-Key", "")
            record = {"path": self.path, "key": key, "authorization": self.headers.get("Authorization", ""),
                      "content_type": self.headers.get("Content-Type", ""), "body": body}
            with lock:
                first = key not in seen
                seen.add(key)
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(record) + "\n")
            if mode == "reject":
                self.answer(400, {"error": "invalid number"})
            elif mode == "fail-once" and first:
                self.answer(503, {"error": "try later"})
            else:
                self.answer(200, {"id": "gw-" + key[:8], "status": "accepted"})

        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
