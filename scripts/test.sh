#!/usr/bin/env bash
# make test: install what is missing, start fresh services on the test ports (beside any
# running `make up`), then typecheck, lint and run every test suite.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$(date +%s)
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
bash scripts/install.sh
profile_ports test

# Tests create and drop databases: never point them at a database given in the environment.
unset MONGODB_URI REDIS_URL SMTP_URL FERRETDB_POSTGRES_URL
bash scripts/services.sh clean test
say "starting test services"
bash scripts/services.sh start test
trap 'bash scripts/services.sh stop test' EXIT

export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/"
# The PostgreSQL behind the test FerretDB: the db package's index companion (see ARCHITECTURE.md).
export FERRETDB_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"

say "shellcheck"
shellcheck -x scripts/*.sh .ci/run
say "helm chart (lint, template)"
bash scripts/check-helm.sh
say "import direction"
node scripts/check-imports.mjs >/dev/null
say "format (prettier --check; pnpm format fixes it)"
pnpm exec prettier --check . --log-level warn
say "typecheck"
pnpm exec turbo run typecheck --output-logs=errors-only
say "lint"
pnpm lint
say "production build (the end-to-end tests start the built server and worker; the browser tests drive the web build)"
pnpm build
say "tests (unit, integration)"
mkdir -p "$DATA/reports"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile="$DATA/reports/vitest.json" || status=$?

# shellcheck disable=SC2016 # JavaScript, not shell
node -e '
const r = require(process.argv[1]);
console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$DATA/reports/vitest.json" || true
say "make test finished in $(( $(date +%s) - started ))s"
exit $status
