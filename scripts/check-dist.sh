#!/usr/bin/env bash
# `npm run check:dist`: rebuilds dist/ and fails if it differs from what is committed, including
# files the build adds (each entry's licenses.txt) or no longer makes. Used by .ci/run, ci.yml and
# release.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
if [ -n "$(git status --porcelain -- dist)" ]; then
  git status --short -- dist >&2
  git --no-pager diff --stat -- dist >&2
  msg="dist/ differs from what the sources build: run 'npm run build' and commit dist/."
  if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::error::${msg}"; else echo "${msg}" >&2; fi
  exit 1
fi
echo "dist/ is what the sources build"
