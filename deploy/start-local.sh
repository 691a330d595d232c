#!/usr/bin/env bash
# Starts the whole system on this machine, both data centres (PDC and SDC) wired to each other, each
# with embedded PostgreSQL, Redis, SMTP and SMPP, and prints where to click and how to log in.
# Needs only a JDK 17+. Builds first when sources changed. --fresh wipes .local-run/ first.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=local-infra/target/local-infra-1.0.0-SNAPSHOT.jar
needs_build() {
  for jar in "$launcher" auth-service/target/quarkus-app/quarkus-run.jar \
             otp-service/target/quarkus-app/quarkus-run.jar datacentre-state/target/quarkus-app/quarkus-run.jar; do
    [[ -f "$jar" ]] || return 0
  done
  [[ -n "$(find platform-common local-infra auth-service otp-service datacentre-state pom.xml \
            -path '*/target' -prune -o -type f -newer "$launcher" -print -quit)" ]]
}

if needs_build; then
  echo "Building (first run or sources changed)..."
  ./mvnw -B -ntp -q -DskipTests -pl local-infra,auth-service,otp-service,datacentre-state -am install
fi
exec java -Dccms.project.root="$PWD" -cp "$launcher:local-infra/target/lib/*" hk.ccms.access.infra.launcher.LocalSystem "$@"
