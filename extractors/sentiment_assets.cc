#include "extractors/sentiment_assets.h"

#include <algorithm>
#include <array>

#include "extractors/ascii.h"

namespace cn {
namespace {

using ascii::EqualsNoCase;
using ascii::StartsWithNoCase;

// The quote side of a pair: "USDT" in "SOL/USDT", "BTC" in "ETH/BTC".
bool IsQuoteOfPair(std::string_view sentence, const AssetMention& m) {
  return m.begin >= 2 && sentence[m.begin - 1] == '/' && ascii::IsAlnum(sentence[m.begin - 2]);
}

// Words that join names into one group: "A, B and C", "A (TICKER) or B".
bool OnlyJoiners(std::string_view between) {
  size_t i = 0;
  while (i < between.size()) {
    unsigned char c = static_cast<unsigned char>(between[i]);
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '&' || c == '$') {
      ++i;
      continue;
    }
    if (!ascii::IsAlpha(c)) return false;
    size_t j = i;
    while (j < between.size() && ascii::IsAlpha(between[j])) ++j;
    std::string_view word = between.substr(i, j - i);
    if (!EqualsNoCase(word, "and") && !EqualsNoCase(word, "or")) return false;
    i = j;
  }
  return true;
}

// Where a new clause starts: after ';' or ", ", or before a turn word. The
// last such position in [from, to), or npos.
size_t LastClauseBreak(std::string_view sentence, size_t from, size_t to) {
  static constexpr std::array<std::string_view, 10> kTurns = {
      " but ", " while ", " whereas ", " however", " although ", " though ",
      " despite ", " yet ", " meanwhile", " - "};
  size_t found = std::string_view::npos;
  for (size_t i = from; i < to && i < sentence.size(); ++i) {
    char c = sentence[i];
    if (c == ';' || (c == ',' && i + 1 < sentence.size() && sentence[i + 1] == ' ')) {
      if (i + 1 <= to) found = i + 1;
      continue;
    }
    if (c != ' ') continue;
    for (std::string_view turn : kTurns)
      if (sentence.size() - i >= turn.size() && EqualsNoCase(sentence.substr(i, turn.size()), turn)) found = i;
  }
  return found;
}

constexpr std::array<std::string_view, 14> kTurnOpeners = {
    "but ", "while ", "whereas ", "however", "although ", "though ", "despite ", "yet ",
    "meanwhile", "by contrast", "in contrast", "on the other hand", "conversely", "unlike "};

// True when the part starting at `begin` turns against what came before:
// after ';' or " - ", or opening with "but", "while", "by contrast", ...
bool Turns(std::string_view sentence, size_t begin) {
  if (begin == 0) return false;
  size_t before = sentence.find_last_not_of(' ', begin - 1);
  if (before != std::string_view::npos && (sentence[before] == ';' || sentence[before] == '-')) return true;
  size_t start = sentence.find_first_not_of(" ,", begin);
  if (start == std::string_view::npos) return false;
  for (std::string_view opener : kTurnOpeners)
    if (StartsWithNoCase(sentence.substr(start), opener)) return true;
  return false;
}

// Where a part's own words start: after spaces, commas and an opening
// "and", "while", "but" ... that joined it to the rest (so that the rules do
// not weigh it as a conceded clause).
size_t OwnWordsStart(std::string_view sentence, size_t begin, size_t end) {
  size_t start = sentence.find_first_not_of(" ,", begin);
  if (start == std::string_view::npos || start >= end) return begin;
  std::string_view rest = sentence.substr(start, end - start);
  for (std::string_view opener : kTurnOpeners) {
    if (!StartsWithNoCase(rest, opener)) continue;
    size_t after = sentence.find_first_not_of(" ,", start + opener.size());
    return after == std::string_view::npos || after >= end ? begin : after;
  }
  if (StartsWithNoCase(rest, "and ")) return start + 4;
  return start;
}

}  // namespace

bool IsLinkLine(std::string_view sentence) {
  return sentence.starts_with("Related:") || sentence.starts_with("Related Reading:") ||
         StartsWithNoCase(sentence, "read also") || StartsWithNoCase(sentence, "also read") ||
         StartsWithNoCase(sentence, "read more") ||
         (sentence.starts_with("The post ") && sentence.find(" appeared first on ") != std::string_view::npos);
}

bool IsBareList(std::string_view sentence, std::span<const AssetMention> mentions) {
  // A chart caption ("BTC/USD 4-hour chart. Source: TradingView") says little
  // more than names.
  // A caption; a line with no final stop ("Tags: Bitcoin, Ether"); a
  // sentence: how many words of its own each needs ("XRP fell." has one).
  const bool ends_as_sentence = !sentence.empty() && (sentence.back() == '.' || sentence.back() == '!' || sentence.back() == '?');
  const int kFullSentenceWords = sentence.find("Source:") != std::string_view::npos ? 8 : ends_as_sentence ? 1 : 2;
  int words = 0;
  size_t m = 0;
  size_t i = 0;
  while (i < sentence.size() && words < kFullSentenceWords) {
    while (m < mentions.size() && mentions[m].end <= i) ++m;
    if (m < mentions.size() && i >= mentions[m].begin) {
      i = mentions[m].end;
      continue;
    }
    if (!ascii::IsAlpha(sentence[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < sentence.size() && ascii::IsAlnum(sentence[j])) ++j;
    std::string_view word = sentence.substr(i, j - i);
    if (word.size() >= 2 && !EqualsNoCase(word, "and") && !EqualsNoCase(word, "or")) ++words;
    i = j;
  }
  return words < kFullSentenceWords;
}

std::vector<SentenceAsset> AssetsOfSentence(std::string_view sentence, std::span<const AssetMention> mentions) {
  struct Group {
    size_t first, last;  // indexes into `counted`
    size_t part_begin = 0, part_end = 0;
    bool subject = true;
    size_t owner = 0;    // for a group in passing: the group whose clause it sits in
  };
  std::vector<const AssetMention*> counted;
  for (const AssetMention& m : mentions)
    if (m.role != MentionRole::kPairQuote && !IsQuoteOfPair(sentence, m)) counted.push_back(&m);
  if (counted.empty()) return {};

  std::vector<Group> groups;
  for (size_t i = 0; i < counted.size(); ++i) {
    if (!groups.empty()) {
      const AssetMention& prev = *counted[groups.back().last];
      if (OnlyJoiners(sentence.substr(prev.end, counted[i]->begin - prev.end))) {
        groups.back().last = i;
        continue;
      }
    }
    groups.push_back({i, i});
  }

  // Parts: each subject group owns its clause up to the next subject group's.
  size_t owner = 0;
  size_t first_cut = LastClauseBreak(sentence, 0, counted[0]->begin + 1);
  groups[0].part_begin = first_cut == std::string_view::npos ? 0 : first_cut;
  for (size_t g = 1; g < groups.size(); ++g) {
    size_t from = counted[groups[g - 1].last]->end;
    size_t to = counted[groups[g].first]->begin;
    size_t cut = LastClauseBreak(sentence, from, to + 1);
    if (cut == std::string_view::npos) {
      groups[g].subject = false;
      groups[g].owner = owner;
      continue;
    }
    groups[owner].part_end = cut;
    groups[g].part_begin = cut;
    owner = g;
  }
  groups[owner].part_end = sentence.size();
  for (Group& g : groups)
    if (!g.subject) {
      g.part_begin = groups[g.owner].part_begin;
      g.part_end = groups[g.owner].part_end;
    }

  std::vector<SentenceAsset> out;
  const bool alone = groups.size() == 1;
  for (Group& g : groups) {
    const bool turns = Turns(sentence, g.part_begin);
    if (g.part_begin > 0) g.part_begin = std::min(OwnWordsStart(sentence, g.part_begin, g.part_end), counted[g.first]->begin);
    for (size_t i = g.first; i <= g.last; ++i) {
      const std::string& ticker = counted[i]->ticker;
      auto it = std::find_if(out.begin(), out.end(), [&](const SentenceAsset& a) { return a.ticker == ticker; });
      if (it != out.end()) {
        if (!it->subject && g.subject) *it = {ticker, {g.part_begin, g.part_end}, true, alone, turns};
        continue;
      }
      out.push_back({ticker, {g.part_begin, g.part_end}, g.subject, alone, turns});
    }
  }
  return out;
}

}  // namespace cn
