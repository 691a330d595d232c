#!/usr/bin/env bash
# Where a complete OTP login's CPU goes besides the password hash. Runs the load harness at one
# concurrency, records auth-service and otp-service with Linux perf for 30 s once the warm-up is
# over, and charges every sample to the library it was taken in (PerfStackSummary).
#
# Needs: a build (./mvnw -DskipTests install), perf, and the right to use it (root, or
# kernel.perf_event_paranoid <= 1). The service JVMs keep the launcher's options and get
# -XX:+PreserveFramePointer (through JDK_JAVA_OPTIONS) so that perf can walk compiled Java frames;
# that costs them a few per cent, so the harness's own figures from this run read a little high.
#
# usage: benchmarks/profile-logins.sh [concurrency] [warm-up seconds]
set -euo pipefail
trap 'echo "profile-logins.sh: stopped at line $LINENO (exit status $?)" >&2' ERR
cd "$(dirname "$0")/.."
concurrency=${1:-4}
warm_up=${2:-60}
out=$(mktemp -d /tmp/ccms-profile-XXXXXX)
sample_hz=1999

export JDK_JAVA_OPTIONS="-XX:+PreserveFramePointer"
java -Dccms.project.root="$PWD" -cp benchmarks/target/benchmarks.jar hk.ccms.access.bench.LoginLoadHarness \
    50 "$concurrency" "$warm_up" > "$out/harness.log" 2>&1 &
harness=$!
until grep -q '^warm-up:' "$out/harness.log"; do
    kill -0 "$harness" 2>/dev/null || { cat "$out/harness.log"; exit 1; }
    sleep 1
done
sleep 5

# The harness names its service processes: "service NAME pid PID log FILE".
service_field() {
    awk -v name="$1" -v field="$2" '$1 == "service" && $2 == name { print $field }' "$out/harness.log"
}
auth=$(service_field auth-service 4)
otp=$(service_field otp-service 4)
otp_log=$(service_field otp-service 6)
logins_before=$(grep -c 'outcome=ACCEPTED' "$otp_log" || true)
perf record -q -e cpu-clock -F "$sample_hz" -g -p "$auth,$otp" -o "$out/perf.data" -- sleep 30
logins_after=$(grep -c 'outcome=ACCEPTED' "$otp_log" || true)
logins=$(( logins_after - logins_before ))
# The symbols of the JIT-compiled code, for perf script (/tmp/perf-PID.map).
jcmd "$auth" Compiler.perfmap > /dev/null
jcmd "$otp" Compiler.perfmap > /dev/null
wait "$harness"

perf script -i "$out/perf.data" -F comm,pid,tid,ip,sym 2> /dev/null > "$out/perf.txt"
unset JDK_JAVA_OPTIONS
grep -E '^\|( concurrency|---| [0-9])' "$out/harness.log"
echo
echo "perf: $logins logins in 30 s at concurrency $concurrency (recording and harness log in $out)"
java -cp benchmarks/target/benchmarks.jar hk.ccms.access.bench.PerfStackSummary "$out/perf.txt" "$logins" "$sample_hz" \
    auth-service="$auth" otp-service="$otp"
