#!/usr/bin/env bash
# Peak memory of `cryptonews ingest` for one huge page (issue 15 item 8): a
# 9 MB article page of text (57,811 paragraphs, ~230,000 figure mentions)
# and a 9 MB page of dense markup (1.3 million tags), each ingested from a
# local feed into a fresh database, measured with /usr/bin/time -v.
# Usage: bench/big_page_rss.sh [path/to/cryptonews]   (default build/cryptonews)
# Pages are generated here, offline; nothing touches the network.
set -euo pipefail
BIN=$(realpath "${1:-build/cryptonews}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
assets = ["Bitcoin", "Ether", "Solana", "XRP", "BNB"]
paras, size, i = [], 0, 0
while size < 9_000_000:
    p = (f"<p>{assets[i % 5]} fell {2 + i % 17}% over the past 24 hours to ${1000 + (i * 37) % 90000:,}, "
         f"while long positions worth ${50 + (i * 13) % 900} million were liquidated and shorts lost "
         f"${10 + (i * 7) % 300} million, report {i}.</p>\n")
    paras.append(p); size += len(p); i += 1
pages = {
    "text": "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Huge market report</title></head>"
            "<body><article><h1>Huge market report</h1>\n" + "".join(paras) + "</article></body></html>",
    "dense": "<html><head><title>Dense</title></head><body><article>"
             + "".join("<p>" + "<b>Bitcoin</b> <i>rose</i> " * 40 + "</p>\n" for _ in range(9_000_000 // 1100))
             + "</article></body></html>",
}
for name, html in pages.items():
    open(f"{work}/{name}.html", "w").write(html)
    open(f"{work}/{name}.xml", "w").write(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>file:///</link>'
        f'<description>x</description><item><title>{name}</title><link>file://{work}/{name}.html</link>'
        '</item></channel></rss>')
    open(f"{work}/{name}.toml", "w").write(f'[[sources]]\nname = "Big"\nfeeds = ["{work}/{name}.xml"]\n')
PY
for name in text dense; do
  rm -f "$WORK/$name.db"*
  rss=$(/usr/bin/time -v "$BIN" ingest --quiet --sources "$WORK/$name.toml" --db "$WORK/$name.db" 2>&1 |
        awk '/Maximum resident/ {print $NF}')
  stored=$(sqlite3 "$WORK/$name.db" "SELECT length(text) || ' chars, truncated=' || text_truncated FROM articles" 2>/dev/null ||
           sqlite3 "$WORK/$name.db" "SELECT length(text) || ' chars' FROM articles")
  figures=$(sqlite3 "$WORK/$name.db" "SELECT count(*) FROM figures")
  echo "$name page ($(stat -c %s "$WORK/$name.html") bytes): peak RSS $((rss / 1024)) MB; stored $stored; $figures figures"
done
