#!/bin/bash
# Training speed/memory matrix (docs/training-benchmarks.md): tokenlab vs the native HF trainer
# (npm `tokenizers`) for BPE, tokenlab vs Debian's spm_train for Unigram, one run at a time, each
# under `nice` and GNU time (bench/train/timed.sh). Resumable: a run whose .time file exists is skipped.
#
#   bash bench/train/bench-matrix.sh <results-dir> <slice>... [-- <kinds>]
#   e.g. bash bench/train/bench-matrix.sh bench/results/train en-100M code-100M -- bpe
#
# Slices are bench/.corpus/slices/<slice>.txt (bench/train/make-slices.ts). Kinds: bpe, unigram
# (default both), unigram-hf (HF's Unigram trainer at its default vocab 8000 vs tokenlab at 8000). Settings: BPE at the binding's train(files) defaults (vocab 30000, min_frequency 0,
# no initial alphabet, GPT-2 ByteLevel), tokenlab with --hf-compat (same merges, checked by
# bench/train/summarize.ts); Unigram at vocab 32000 (spm_train defaults otherwise, 2 threads).
set -u
cd "$(dirname "$0")/../.."
R=$1; shift
slices=(); kinds=(bpe unigram)
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; kinds=("$@"); break; fi
  slices+=("$1"); shift
done
S=bench/.corpus/slices
T=bench/train/timed.sh
run() { local label=$1; shift; if [ -s "$R/$label.time" ]; then echo "skip $label"; return; fi; echo "$(date +%T) start $label"; "$T" "$R" "$label" "$@"; echo "$(date +%T) done  $label: $(cat "$R/$label.time")"; }
for s in "${slices[@]}"; do
  for k in "${kinds[@]}"; do
    case $k in
      bpe)
        run "hf-bpe-$s" node --import tsx bench/train/run-trainer.ts --impl hf --input "$S/$s.txt" --out "$R/hf-bpe-$s.json"
        run "tl-bpe-$s" node --import tsx cli/bin.ts train --algorithm bpe --vocab-size 30000 --hf-compat --no-byte-alphabet --threads 2 --progress jsonl --input "$S/$s.txt" --output "$R/tl-bpe-$s.json" ;;
      unigram)
        run "spm-uni-$s" spm_train --input="$S/$s.txt" --model_prefix="$R/spm-uni-$s" --model_type=unigram --vocab_size=32000 --num_threads=2 --minloglevel=1
        run "tl-uni-$s" node --import tsx cli/bin.ts train --algorithm unigram --vocab-size 32000 --threads 2 --progress jsonl --input "$S/$s.txt" --output "$R/tl-uni-$s.json" ;;
      unigram-hf)
        # The native binding's Unigram trainer at its defaults (vocab 8000), tokenlab at the same size.
        run "hf-uni8k-$s" node --import tsx bench/train/run-trainer.ts --impl hf --algo unigram --input "$S/$s.txt" --out "$R/hf-uni8k-$s.json"
        run "tl-uni8k-$s" node --import tsx cli/bin.ts train --algorithm unigram --vocab-size 8000 --threads 2 --progress jsonl --input "$S/$s.txt" --output "$R/tl-uni8k-$s.json" ;;
    esac
  done
done
