#!/usr/bin/env bash
# Installs whatever is missing on a fresh machine: pnpm, the workspace, Redis, PostgreSQL,
# Chromium and shellcheck (Debian), FerretDB (built once from the Go module proxy). Works as root
# or as a user who may run apt-get through sudo. Every failure names its fix in one line.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v node >/dev/null || die "Node.js is not installed: install Node.js 20.19 or newer (e.g. 'nvm install 20'), then run again"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js $(node -v) is too old: install Node.js 20.19 or newer (e.g. 'nvm install 20'), then run again"

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  say "installing pnpm $PNPM_VERSION"
  # Globally when npm may write there (root), else into our cache (lib.sh puts it on PATH).
  if ! npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    npm install --silent --prefix "$CACHE_DIR/pnpm" "pnpm@$PNPM_VERSION" >/dev/null ||
      die "could not install pnpm $PNPM_VERSION from the npm registry: check the network or npm's registry setting, then run again"
    mkdir -p "$CACHE_DIR/pnpm/bin"
    ln -sf ../node_modules/.bin/pnpm "$CACHE_DIR/pnpm/bin/pnpm"
    PATH="$CACHE_DIR/pnpm/bin:$PATH"
    say "pnpm is in $CACHE_DIR/pnpm/bin (add it to PATH to run pnpm yourself)"
  fi
  hash -r
fi

apt_missing=()
command -v redis-server >/dev/null || apt_missing+=(redis-server)
[[ -n "$(pg_bin)" ]] || apt_missing+=(postgresql)
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v shellcheck >/dev/null || apt_missing+=(shellcheck)
# Keycloak (SSO browser tests) runs on Java 17 and comes from Maven Central as a zip.
if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
  command -v java >/dev/null || apt_missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || apt_missing+=(maven)
  command -v unzip >/dev/null || apt_missing+=(unzip)
fi
if ((${#apt_missing[@]})); then
  command -v apt-get >/dev/null ||
    die "missing ${apt_missing[*]} and this machine has no apt-get: install them with its package manager, then run again"
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    if ! { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
      die "missing ${apt_missing[*]}; installing them needs root: run 'sudo apt-get install -y ${apt_missing[*]}' once, then run again"
    fi
    sudo=(sudo -n)
  fi
  say "installing ${apt_missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 ||
    die "apt-get could not reach Debian's package archive: check the network or apt's proxy settings, then run again"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null ||
    die "apt-get could not install ${apt_missing[*]} (its error is above): fix that, then run again"
fi

if [[ ! -x "$FERRETDB_BIN" ]]; then
  # `go install …@v1.24.2` builds a binary that panics at start: the module zip lacks
  # build/version/version.txt. So we fetch that exact module, add the file, and build it.
  say "building FerretDB $FERRETDB_VERSION (once; reused from $FERRETDB_BIN)"
  command -v go >/dev/null ||
    die "Go is needed once to build FerretDB $FERRETDB_VERSION: install Go 1.21 or newer (https://go.dev/dl/), or set FERRETDB_BIN to a ferretdb $FERRETDB_VERSION binary, then run again"
  src=$(mktemp -d)
  trap 'rm -rf "$src"' EXIT
  modcache=$(go env GOMODCACHE)
  (cd "$src" && go mod download "github.com/FerretDB/FerretDB@$FERRETDB_VERSION") ||
    die "could not download FerretDB from the Go module proxy ($(go env GOPROXY)): check the network or GOPROXY, then run again"
  cp -r "$modcache/github.com/!ferret!d!b/!ferret!d!b@$FERRETDB_VERSION/." "$src/ferretdb"
  chmod -R u+w "$src/ferretdb"
  echo "$FERRETDB_VERSION" > "$src/ferretdb/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$src/ferretdb" && go build -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb) ||
    die "building FerretDB failed (the Go error is above): FerretDB $FERRETDB_VERSION needs Go 1.24, which Go 1.21+ fetches itself unless GOTOOLCHAIN=local"
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
fi

if [[ ! -x "$HELM_BIN" ]]; then
  # make test lints and renders the chart (scripts/check-helm.sh). The version is stamped as
  # helm's own Makefile does; `go install` alone reports "v4.3".
  say "building Helm $HELM_VERSION (once; reused from $HELM_BIN)"
  command -v go >/dev/null ||
    die "Go is needed once to build Helm $HELM_VERSION: install Go 1.21 or newer (https://go.dev/dl/), or set HELM_BIN to a helm $HELM_VERSION binary, then run again"
  gobin=$(mktemp -d)
  GOBIN="$gobin" go install -ldflags "-X helm.sh/helm/v4/internal/version.version=$HELM_VERSION" "helm.sh/helm/v4/cmd/helm@$HELM_VERSION" ||
    die "building Helm failed (the Go error is above): check access to the Go module proxy ($(go env GOPROXY)); Helm $HELM_VERSION needs a recent Go, which Go 1.21+ fetches itself unless GOTOOLCHAIN=local"
  mkdir -p "$(dirname "$HELM_BIN")"
  mv "$gobin/helm" "$HELM_BIN"
  rm -rf "$gobin"
fi

if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
  say "downloading Keycloak $KEYCLOAK_VERSION (once, about 150 MB; reused from $KEYCLOAK_HOME)"
  kc_dl="$CACHE_DIR/keycloak-download"
  mkdir -p "$kc_dl"
  mvn -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "-DoutputDirectory=$kc_dl" ||
    die "Maven could not download Keycloak $KEYCLOAK_VERSION from Maven Central (its error is above): check the network or Maven's proxy settings, then run again"
  rm -rf "$KEYCLOAK_HOME.tmp" && mkdir -p "$KEYCLOAK_HOME.tmp"
  unzip -q "$kc_dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KEYCLOAK_HOME.tmp" ||
    die "unzipping Keycloak failed: delete $kc_dl and run again"
  mv "$KEYCLOAK_HOME.tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rm -rf "$KEYCLOAK_HOME.tmp" "$kc_dl"
fi

say "installing workspace dependencies"
pnpm install --frozen-lockfile --prefer-offline --reporter=silent ||
  die "pnpm install failed (its error is above): check access to the npm registry, then run again"
