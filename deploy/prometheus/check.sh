#!/usr/bin/env bash
# Checks the monitoring files with promtool (Debian's prometheus package; installed here when missing and root):
#   1. prometheus.yml (and, through it, the rule files) and the same file as `./bankflow up` renders it
#   2. rules/*.yml: syntax, then the unit tests in tests/*.yml
#   3. every PromQL expression of deploy/grafana/dashboards/*.json: written into a temporary rules file (Grafana's
#      $__rate_interval-style variables replaced by fixed ranges, $service-style ones by .*) and parsed by promtool
#   4. blackbox.yml, when the blackbox exporter is installed
# Exit status 0 only if everything passes.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

step() { printf '\n== %s\n' "$*"; }
die() {
  echo "check.sh: $*" >&2
  exit 1
}

if ! command -v promtool >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "check.sh: installing Debian's prometheus package for promtool"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; }; } >"$WORK/apt.log" 2>&1 ||
      { cat "$WORK/apt.log" >&2; die "could not install prometheus (for promtool)"; }
  else
    die "promtool is needed: apt-get install prometheus (or put promtool on PATH)"
  fi
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the dashboards' JSON"

step "prometheus.yml"
promtool check config "$DIR/prometheus.yml"
# The copy `up` renders for another port base must stay valid too.
mkdir -p "$WORK/rendered"
BASE=38600 RULES="$DIR/rules/" perl -pe \
  's/127\.0\.0\.1:186(\d\d)\b/"127.0.0.1:" . ($ENV{BASE} + $1)/ge; s{^(\s*-\s*)rules/}{$1$ENV{RULES}}' \
  "$DIR/prometheus.yml" >"$WORK/rendered/prometheus.yml"
grep -q '127.0.0.1:38692\|127.0.0.1:38600' "$WORK/rendered/prometheus.yml" || die "rendering for another port base changed nothing"
promtool check config "$WORK/rendered/prometheus.yml"

step "alerting rules"
promtool check rules "$DIR"/rules/*.yml
promtool test rules "$DIR"/tests/*.yml

step "dashboard queries"
python3 - "$WORK/dashboard-rules.yml" "$ROOT"/deploy/grafana/dashboards/*.json <<'PY'
import json, re, sys

out, files = sys.argv[1], sys.argv[2:]
RANGES = {"__rate_interval": "5m", "__interval": "1m", "__range": "1h"}

def exprs(node):
    if isinstance(node, dict):
        if isinstance(node.get("expr"), str):
            yield node["expr"]
        for value in node.values():
            yield from exprs(value)
    elif isinstance(node, list):
        for value in node:
            yield from exprs(value)

def concrete(expr):
    expr = re.sub(r"\$\{?(__rate_interval|__interval|__range)\}?", lambda m: RANGES[m.group(1)], expr)
    return re.sub(r"\$\{?\w+(?::\w+)?\}?", ".*", expr)  # template variables stand in label matchers

rules, count = [], 0
for path in files:
    with open(path) as f:
        dashboard = json.load(f)
    for expr in exprs(dashboard):
        count += 1
        rules.append({"record": f"dashboard:query_{count}", "expr": concrete(expr),
                      "labels": {"dashboard": dashboard.get("uid", path)}})
if count == 0:
    sys.exit("no PromQL expressions found in " + ", ".join(files))
with open(out, "w") as f:
    # JSON is YAML: promtool reads this file as it is.
    json.dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, f, indent=1)
print(f"{count} expressions from {len(files)} dashboard(s)")
PY
promtool check rules "$WORK/dashboard-rules.yml"

if command -v prometheus-blackbox-exporter >/dev/null 2>&1; then
  step "blackbox.yml"
  prometheus-blackbox-exporter --config.check --config.file="$DIR/blackbox.yml"
fi

echo
echo "check.sh: all monitoring checks passed"
