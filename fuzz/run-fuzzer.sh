#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target for a fixed time: MEASURES_FUZZ_SECONDS, 60 unless
# set. Usage: run-fuzzer.sh FUZZER WORKDIR SEED...
#
# A SEED is a folder of inputs or one input. They are copied into
# WORKDIR/corpus, which libFuzzer adds what it finds to: the source tree is
# never written. Crashes, leaks and slow inputs land in WORKDIR/artifacts.
set -eu

fuzzer=$1
work=$2
shift 2

mkdir -p "$work/corpus" "$work/artifacts"
for seed in "$@"; do
  if [ -d "$seed" ]; then
    cp "$seed"/* "$work/corpus/"
  else
    cp "$seed" "$work/corpus/"
  fi
done

# libFuzzer ends with 77 on a crash by default, which the test harness
# takes for a skipped test: -error_exitcode makes it a failure.
#
# A critical from GLib on bad input is for the fuzzer to find as a crash
# only when it is one; G_DEBUG=fatal-criticals from a shell would turn every
# g_return_if_fail() into an abort.
unset G_DEBUG

status=0
"$fuzzer" \
  -max_total_time="${MEASURES_FUZZ_SECONDS:-60}" \
  -rss_limit_mb=2048 \
  -detect_leaks=1 \
  -timeout=30 \
  -error_exitcode=1 \
  -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" \
  "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?

if [ "$status" -ne 0 ]; then
  tail -n 150 "$work/fuzz.log"
  echo "$(basename "$fuzzer"): failed with status $status; the full output is in" \
       "$work/fuzz.log, the input that failed in $work/artifacts/:"
  ls -l "$work/artifacts"
  exit "$status"
fi

# "Done 123456 runs in 61 second(s)", and what the corpus grew to.
grep -E '^(Done [0-9]+ runs|stat::)' "$work/fuzz.log" || true
echo "corpus: $(find "$work/corpus" -type f | wc -l) inputs"
