#include "extractors/ascii.h"
#include "extractors/qualifier.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace cn {

using namespace std::string_view_literals;
namespace {

struct Hedge {
  std::string_view words;  // lower case, single spaces
  Qualifier qualifier;
};

// Longest first, so "more than" wins over "than" and "just under" over "under".
constexpr std::array<Hedge, 53> kHedges = {{
    {"as high as", Qualifier::kUnder}, {"passing", Qualifier::kOver}, {"passed", Qualifier::kOver},
    {"passes", Qualifier::kOver}, {"pass", Qualifier::kOver}, {"topped", Qualifier::kOver}, {"tops", Qualifier::kOver},
    {"top", Qualifier::kOver}, {"approaching", Qualifier::kApprox},
    {"in excess of", Qualifier::kOver}, {"upwards of", Qualifier::kOver}, {"more than", Qualifier::kOver},
    {"greater than", Qualifier::kOver}, {"higher than", Qualifier::kOver}, {"at least", Qualifier::kOver},
    {"north of", Qualifier::kOver}, {"exceeding", Qualifier::kOver}, {"surpassing", Qualifier::kOver},
    {"over", Qualifier::kOver}, {"above", Qualifier::kOver}, {"past", Qualifier::kOver},
    {"beyond", Qualifier::kOver}, {"exceeded", Qualifier::kOver}, {"topping", Qualifier::kOver},
    {"close to", Qualifier::kApprox}, {"approximately", Qualifier::kApprox}, {"roughly", Qualifier::kApprox},
    {"around", Qualifier::kApprox}, {"nearly", Qualifier::kApprox}, {"almost", Qualifier::kApprox},
    {"about", Qualifier::kApprox}, {"some", Qualifier::kApprox}, {"near", Qualifier::kApprox},
    {"nears", Qualifier::kApprox}, {"nearing", Qualifier::kApprox}, {"approx", Qualifier::kApprox},
    {"circa", Qualifier::kApprox}, {"estimated", Qualifier::kApprox}, {"~", Qualifier::kApprox},
    {"an estimated", Qualifier::kApprox}, {"hovering near", Qualifier::kApprox},
    {"less than", Qualifier::kUnder}, {"fewer than", Qualifier::kUnder}, {"lower than", Qualifier::kUnder},
    {"as much as", Qualifier::kUnder}, {"as many as", Qualifier::kUnder}, {"up to", Qualifier::kUnder},
    {"at most", Qualifier::kUnder}, {"under", Qualifier::kUnder}, {"below", Qualifier::kUnder},
    {"shy of", Qualifier::kUnder}, {"sub", Qualifier::kUnder}, {"beneath", Qualifier::kUnder},
}};

// kHedges by their last byte, each list in kHedges order (longest first).
const std::vector<const Hedge*>& HedgesEndingIn(char last) {
  static const auto by_last = [] {
    std::array<std::vector<const Hedge*>, 256> table;
    for (const Hedge& h : kHedges) table[static_cast<unsigned char>(h.words.back())].push_back(&h);
    return table;
  }();
  return by_last[static_cast<unsigned char>(last)];
}

// The hedge and the filler words between it and the number ("approximately
// the key psychological $60,000") fit in the 48 bytes before the number; at
// most three fillers are stripped before the hedge must show.
constexpr size_t kHedgeLookBack = 48;
constexpr int kHedgeRounds = 4;
// Room for the longest hedge after the number (" and higher", 11 bytes).
constexpr size_t kHedgeAfterWindow = 16;
// Room for the longest "by" phrase before an amount (" by an additional",
// 17 bytes) or "by a" with one word after it ("by a whopping").
constexpr size_t kByLookBack = 24;

// Words that may sit between a hedge and its number.
bool IsFiller(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "by" || w == "just" || w == "another" ||
         w == "of" || w == "only" || w == "slightly" || w == "some" || w == "still" || w == "well" ||
         w == "key" || w == "psychological" || w == "crucial" || w == "critical" || w == "important" ||
         w == "major" || w == "level" || w == "at";
}

}  // namespace

Qualifier QualifierBefore(std::string_view lower, size_t pos) {
  // The bytes before the number, stripped of trailing fillers.
  size_t from = pos > kHedgeLookBack ? pos - kHedgeLookBack : 0;
  std::string_view left = lower.substr(from, pos - from);
  auto trim = [&] {
    while (!left.empty() && (left.back() == ' ' || left.back() == '-' || left.back() == '(')) left.remove_suffix(1);
  };
  trim();
  if (!left.empty() && left.back() == '~') return Qualifier::kApprox;
  for (int round = 0; round < kHedgeRounds; ++round) {
    if (left.empty()) break;
    // Only hedges ending in the window's last byte can end it.
    for (const Hedge* hedge : HedgesEndingIn(left.back())) {
      const Hedge& h = *hedge;
      if (!left.ends_with(h.words)) continue;
      size_t b = left.size() - h.words.size();
      if (b > 0 && ascii::IsAlpha(left[b - 1])) continue;
      // "sub-$60K" is written with a hyphen, which trim() removed.
      if (h.words == "some" && round > 0) continue;
      // "a break above $X", "a weekly close below $X": a level the price
      // moves against, not where the figure lies (ANNOTATION: stays exact).
      if (h.words == "above" || h.words == "below" || h.words == "under" || h.words == "over" ||
          h.words == "beyond" || h.words == "past") {
        std::string_view before = left.substr(0, b);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        const size_t sp = before.find_last_of(' ');
        const std::string_view verb = sp == std::string_view::npos ? before : before.substr(sp + 1);
        for (std::string_view action : {"break", "breaks", "breaking", "broke", "close", "closes", "closing",
                                        "closed", "reclaim", "reclaims", "hold", "holds", "holding", "flip",
                                        "flips", "breakout", "breakdown"})
          if (verb == action) return Qualifier::kExact;
      }
      // "the low 30s" / "near-term" are not hedges; "near" needs a number next.
      return h.qualifier;
    }
    size_t sp = left.find_last_of(' ');
    const std::string_view last = sp == std::string_view::npos ? left : left.substr(sp + 1);
    if (!IsFiller(last)) break;
    left = left.substr(0, sp == std::string_view::npos ? 0 : sp);
    trim();
  }
  return Qualifier::kExact;
}

Qualifier QualifierAfter(std::string_view lower, size_t end) {
  const std::string_view right = lower.substr(end, kHedgeAfterWindow);
  if (right.starts_with("+")) return Qualifier::kOver;  // "$1,100+"
  for (std::string_view w : {" or higher", " or more", " and higher", " and above", " or above", " plus"})
    if (right.starts_with(w)) return Qualifier::kOver;
  for (std::string_view w : {" or lower", " or less", " and below", " or below"})
    if (right.starts_with(w)) return Qualifier::kUnder;
  return Qualifier::kExact;
}

bool ByAmountBefore(std::string_view lower, size_t pos) {
  size_t e = pos;
  while (e > 0 && lower[e - 1] == ' ') --e;
  const std::string_view left = lower.substr(e > kByLookBack ? e - kByLookBack : 0, std::min(e, kByLookBack));
  if (left.find(" by") == std::string_view::npos) return false;  // every form below has it
  for (std::string_view w : {" by"sv, " by about"sv, " by around"sv, " by nearly"sv, " by over"sv, " by more than"sv,
                             " by roughly"sv, " by almost"sv, " by some"sv, " by another"sv, " by an additional"sv,
                             " by just"sv})
    if (ascii::EndsWith(left, w)) return true;
  // "by a mind-blowing $8 billion", "by a whopping $3,000": "by a" and one word.
  const size_t sp = left.find_last_of(' ');
  if (sp != std::string_view::npos && sp > 0) {
    const std::string_view rest = left.substr(0, sp);
    if (ascii::EndsWith(rest, " by a") || ascii::EndsWith(rest, " by an") || ascii::EndsWith(rest, " by the")) return true;
  }
  return false;
}

}  // namespace cn
