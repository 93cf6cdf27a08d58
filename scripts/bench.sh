#!/usr/bin/env bash
# Reproduces sigscan's headline performance figures in one run over one generated file:
#   - sigscan with no rule (reading, parsing and routing only), with 100 rules spread over a rule
#     directory, and with all of them on 1 and 2 threads (figures from `sigscan hunt --stats`);
#   - `wc -l` and `LC_ALL=C grep -c -F -i -f LITERALS` over the same file, where LITERALS are the
#     distinct literal fragments of 8+ characters in the rules of RULES/process_creation;
# and prints a Markdown table of the figures and of four ratios (all rules vs no rule, 2 vs 1
# thread, sigscan vs grep, all vs 100 rules), each "higher is better".
#
# Usage: scripts/bench.sh [--size SIZE] [--repeat N] [--rules DIR]... [--literals DIR] [--work DIR]
#                         [--write-readme] [--guard] [--write-baseline]
#   --size SIZE       size of the generated file (default 1GB, or with --guard the baseline's size;
#                     e.g. 20MB for a quick run)
#   --repeat N        run each measurement N times and keep the fastest (default 1, or with --guard
#                     the baseline's; small files and busy machines need more: JIT warm-up and
#                     neighbours dominate); the short no-rule scan runs 3 times as often
#   --rules DIR       rule directory; repeat it for several (default ../shared/sigma/rules/windows
#                     beside the checkout; the guard's baseline was recorded with the default)
#   --literals DIR    rules whose literals grep looks for (default ../shared/sigma/rules/windows/
#                     process_creation beside the checkout, whatever --rules says)
#   --work DIR        keep the generated file, literals and outputs in DIR and reuse the file on the
#                     next run (default: a temporary directory, deleted at the end)
#   --write-readme    put the table and the machine into README.md between the bench markers
#   --guard           compare the ratios with bench/baseline.json, recorded on a file of the same
#                     size; exit 1 when one is more than 15% below its baseline
#   --write-baseline  record this run's ratios as bench/baseline.json
# Environment: SIGSCAN_JAVA_OPTS (JVM options for sigscan, e.g. -Xmx4g).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
size=""
repeat=""
rules=()
literal_rules="$root/../shared/sigma/rules/windows/process_creation"
work=""
write_readme=false
guard=false
write_baseline=false
tolerance="0.15"
begin_marker="<!-- bench:begin -->"
end_marker="<!-- bench:end -->"

die() {
  echo "bench.sh: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --size) [ $# -ge 2 ] || die "--size needs a value"; size="$2"; shift 2 ;;
    --repeat) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive count"; repeat="$2"; shift 2 ;;
    --rules) [ $# -ge 2 ] || die "--rules needs a directory"; rules+=("$2"); shift 2 ;;
    --literals) [ $# -ge 2 ] || die "--literals needs a directory"; literal_rules="$2"; shift 2 ;;
    --work) [ $# -ge 2 ] || die "--work needs a directory"; work="$2"; shift 2 ;;
    --write-readme) write_readme=true; shift ;;
    --guard) guard=true; shift ;;
    --write-baseline) write_baseline=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done

if [ ${#rules[@]} -gt 0 ]; then
  # The baseline's ratios hold for its rule set only.
  ! $guard && ! $write_baseline || die "--guard and --write-baseline use the default rules; drop --rules"
else
  rules=("$root/../shared/sigma/rules/windows")
fi
rule_args=()
for i in "${!rules[@]}"; do
  [ -d "${rules[$i]}" ] || die "no rule directory ${rules[$i]} (give one with --rules)"
  rules[$i]="$(cd "${rules[$i]}" && pwd -P)"
  rule_args+=(-r "${rules[$i]}")
done
[ -d "$literal_rules" ] || die "no $literal_rules to take grep's literals from (give one with --literals)"
baseline="$root/bench/baseline.json"
if $guard; then
  [ -f "$baseline" ] || die "--guard needs $baseline (record one with --write-baseline)"
  # Ratios move with the file size (warm-up, chunks per thread): compare like with like.
  baseline_size="$(sed -n 's/^  "size": "\(.*\)",$/\1/p' "$baseline")"
  [ -n "$size" ] || size="$baseline_size"
  [ "$size" = "$baseline_size" ] || die "$baseline was recorded with --size $baseline_size, not $size"
  [ -n "$repeat" ] || repeat="$(sed -n 's/^  "repeat": \([0-9]*\),$/\1/p' "$baseline")"
fi
[ -n "$size" ] || size="1GB"
[ -n "$repeat" ] || repeat=1

if [ -z "$work" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/sigscan-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
else
  mkdir -p "$work"
  work="$(cd "$work" && pwd -P)"
fi

sigscan="$root/sigscan"
benchmarks="$root/bench/target/benchmarks.jar"

log() {
  echo "bench.sh: $*" >&2
}

# The benchmark jar holds the literal extractor; build it when missing or older than a source.
if [ ! -f "$benchmarks" ] || [ -n "$(find "$root" \( -name .git -o -name target \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$benchmarks" -print -quit)" ]; then
  log "building bench/target/benchmarks.jar..."
  (cd "$root" && ./mvnw -q -B -DskipTests -pl bench -am package) >&2
fi

# One generated file per size, reused by later runs with the same --work.
data="$work/telemetry-$size.jsonl"
if [ ! -s "$data" ]; then
  log "generating $size of telemetry into $data..."
  "$sigscan" generate --size "$size" --seed 1 -o "$data"
fi

# hunt needs at least one rule: the no-rule scan runs one whose log source no event has, so that
# routing turns every event away before any predicate runs.
no_rule="$work/no-rule"
mkdir -p "$no_rule"
cat > "$no_rule/never-routed.yml" <<'EOF'
title: Never routed
logsource:
    product: windows
    category: sysmon_status
detection:
    selection:
        EventID: -1
    condition: selection
EOF

# 100 rules spread evenly over the directories (every k-th file in path order, so that every log
# source is represented), linked (not copied) into a folder.
hundred="$work/hundred-rules"
rm -rf "$hundred"
mkdir -p "$hundred"
mapfile -t all_rules < <(find "${rules[@]}" -type f \( -name '*.yml' -o -name '*.yaml' \) -print | LC_ALL=C sort)
[ "${#all_rules[@]}" -ge 100 ] || die "${rules[*]} hold ${#all_rules[@]} rule files, fewer than 100"
for i in $(seq 0 99); do
  rule="${all_rules[$((i * ${#all_rules[@]} / 100))]}"
  ln -s "$rule" "$hundred/$(printf '%03d' "$i")-$(basename "$rule")"
done

json_number() { # FILE KEY: the number of a top-level key of a sigscan --stats file
  sed -n "s/^  \"$2\": \\([0-9.eE+-]*\\),\\{0,1\\}\$/\\1/p" "$1" | head -n 1
}

calc() { # [FORMAT] EXPRESSION: an awk expression over numbers, printed with FORMAT (default %.3f)
  local format="%.3f"
  if [ $# -eq 2 ]; then
    format="$1"
    shift
  fi
  awk "BEGIN { printf \"$format\", $1 }"
}

now() {
  date +%s.%N
}

declare -A raw_seconds seconds mbps eps rule_count
bytes=0
events=0

record() { # NAME SECONDS: the figures of a run over the file, the fastest of the repeats
  if [ -n "${raw_seconds[$1]:-}" ] && awk -v new="$2" -v old="${raw_seconds[$1]}" 'BEGIN { exit !(new >= old) }'; then
    return
  fi
  raw_seconds[$1]="$2"
  seconds[$1]="$(calc %.2f "$2")"
  mbps[$1]="$(calc %.1f "$bytes / 1e6 / $2")"
  eps[$1]="$(calc %.0f "$events / $2")"
}

speed_ratio() { # FAST SLOW: how many times faster (MB/s over the same file) run FAST was than run SLOW
  calc "${raw_seconds[$2]} / ${raw_seconds[$1]}"
}

hunt() { # NAME THREADS -r DIR...
  local name="$1" threads="$2" stats="$work/$1.stats.json" status=0
  shift 2
  log "sigscan hunt: $name ($threads thread(s))..."
  "$sigscan" hunt -q -t "$threads" "$@" --stats "$stats" -o "$work/$name.matches.jsonl" "$data" \
      2>"$work/$name.err" || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$work/$name.err" >&2
    die "sigscan hunt ($name) exited $status"
  fi
  bytes="$(json_number "$stats" bytes)"
  events="$(json_number "$stats" events)"
  rule_count[$name]="$(json_number "$stats" rulesLoaded)"
  record "$name" "$(json_number "$stats" seconds)"
}

timed() { # NAME COMMAND...: wall-clock seconds of a command whose output goes to WORK/NAME.out
  local name="$1" start end
  shift
  log "$name..."
  start="$(now)"
  "$@" >"$work/$name.out"
  end="$(now)"
  record "$name" "$(calc %.6f "$end - $start")"
}

for _ in $(seq "$repeat"); do
  # The no-rule scan is the shortest run (a third of a second at 200 MB) and the divisor of a
  # guarded ratio: three tries per round, so that its fastest is as settled as the others'.
  for _ in 1 2 3; do
    hunt no-rule 2 -r "$no_rule"
  done
  hunt hundred 2 -r "$hundred"
  hunt all-1 1 "${rule_args[@]}"
  hunt all-2 2 "${rule_args[@]}"
done

literals="$work/literals.txt"
java -cp "$benchmarks" io.sigscan.bench.RuleLiterals "$literal_rules" "$literals"
literal_count="$(wc -l < "$literals" | tr -d ' ')"
for _ in $(seq "$repeat"); do
  timed wc wc -l "$data"
  # Output to a file: GNU grep stops at the first match when its output is /dev/null.
  timed grep env LC_ALL=C grep -c -F -i -f "$literals" "$data"
done

declare -A ratio
ratio[rules_vs_no_rule]="$(speed_ratio all-2 no-rule)"
ratio[threads_2_vs_1]="$(speed_ratio all-2 all-1)"
ratio[sigscan_vs_grep]="$(speed_ratio all-1 grep)"
ratio[all_vs_100_rules]="$(speed_ratio all-2 hundred)"
ratio_names=(rules_vs_no_rule threads_2_vs_1 sigscan_vs_grep all_vs_100_rules)

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
[ -n "$cpu" ] || cpu="$(uname -m)"
cores="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
# Quotes dropped: the line goes into JSON and Markdown.
jdk="$(java -version 2>&1 | head -n 1 | tr -d '"')"
rules_name=""
for dir in "${rules[@]}"; do
  rules_name+="${rules_name:+, }\`$(realpath --relative-to="$root" "$dir" 2>/dev/null || printf '%s' "$dir")\`"
done

report() {
  echo "One generated file of $(calc %.0f "$bytes / 1e6") MB ($events events; \`sigscan generate --size $size --seed 1\`),"
  echo "fastest of $repeat run(s) each,"
  echo "rules from $rules_name (${rule_count[all-2]} loaded). Machine: $cpu, $cores cores, $jdk."
  echo
  echo "| run | threads | seconds | MB/s | events/s |"
  echo "|---|---:|---:|---:|---:|"
  echo "| sigscan, no rule | 2 | ${seconds[no-rule]} | ${mbps[no-rule]} | ${eps[no-rule]} |"
  echo "| sigscan, 100 rules (${rule_count[hundred]} loaded) | 2 | ${seconds[hundred]} | ${mbps[hundred]} | ${eps[hundred]} |"
  echo "| sigscan, all rules | 1 | ${seconds[all-1]} | ${mbps[all-1]} | ${eps[all-1]} |"
  echo "| sigscan, all rules | 2 | ${seconds[all-2]} | ${mbps[all-2]} | ${eps[all-2]} |"
  echo "| \`wc -l\` | 1 | ${seconds[wc]} | ${mbps[wc]} | ${eps[wc]} |"
  echo "| \`LC_ALL=C grep -c -F -i\`, $literal_count literals | 1 | ${seconds[grep]} | ${mbps[grep]} | ${eps[grep]} |"
  echo
  echo "| ratio (higher is better) | value |"
  echo "|---|---:|"
  echo "| all rules vs no rule (MB/s, 2 threads) | ${ratio[rules_vs_no_rule]} |"
  echo "| 2 threads vs 1 (MB/s, all rules) | ${ratio[threads_2_vs_1]} |"
  echo "| sigscan all rules vs grep (MB/s, 1 thread each) | ${ratio[sigscan_vs_grep]} |"
  echo "| all rules vs 100 rules (MB/s, 2 threads) | ${ratio[all_vs_100_rules]} |"
}

table="$work/table.md"
report > "$table"
cat "$table"

if $write_readme; then
  readme="$root/README.md"
  grep -qF "$begin_marker" "$readme" && grep -qF "$end_marker" "$readme" \
    || die "README.md has no $begin_marker / $end_marker markers"
  awk -v begin="$begin_marker" -v end="$end_marker" -v table="$table" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
  ' "$readme" > "$readme.tmp"
  mv "$readme.tmp" "$readme"
  log "README.md updated"
fi

if $write_baseline; then
  {
    echo "{"
    echo "  \"size\": \"$size\","
    echo "  \"repeat\": $repeat,"
    echo "  \"machine\": \"$cpu, $cores cores, $jdk\","
    for i in "${!ratio_names[@]}"; do
      name="${ratio_names[$i]}"
      separator=","
      [ "$i" -eq $((${#ratio_names[@]} - 1)) ] && separator=""
      echo "  \"$name\": ${ratio[$name]}$separator"
    done
    echo "}"
  } > "$baseline"
  log "ratios recorded in $baseline"
fi

if $guard; then
  failed=0
  for name in "${ratio_names[@]}"; do
    expected="$(sed -n "s/^  \"$name\": \\([0-9.eE+-]*\\),\\{0,1\\}\$/\\1/p" "$baseline")"
    if [ -z "$expected" ]; then
      log "guard: $name missing from $baseline"
      failed=1
      continue
    fi
    if awk -v got="${ratio[$name]}" -v want="$expected" -v tol="$tolerance" 'BEGIN { exit !(got < want * (1 - tol)) }'; then
      log "guard: $name fell to ${ratio[$name]} from $expected (more than $(calc %.0f "$tolerance * 100")% lower)"
      failed=1
    else
      log "guard: $name ${ratio[$name]} (baseline $expected) ok"
    fi
  done
  exit "$failed"
fi
