#!/bin/sh
# Fails when dist/ differs from a fresh build of src/ (dist/ is committed; the action runs it).
set -eu
cd "$(dirname "$0")/.."
npm run --silent build
if ! git diff --quiet -- dist || [ -n "$(git ls-files --others --exclude-standard dist)" ]; then
  echo "dist/ differs from a fresh build of src/: run 'npm run build' and commit dist/" >&2
  git status --short dist >&2
  exit 1
fi
echo "dist/ matches a fresh build"
