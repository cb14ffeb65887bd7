#!/usr/bin/env bash
# `npm test`: lint and type-check every project, then every test target of every project against
# the real PostgreSQL, Redis and RabbitMQ, slowest and most disruptive last. `run-many`, never
# `affected`: on a clean clone "affected" would run nothing.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}
export npm_config_loglevel=error
results=tmp/jest-results
rm -rf "$results" && mkdir -p "$results"

status=0
step() {
  echo ""
  echo "=== $1"
  shift
  "$@" || status=1
}

step "lint + typecheck" npx nx run-many -t lint typecheck --parallel=2 --outputStyle=stream
step "unit tests" npx nx run-many -t test --parallel=2 --outputStyle=stream
step "service integration tests" npx nx run-many -t e2e --exclude=system-e2e --parallel=1 --outputStyle=stream
step "system tests (whole stack, browser)" npx nx run system-e2e:e2e --outputStyle=stream
step "chaos tests (broker restarts)" npx nx run-many -t chaos --parallel=1 --outputStyle=stream

node tools/test/summarize.mjs "$results" || status=1
exit $status
