"""A TCP listener on loopback that records every connection it is offered.

The tests that check cislib never reaches outside point hostile queries and files at it: any
connection it records is a request cislib should not have made.
"""

from __future__ import annotations

import socket
import threading


class Listener:
    """Accepts connections on a free loopback port and keeps the first bytes of each.

    ``connections`` holds what each connection sent first (``b""`` when it sent nothing), in
    the order they came.
    """

    def __init__(self, path: str = "/"):
        self.path = path
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.connections: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        """The URL of the listener, with the path it was made with."""
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}{self.path}"

    def close(self) -> None:
        """Stop listening."""
        self.socket.close()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            connection.settimeout(1)
            try:
                self.connections.append(connection.recv(300))
            except OSError:
                self.connections.append(b"")
            connection.close()
