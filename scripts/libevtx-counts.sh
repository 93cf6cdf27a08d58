#!/usr/bin/env bash
# Regenerates engine/src/test/resources/evtx/libevtx-record-counts.tsv: for every .evtx file under
# the samples directory, the number of records libevtx's evtxexport (mode "items") can read.
# The EVTX reader's tests require at least as many records per file.
# Usage: scripts/libevtx-counts.sh [SAMPLES_DIR] > engine/src/test/resources/evtx/libevtx-record-counts.tsv
# Needs evtxexport (Debian/Ubuntu: apt-get install libevtx-utils).
set -euo pipefail
samples="${1:-/work/shared/evtx-samples}"
cd "$samples"
printf '# path\tlibevtx_records\n'
find . -type f -name '*.evtx' -print0 | sort -z | while IFS= read -r -d '' file; do
  count=$(evtxexport -m items "$file" 2>/dev/null | grep -c '^Event number' || true)
  printf '%s\t%s\n' "${file#./}" "$count"
done
