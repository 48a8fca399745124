"""Django's PostgreSQL backend, starting the embedded server before its first connection."""

from django.db.backends.postgresql import base

from config.embedded_postgres import ensure_server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        # HOST is the data folder: pgserver puts its Unix socket there
        ensure_server(self.settings_dict["HOST"])
        return super().get_connection_params()
