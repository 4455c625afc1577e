"""A request to one of the portal's WSGI applications as gunicorn makes it, inside the test's transaction."""

import io
import sys

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


def wsgi_call(
    application, path: str, query: str = "", *, method="GET", body=b"", content_type="", **headers
) -> tuple[int, dict, bytes]:
    """(status, headers, body) of the application's answer; headers given as accept_language="fr" and the like."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    # As Django's test client does: a real handler would close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        answer_body = application(environ, start_response)
        content = b"".join(answer_body)
        if hasattr(answer_body, "close"):
            answer_body.close()  # as the server does once the answer is sent
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], content
