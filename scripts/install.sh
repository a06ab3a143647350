#!/usr/bin/env bash
# Installs whatever is missing on a fresh machine: pnpm, the workspace, Redis, PostgreSQL, FerretDB, Chromium.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  say "installing pnpm $PNPM_VERSION"
  npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
  hash -r
fi

apt_missing=()
command -v redis-server >/dev/null || apt_missing+=(redis-server)
[[ -n "$(pg_bin)" ]] || apt_missing+=(postgresql)
command -v chromium >/dev/null || apt_missing+=(chromium)
if ((${#apt_missing[@]})); then
  say "installing ${apt_missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

if [[ ! -x "$FERRETDB_BIN" ]]; then
  # `go install …@v1.24.2` builds a binary that panics at start: the module zip lacks
  # build/version/version.txt. So we fetch that exact module, add the file, and build it.
  say "building FerretDB $FERRETDB_VERSION (once; reused from $FERRETDB_BIN)"
  command -v go >/dev/null || die "Go is needed to build FerretDB"
  src=$(mktemp -d)
  modcache=$(go env GOMODCACHE)
  (cd "$src" && go mod download "github.com/FerretDB/FerretDB@$FERRETDB_VERSION")
  cp -r "$modcache/github.com/!ferret!d!b/!ferret!d!b@$FERRETDB_VERSION/." "$src/ferretdb"
  chmod -R u+w "$src/ferretdb"
  echo "$FERRETDB_VERSION" > "$src/ferretdb/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$src/ferretdb" && go build -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$src"
fi

say "installing workspace dependencies"
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
