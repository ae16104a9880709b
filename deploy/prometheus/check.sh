#!/usr/bin/env bash
# Validates the shipped Prometheus rules and their unit tests (and, when the tools are there,
# the example Prometheus config and the Alertmanager config). Run from anywhere; exits non-zero
# if any check fails. PROMTOOL and AMTOOL override the binaries found on PATH.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2

promtool="${PROMTOOL:-promtool}"
amtool="${AMTOOL:-amtool}"
status=0

if ! command -v "$promtool" >/dev/null 2>&1; then
  echo "promtool not found; install Prometheus (Debian/Ubuntu: apt-get install prometheus) or set PROMTOOL" >&2
  exit 2
fi

run() {
  echo "+ $*"
  "$@" || status=1
}

run "$promtool" check rules deploy/prometheus/rules/*.yml
run "$promtool" test rules deploy/prometheus/tests/*.test.yml
run "$promtool" check config deploy/prometheus/prometheus.example.yml

if command -v "$amtool" >/dev/null 2>&1; then
  run "$amtool" check-config deploy/alertmanager/alertmanager.yml
else
  echo "amtool not found; skipping the Alertmanager config check"
fi

if [ "$status" -eq 0 ]; then echo "All checks passed."; else echo "Some checks FAILED." >&2; fi
exit "$status"
