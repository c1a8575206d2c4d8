"""A local SMTP server for the fault scenarios: it counts what it accepted, by Message-ID, and
can hang (accept the connection, never answer) or stall one message before accepting it."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections import Counter
from email import message_from_bytes


class FakeSMTP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Session)
        self.mode = "normal"  # "normal", "hang" or "stall" (the next DATA waits for `resume`)
        self.accepted: Counter[str] = Counter()
        self.stalled = threading.Event()
        self.resume = threading.Event()
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def close(self) -> None:
        self.resume.set()
        self.shutdown()
        self.server_close()


class _Session(socketserver.StreamRequestHandler):
    timeout = 120

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        server: FakeSMTP = self.server
        if server.mode == "hang":
            # Accepts the connection and never says a word: the client waits for its timeout.
            with _suppress():
                while self.rfile.read(1):
                    pass
            return
        self.reply("220 audit ESMTP")
        with _suppress():
            while line := self.rfile.readline():
                command = line.decode(errors="replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    self.reply("250 audit")
                elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                    self.reply("250 OK")
                elif command == "DATA":
                    self.reply("354 go ahead")
                    self.receive(server)
                elif command == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("502 not implemented")

    def receive(self, server: FakeSMTP) -> None:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line)
        if server.mode == "stall" and not server.stalled.is_set():
            server.stalled.set()
            server.resume.wait()
            return  # the worker was killed meanwhile: nothing was accepted
        message_id = message_from_bytes(b"".join(lines)).get("Message-ID", "?")
        with server.lock:
            server.accepted[message_id] += 1
        self.reply("250 accepted")


class _suppress:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        return kind is not None and issubclass(kind, OSError | socket.timeout)
