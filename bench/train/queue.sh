#!/bin/bash
# The sequence that produced docs/training-benchmarks.md: one run at a time, niced, resumable (a
# bench-matrix run whose .time file exists is skipped). About 45 min of wall time on the loaded
# 2-core machine. Unigram at 100 MB (`bench-matrix.sh $R en-100M code-100M -- unigram`) was left out:
# about 4x the 25 MB cost.
cd "$(dirname "$0")/../.."
R=bench/results/train; S=bench/.corpus/slices
[ -s $S/manifest.json ] || node --import tsx bench/train/make-slices.ts
bash bench/train/bench-matrix.sh $R en-100M code-100M -- bpe
bash bench/train/bench-matrix.sh $R en-25M code-25M -- unigram
for s in en-25M en-100M; do
  [ -s $R/superbpe-$s.jsonl ] || nice -n 5 /usr/bin/time -v node --import tsx bench/train/superbpe-table.ts --input $S/$s.txt --heldout $S/en-heldout.txt --vocab 32000 --threads 2 --out $R/superbpe-$s > $R/superbpe-$s.jsonl 2> $R/superbpe-$s.time.txt
done
bash bench/train/bench-matrix.sh $R en-5M -- unigram-hf
nice node --import tsx bench/train/interop-check.ts --heldout $S/en-heldout.txt $R/tl-bpe-en-100M.json $R/tl-uni-en-25M.json $R/superbpe-en-*/*.json > $R/interop-en.jsonl
nice node --import tsx bench/train/interop-check.ts --heldout $S/code-heldout.txt $R/tl-bpe-code-100M.json $R/tl-uni-code-25M.json > $R/interop-code.jsonl
# Repeats taken when the machine's load average dropped to about 2 (labels *-r2), and BPE with
# in-thread counting (--threads 0).
T=bench/train/timed.sh
for c in en code; do
  $T $R hf-bpe-$c-100M-r2 node --import tsx bench/train/run-trainer.ts --impl hf --input $S/$c-100M.txt --out $R/hf-bpe-$c-100M-r2.json
  $T $R tl-bpe-$c-100M-r2 node --import tsx cli/bin.ts train --algorithm bpe --vocab-size 30000 --hf-compat --no-byte-alphabet --threads 2 --progress jsonl --input $S/$c-100M.txt --output $R/tl-bpe-$c-100M-r2.json
done
$T $R spm-uni-en-25M-r2 spm_train --input=$S/en-25M.txt --model_prefix=$R/spm-uni-en-25M-r2 --model_type=unigram --vocab_size=32000 --num_threads=2 --minloglevel=1
$T $R tl-uni-en-25M-r2 node --import tsx cli/bin.ts train --algorithm unigram --vocab-size 32000 --threads 2 --progress jsonl --input $S/en-25M.txt --output $R/tl-uni-en-25M-r2.json
$T $R tl-bpe-en-100M-threads0 node --import tsx cli/bin.ts train --algorithm bpe --vocab-size 30000 --hf-compat --no-byte-alphabet --threads 0 --progress jsonl --input $S/en-100M.txt --output $R/tl-bpe-en-100M-threads0.json
node --import tsx bench/train/summarize.ts $R
