#!/bin/bash
# Builds the English and source-code benchmark corpora into bench/.corpus/{en,code} (gitignored) with the
# project's shared scripts. Needs root (apt-get download of Debian packages); runs `apt-get update` once.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPTS=${SHARED_SCRIPTS:-../../shared/data/scripts}
if [ ! -d /var/lib/apt/lists ] || [ -z "$(ls /var/lib/apt/lists 2>/dev/null | grep -v lock | grep -v partial)" ]; then apt-get update; fi
[ -s .corpus/en/gcide.txt ] || bash "$SCRIPTS/build-en-corpus.sh" .corpus-build/en .corpus/en
[ -s .corpus/code/c.txt ] || bash "$SCRIPTS/build-code-corpus.sh" .corpus-build/code .corpus/code
sha256sum .corpus/en/*.txt .corpus/code/*.txt
