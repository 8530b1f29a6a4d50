#!/usr/bin/env bash
# Lints every diagram (bpmnlint with bpmnlint-plugin-camunda-compat's Camunda Platform 7.24 rules and
# the recommended rules, .ci/lint/.bpmnlintrc) and every form (@camunda/form-linting, bundled with
# esbuild for plain node). Exit code 1 on any lint error; warnings are printed.
#   lint.sh                       lint bpmn/*.bpmn and forms/*.form
#   lint.sh --must-fail BPMN FORM prove the step rejects errors: fail unless both fixtures are refused
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
if [ "${1:-}" = "--must-fail" ]; then fixture_bpmn="$(abs "$2")"; fixture_form="$(abs "$3")"; fi
cd "$here"
# Versions pinned by package-lock.json; npm ci on a clean clone, npm install only when the lock is missing.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build-form-linter

lint_bpmn() { npx --no-install bpmnlint "$@"; }
lint_forms() { node build/lint-forms.bundle.mjs "$@"; }

if [ "${1:-}" = "--must-fail" ]; then
  for check in "lint_bpmn $fixture_bpmn" "lint_forms $fixture_form"; do
    # Refused for a lint error, not because the file is missing or the tool crashed.
    if output="$($check 2>&1)" || ! grep -q ' error ' <<<"$output"; then
      echo "lint: '$check' did not report the fixture's lint errors: the lint step is broken" >&2
      echo "$output" >&2
      exit 1
    fi
    echo "lint: '$check' refused the broken fixture, as it must ($(grep -c ' error ' <<<"$output") errors)"
  done
  exit 0
fi

lint_bpmn "$root"/bpmn/*.bpmn
echo "bpmnlint: $(ls "$root"/bpmn/*.bpmn | wc -l) diagrams, no errors"
lint_forms "$root"/forms/*.form
