# Sourced (not executed: keep this file non-executable) by the mariadb image's entrypoint, once, as MariaDB's
# administrator, when the data volume is new and after it has created MARIADB_DATABASE and its owner MARIADB_USER.
#
# The owner gets GRANT OPTION on the schema, so that the migrations it runs can grant the application's account
# (db-migrations/mariadb/afterMigrate__grant_runtime_account.sql, after every migrate). The application's account
# (TRAZA_RUNTIME_USER, password TRAZA_RUNTIME_PASSWORD) can only read the schema until then: the server connects
# while it deploys, before any table exists, and an account with no privilege on a schema cannot open it.
# See docs/database-accounts.md.
traza_sql_literal() {
	local escaped=${1//\\/\\\\}
	printf "'%s'" "${escaped//\'/\'\'}"
}

docker_process_sql --database=mysql <<-EOSQL
	GRANT ALL PRIVILEGES ON \`${MARIADB_DATABASE}\`.* TO $(traza_sql_literal "${MARIADB_USER}")@'%' WITH GRANT OPTION;
	CREATE USER IF NOT EXISTS $(traza_sql_literal "${TRAZA_RUNTIME_USER:-traza}")@'%'
	  IDENTIFIED BY $(traza_sql_literal "${TRAZA_RUNTIME_PASSWORD:?set TRAZA_RUNTIME_PASSWORD}");
	GRANT SELECT ON \`${MARIADB_DATABASE}\`.* TO $(traza_sql_literal "${TRAZA_RUNTIME_USER:-traza}")@'%';
EOSQL
