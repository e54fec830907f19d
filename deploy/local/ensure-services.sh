#!/usr/bin/env bash
# Makes sure MariaDB and Redis run on this Debian machine: installs them with apt when missing, starts them
# when stopped, and creates the application users the tests and the benchmark use. Idempotent; needs root.
# Prints nothing on success but the lines it acts on.
set -euo pipefail

# The caller chooses the password (CI makes a random one per run); nothing fixed is committed.
KEPU_DB_USER=${KEPU_SERVICE_DB_USER:-kepu_ci}
KEPU_DB_PASSWORD=${KEPU_SERVICE_DB_PASSWORD:?set KEPU_SERVICE_DB_PASSWORD}

missing=()
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server mariadb-client)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mariadb_up() { mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; }
if ! mariadb_up; then
  echo "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  if [ ! -d /var/lib/mysql/mysql ]; then
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do mariadb_up && break; sleep 1; done
  mariadb_up || { echo "MariaDB did not start" >&2; exit 1; }
fi

# An application user over TCP (Debian's root uses unix-socket auth, which JDBC cannot use), allowed to create
# and drop only the databases the tests and the benchmark make for themselves.
mariadb --protocol=socket -uroot <<SQL
CREATE USER IF NOT EXISTS '${KEPU_DB_USER}'@'localhost' IDENTIFIED BY '${KEPU_DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${KEPU_DB_USER}'@'127.0.0.1' IDENTIFIED BY '${KEPU_DB_PASSWORD}';
ALTER USER '${KEPU_DB_USER}'@'localhost' IDENTIFIED BY '${KEPU_DB_PASSWORD}';
ALTER USER '${KEPU_DB_USER}'@'127.0.0.1' IDENTIFIED BY '${KEPU_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`kepu\_test\_%\`.* TO '${KEPU_DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`kepu\_test\_%\`.* TO '${KEPU_DB_USER}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`kepu\_bench%\`.* TO '${KEPU_DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`kepu\_bench%\`.* TO '${KEPU_DB_USER}'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start" >&2; exit 1; }
fi
