"""Django's PostgreSQL backend with a health check that costs no round trip while the connection is fine.

With persistent connections, Django checks a connection before a request first uses it (CONN_HEALTH_CHECKS):
a `SELECT 1`, a round trip to the server on every request, as dear as the request's own query on the light
endpoints. A server that ends a session (a restart, `pg_terminate_backend`, an idle timeout) sends its
error and closes the socket, so a connection it has ended has bytes waiting; an idle live one has none.
This check polls the socket without waiting: nothing to read, and the connection is fine; anything to
read, and it asks the server with Django's own `SELECT 1`, which reconnects if the session is gone.

What it cannot see is a peer that vanished without a word (a host down, a partition): that request fails,
as its `SELECT 1` would have stalled, and the connection is replaced after it.
"""

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus

NO_WAIT_MS = 0  # poll's timeout: look, do not wait


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self) -> None:
        if self._idle_and_quiet():
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _idle_and_quiet(self) -> bool:
        if self.connection is None or not self.health_check_enabled or self.health_check_done or self.pool:
            return False
        if self.connection.closed or self.connection.info.transaction_status != TransactionStatus.IDLE:
            return False
        poll = select.poll()
        poll.register(self.connection.fileno(), select.POLLIN)
        return len(poll.poll(NO_WAIT_MS)) == 0
