#!/usr/bin/env bash
# The Helm chart's check (make test runs it): helm lint and helm template with values that
# render every template, then the rendered objects through kubectl when it is installed.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[[ -x "$HELM_BIN" ]] || die "helm $HELM_VERSION is missing at $HELM_BIN: run bash scripts/install.sh"
chart=deploy/helm/provisio
values="$chart/ci/check-values.yaml"

"$HELM_BIN" lint --strict --quiet "$chart" -f "$values"
rendered=$("$HELM_BIN" template provisio "$chart" -f "$values")
# A missing required value stops the render with the message naming it.
if "$HELM_BIN" template provisio "$chart" >/dev/null 2>&1; then die "helm template rendered without config.PUBLIC_URL and the secrets"; fi

command -v kubectl >/dev/null || { say "helm: lint and template clean (no kubectl: objects not checked)"; exit 0; }
if kubectl version --request-timeout=3s >/dev/null 2>&1; then
  kubectl apply --dry-run=client --validate=false -f - <<<"$rendered" >/dev/null
  say "helm: lint, template and kubectl apply --dry-run=client clean"
else
  # Without a cluster, a client dry run still asks the API server for its kinds (kubernetes/kubectl#1589):
  # kubectl then reads every rendered object locally instead.
  kubectl label --local --dry-run=client -o name -f - helm-check=ok <<<"$rendered" >/dev/null
  say "helm: lint and template clean; kubectl read every object (no cluster for apply --dry-run=client)"
fi
