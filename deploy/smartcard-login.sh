#!/usr/bin/env bash
# Logs in to the local run with a demo smartcard: signs auth-service's challenge with the card's key
# (a PEM file made by the local run's demo PKI) and prints the token response.
#   ./deploy/smartcard-login.sh ALICE01 [FUNCTION] [--mtls]     (FUNCTION: ONLINE_FUNCTIONS by default)
# Logs in at PDC; CCMS_DC=SDC logs in at SDC (the cards are trusted at both, only the active one takes logins).
# Any other SmartcardCli option may follow, e.g. --algorithm PS256; --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
user=${1:?usage: $0 USERID [FUNCTION] [--mtls] [SmartcardCli options]}; shift
function=ONLINE_FUNCTIONS
if [[ $# -gt 0 && $1 != --* ]]; then function=$1; shift; fi
case ${CCMS_DC:-PDC} in
  PDC) http_port=8081 tls_port=8443 ;;
  SDC) http_port=9081 tls_port=9443 ;;
  *) echo "CCMS_DC must be PDC or SDC" >&2; exit 2 ;;
esac
cards=.local-run/pki/cards
[[ -f "$cards/$user.pem" ]] || { echo "No demo card for $user in $cards (start the local run first: ./deploy/start-local.sh)" >&2; exit 2; }
extra=(--url "http://127.0.0.1:$http_port")
if [[ " $* " == *" --mtls "* ]]; then
  extra=(--url "https://localhost:$tls_port" --trust .local-run/pki/trust-anchors.pem)
fi
exec java -cp "local-infra/target/local-infra-1.0.0-SNAPSHOT.jar:local-infra/target/lib/*" hk.ccms.access.infra.smartcard.SmartcardCli \
  --user "$user" --password "${CCMS_DEMO_PASSWORD:-Harbour-View-2023}" --function "$function" \
  --key "$cards/$user.key.pem" --chain "$cards/$user.pem" "${extra[@]}" "$@"
