"""docs/FIGURES.md describes what `cryptonews extract` really prints.

Run by CTest with CRYPTONEWS_BINARY and CRYPTONEWS_SOURCE_DIR set.

- The field table lists exactly the fields extract prints, in their order.
- The worked example's output is what extract prints on its text, exactly.
- Every value extract prints for an enumerated field (kind, unit, qualifier,
  direction, window, side, name, role, metric) on the example, on
  fixtures/extract/ and on the probe sentences below is described in the
  field's section, and every value the sections describe is printed at
  least once: a new value in the code, or a documented one that no longer
  exists, fails the test.
- `extract --help` points at docs/FIGURES.md.

The probe sentences are ours, written for this test.
"""
import json
import os
import re
import subprocess
import sys
import unittest

BINARY = os.environ["CRYPTONEWS_BINARY"]
SOURCE_DIR = os.environ["CRYPTONEWS_SOURCE_DIR"]
FIGURES_MD = os.path.join(SOURCE_DIR, "docs", "FIGURES.md")

PROBES = """\
Bitcoin (BTC) fell 4.1% in the past 24 hours to $91,250 after it lost about $3,900 overnight.
Shorts worth less than $95 million were liquidated on Bitcoin in the past hour.
Analysts expect XRP to reach a target of $3.40, up from its entry price of $0.50.
Solana's market cap rose 12% this month to $98 billion.
Ether liquidations jumped 40% year-over-year.
Spot bitcoin ETF inflows climbed 25% so far this year.
Ethereum's trading volume fell 15% in the last week.
Ether's open interest climbed 6% to $19.8 billion.
Bitcoin's hash rate rose 4% this week.
Bitcoin rose 2% in the last 4 hours. Ether gained 5% over three days.
XRP fell 20% over six months. BNB is up 150% in two years.
Bitcoin jumped 3% in the past hour.
Bitcoin is trading at \u20ac84,000 in Europe. Bitcoin is trading at \u00a372,000 in London.
Bitcoin is trading at C$128,000 in Toronto. Bitcoin is trading at A$140,000 in Sydney.
The Crypto Fear & Greed Index dropped to 24, Bitcoin's RSI sits near 31 and its dominance stands at 58.2%.
"""

# Field -> the section of FIGURES.md that lists its values ("Fields" for unit:
# its values are in the field table's row).
SECTIONS = {
    "kind": "Kinds", "qualifier": "Qualifiers", "direction": "Directions", "window": "Windows",
    "side": "Liquidation sides", "name": "Indicator names", "role": "Price roles", "metric": "Metrics",
    "unit": "Fields",
}


def extract(text):
    result = subprocess.run([BINARY, "extract", "--format", "jsonl", "-"], input=text,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def sections(markdown):
    """'## Heading' -> its text."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def first_cells(section_text):
    """The first cell of each row of the section's first table, body rows only."""
    rows = [line for line in section_text.splitlines() if line.startswith("|")]
    return [row.split("|")[1].strip() for row in rows[2:]]


def window_patterns(section_text):
    """`PT`*n*`H` -> ^PT\\d+H$; `PT24H` -> ^PT24H$."""
    patterns = []
    for cell in first_cells(section_text):
        regex = re.escape(cell.replace("`", "")).replace(r"\*n\*", r"\d+").replace("*n*", r"\d+")
        patterns.append(re.compile("^" + regex + "$"))
    return patterns


class FiguresDoc(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(FIGURES_MD, encoding="utf-8") as f:
            cls.doc = f.read()
        cls.sections = sections(cls.doc)
        example = re.search(r"<!-- figures example -->\n```text\n(.*?)```.*?```json\n(.*?)```", cls.doc, re.S)
        assert example, "docs/FIGURES.md has no '<!-- figures example -->' text and json blocks"
        cls.example_text = example.group(1)
        cls.example_shown = [json.loads(line) for line in example.group(2).splitlines() if line.strip()]
        cls.example_printed = extract(cls.example_text)
        cls.printed = list(cls.example_printed) + extract(PROBES)
        fixtures = os.path.join(SOURCE_DIR, "fixtures", "extract")
        for name in sorted(os.listdir(fixtures)):
            if name.endswith(".txt"):
                with open(os.path.join(fixtures, name), encoding="utf-8") as f:
                    cls.printed += extract(f.read())

    def test_field_table_lists_the_printed_fields_in_order(self):
        documented = [cell.strip("`") for cell in first_cells(self.sections["Fields"])]
        for record in self.printed:
            self.assertEqual(list(record.keys()), documented)

    def test_worked_example_is_what_extract_prints(self):
        self.assertEqual(self.example_printed, self.example_shown)

    def test_every_printed_value_is_documented(self):
        for field, section in SECTIONS.items():
            text = self.sections[section]
            for value in sorted({r[field] for r in self.printed if r[field] is not None}):
                if field == "window":
                    self.assertTrue(any(p.match(value) for p in window_patterns(text)),
                                    f"window {value} is not in FIGURES.md's Windows table")
                else:
                    self.assertIn(f"`{value}`", text, f"{field} {value} is not described under '{section}'")

    def test_every_documented_value_is_printed(self):
        printed = {field: {r[field] for r in self.printed} for field in SECTIONS}
        for field, section in SECTIONS.items():
            if field == "unit":
                continue  # the unit row also names spellings (`$`, `US$`), not only values
            if field == "window":
                for pattern in window_patterns(self.sections[section]):
                    self.assertTrue(any(v and pattern.match(v) for v in printed[field]),
                                    f"no probe prints a window matching {pattern.pattern}")
                continue
            if field in ("kind", "name", "role", "metric", "qualifier"):
                documented = [c.strip("`") for c in first_cells(self.sections[section])]
            else:  # direction, side: named in prose
                documented = {"direction": ["up", "down"], "side": ["long", "short"]}[field]
            for value in documented:
                self.assertIn(value, printed[field], f"FIGURES.md describes {field} {value}; nothing prints it")
        for unit in ("USD", "EUR", "GBP", "AUD", "CAD", "%", "index"):
            self.assertIn(f"`{unit}`", self.sections["Fields"])
            self.assertIn(unit, printed["unit"], f"FIGURES.md describes unit {unit}; nothing prints it")

    def test_extract_help_points_at_figures_md(self):
        result = subprocess.run([BINARY, "extract", "--help"], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0)
        self.assertIn("docs/FIGURES.md", result.stdout)


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
