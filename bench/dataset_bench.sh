#!/usr/bin/env bash
# Dataset store benchmark: import throughput and table-view page latency at N rows (default 1,000,000).
# Usage: bench/dataset_bench.sh [N] [build dir]
set -euo pipefail
n="${1:-1000000}"
build="${2:-build}"
ft="$build/cli/finetune"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/rows.jsonl" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    for i in range(n):
        f.write(json.dumps({"messages": [
            {"role": "user", "content": f"Order {i}: {i % 7} apples and {i % 5} pears for customer {i % 1000}, deliver on day {i % 28 + 1}."},
            {"role": "assistant", "content": json.dumps({"apple": i % 7, "pear": i % 5, "customer": i % 1000, "day": i % 28 + 1})}]}) + "\n")
PY
echo "rows: $n ($(du -h "$work/rows.jsonl" | cut -f1))"
start=$(date +%s.%N)
"$ft" data import --workspace "$work/ws" --dataset bench "$work/rows.jsonl" --json > "$work/report.json"
end=$(date +%s.%N)
python3 -c "import json;r=json.load(open('$work/report.json'));s=$end-$start;print(f'import: {r[\"imported\"]} rows in {s:.1f} s = {r[\"imported\"]/s:,.0f} rows/s')"
"$ft" data bench --workspace "$work/ws" --dataset bench --limit 100 --repeat 50
