#!/bin/bash
# One timed training run: bench/train/timed.sh <results-dir> <label> <command...>
# Runs the command under `nice` and GNU time; writes <label>.time (JSON: wall s, user s, sys s,
# peak RSS MB, exit code) and <label>.log (the command's stdout+stderr) into <results-dir>.
set -u
dir=$1; label=$2; shift 2
mkdir -p "$dir"
/usr/bin/time -f '{"label":"'"$label"'","wallS":%e,"userS":%U,"sysS":%S,"maxRssMB":%M,"exit":%x}' -o "$dir/$label.time.raw" \
  nice -n 5 "$@" > "$dir/$label.log" 2>&1
rc=$?
# GNU time reports %M in KiB; convert to MB (MiB) in place.
node -e 'const fs=require("fs");const f=process.argv[1];const t=fs.readFileSync(f,"utf8").trim().split("\n").pop();const j=JSON.parse(t);j.maxRssMB=Math.round(j.maxRssMB/1024);j.cmd=process.argv.slice(2).join(" ");fs.writeFileSync(f.replace(/\.raw$/,""),JSON.stringify(j)+"\n");fs.unlinkSync(f)' "$dir/$label.time.raw" "$@"
exit $rc
