#!/usr/bin/env bash
# The README's process pictures, rendered from bpmn/*.bpmn by bpmn-js in headless Chromium
# (render-diagrams.mjs) into src/main/resources/static/diagrams/ (served at /diagrams/<name>.svg).
#   diagrams.sh            fail when a committed picture differs from a fresh rendering (CI)
#   diagrams.sh --update   re-render the committed pictures (after changing a diagram)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
images="$root/src/main/resources/static/diagrams"
cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
if [ "${1:-}" = "--update" ]; then
  node render-diagrams.mjs "$images" "$root"/bpmn/*.bpmn
  exit 0
fi
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
node render-diagrams.mjs "$fresh" "$root"/bpmn/*.bpmn >/dev/null
if ! diff -rq "$fresh" "$images"; then
  echo "diagrams: the pictures in src/main/resources/static/diagrams/ differ from bpmn/: run .ci/lint/diagrams.sh --update and commit them" >&2
  exit 1
fi
echo "diagrams: $(ls "$fresh" | wc -l) pictures match bpmn/"
