"""A small client of the Fabriques site for the benchmarks (standard library only).

One `Browser` is one person: its own session cookie, its CSRF token, and a keep-alive connection of its
own. Redirects are never followed, so each call returns the status and the Location the server sent.
"""

import http.client
import re
import threading
import urllib.parse
import uuid

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
COOKIE = "fabriques_session"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        return self.headers.get("location", "")


class Browser:
    def __init__(self, host, port, timeout=60):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookie = None
        self.csrf = None
        self.connection = None

    def _connect(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.connection

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        for attempt in (1, 2):  # one retry when a kept-alive connection was closed by the server while idle
            connection = self._connect()
            try:
                connection.request(method, path, body=body, headers=headers)
                raw = connection.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise
        response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
        for name, value in raw.getheaders():
            if name.lower() == "set-cookie" and value.startswith(COOKIE + "="):
                self.cookie = value.split(";", 1)[0].split("=", 1)[1]
        found = CSRF.search(response.text) if b"_csrf" in data else None
        if found:
            self.csrf = found.group(1)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields=()):
        """URL-encoded form post; `fields` is a dict or a list of pairs; the CSRF token is added."""
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
        body = urllib.parse.urlencode([("_csrf", self.csrf or "")] + pairs)
        return self.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})

    def sign_in(self, email, password):
        self.get("/connexion")
        response = self.post("/connexion", {"email": email, "password": password})
        if response.status != 303:
            raise RuntimeError(f"sign-in of {email}: HTTP {response.status}")
        self.get("/")  # the new session's CSRF token
        return response


def multipart(fields, files):
    """(body bytes, content type) of a multipart/form-data request; files: list of (field, filename, type, bytes)."""
    boundary = "----fabriques-bench-" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content_type, content in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def id_from(location, prefix):
    """The number after `prefix` in a Location header, e.g. id_from('/appels/7/modifier', '/appels/') == 7."""
    match = re.search(re.escape(prefix) + r"(\d+)", location)
    if not match:
        raise RuntimeError(f"no id after {prefix} in Location {location!r}")
    return int(match.group(1))


def parallel(items, worker, threads):
    """Runs worker(item) over items on `threads` threads; returns the results in order, re-raising the first error."""
    results = [None] * len(items)
    errors = []
    lock = threading.Lock()
    position = iter(range(len(items)))

    def loop():
        while True:
            with lock:
                index = next(position, None)
            if index is None or errors:
                return
            try:
                results[index] = worker(items[index])
            except Exception as error:  # noqa: BLE001 - reported to the caller
                errors.append(error)

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if errors:
        raise errors[0]
    return results
