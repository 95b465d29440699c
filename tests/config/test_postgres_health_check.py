"""The health check of persistent PostgreSQL connections asks the server only when the socket says the
session may be over (config/postgres/base.py)."""

import select
from unittest import mock

import psycopg
import pytest
from django.db import close_old_connections, connection, connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.worker import shared_database_url, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),  # requests keep and check their connection only outside a test transaction
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend's own health check"),
]


@pytest.fixture
def client(cast):
    token, _ = Token.objects.get_or_create(user=cast.member)
    return RequestBoundaries(HTTP_AUTHORIZATION=f"Token {token.key}")


class RequestBoundaries(APIClient):
    """The test client skips what a server does as each request starts: give the connection back to its
    health check (close_old_connections)."""

    def get(self, *args, **kwargs):
        close_old_connections()
        return super().get(*args, **kwargs)


def test_a_live_connection_is_reused_without_asking_the_server(client):
    assert client.get("/api/organizations/").status_code == 200
    backend = connection.connection.info.backend_pid

    with mock.patch.object(type(connections["default"]), "is_usable", autospec=True, side_effect=is_usable) as asked:
        assert client.get("/api/organizations/").status_code == 200

    assert (asked.call_count, connection.connection.info.backend_pid) == (0, backend)


def test_a_session_the_server_ended_is_replaced_before_the_request_uses_it(client):
    assert client.get("/api/organizations/").status_code == 200
    ended = connection.connection.info.backend_pid
    with psycopg.connect(shared_database_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [ended])
    assert wait_for(lambda: _has_bytes_waiting(connection.connection), timeout=10)

    with mock.patch.object(type(connections["default"]), "is_usable", autospec=True, side_effect=is_usable) as asked:
        assert client.get("/api/organizations/").status_code == 200

    assert asked.call_count == 1
    assert connection.connection.info.backend_pid != ended


def is_usable(wrapper) -> bool:
    return super(type(wrapper), wrapper).is_usable()


def _has_bytes_waiting(raw_connection) -> bool:
    poll = select.poll()
    poll.register(raw_connection.fileno(), select.POLLIN)
    return bool(poll.poll(0))
