#include "extractors/sentence_analysis.h"

#include <algorithm>
#include <cctype>

namespace cn {
namespace {

bool StartsWithAt(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[pos + i])) != word[i]) return false;
  return true;
}

// Clause breaks: where a new subject may start. Lower-case markers, each
// beginning with the character that ends the previous clause.
constexpr std::string_view kClauseMarkers[] = {
    ";", " while ", " whereas ", ", but ", " but ", ", and ", ", with ", ", as ", ", which ",
    ", whose ", " - ", ", while ", ", after ", ", though ", ", although ", ", whereas ", ": ",
    ", even as ", ", compared to ", ", compared with ", " compared to ", ", against ", " against "};

// Text between two asset mentions that still joins them into one subject.
bool IsCoordination(std::string_view between) {
  std::string s;
  for (char c : between) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Drop "(TICKER)" leftovers and punctuation, then what remains must be a joiner.
  std::string words;
  for (char c : s)
    if (std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '&') words.push_back(c);
  std::string trimmed;
  bool space = false;
  for (char c : words) {
    if (c == ' ') {
      space = !trimmed.empty();
      continue;
    }
    if (space) trimmed.push_back(' ');
    space = false;
    trimmed.push_back(c);
  }
  return trimmed.empty() || trimmed == "and" || trimmed == "&" || trimmed == "or" ||
         trimmed == "as well as" || trimmed == "and the" || trimmed == "along with" || trimmed == "plus";
}

}  // namespace

SentenceAnalysis SentenceAnalysis::Build(std::string_view sentence, const AssetLexicon& lexicon,
                                         const SentenceMemory& memory) {
  SentenceAnalysis a;
  a.text = sentence;
  a.memory = &memory;
  a.quantities = LexQuantities(sentence);
  a.assets = lexicon.FindMentions(sentence);
  // "ethena (ENA)": one mention, not two.
  std::vector<AssetMention> merged;
  for (auto& m : a.assets) {
    if (!merged.empty() && merged.back().ticker == m.ticker) {
      std::string_view between = sentence.substr(merged.back().end, m.begin - merged.back().end);
      if (between.find_first_not_of(" (") == std::string_view::npos) {
        merged.back().end = m.end + (m.end < sentence.size() && sentence[m.end] == ')' ? 1 : 0);
        continue;
      }
    }
    merged.push_back(m);
  }
  a.assets = std::move(merged);
  a.cues = FindCues(sentence);
  a.windows = FindWindows(sentence);
  a.clause_starts.push_back(0);
  for (size_t i = 0; i < sentence.size(); ++i) {
    for (std::string_view m : kClauseMarkers) {
      if (StartsWithAt(sentence, i, m)) {
        // " - " between two numbers is a range, not a clause break.
        if (m == " - " && i > 0 && i + 3 < sentence.size() &&
            (std::isdigit(static_cast<unsigned char>(sentence[i - 1])) ||
             std::isdigit(static_cast<unsigned char>(sentence[i + 3])) || sentence[i + 3] == '$'))
          continue;
        a.clause_starts.push_back(i + 1);
        break;
      }
    }
  }
  return a;
}

size_t SentenceAnalysis::ClauseStart(size_t pos) const {
  auto it = std::upper_bound(clause_starts.begin(), clause_starts.end(), pos);
  return *(it - 1);
}

size_t SentenceAnalysis::ClauseEnd(size_t pos) const {
  auto it = std::upper_bound(clause_starts.begin(), clause_starts.end(), pos);
  return it == clause_starts.end() ? text.size() : *it;
}

size_t SentenceAnalysis::Distance(size_t begin, size_t end, const Quantity& q) {
  if (end <= q.begin) return q.begin - end;
  if (begin >= q.end) return begin - q.end;
  return 0;
}

const CueHit* SentenceAnalysis::NearestCue(std::initializer_list<Cue> wanted, const Quantity& q,
                                           size_t max_distance, bool same_clause, size_t after_max) const {
  const CueHit* best = nullptr;
  size_t best_d = SIZE_MAX;
  for (const CueHit& h : cues) {
    if (std::find(wanted.begin(), wanted.end(), h.cue) == wanted.end()) continue;
    if (same_clause && !SameClause(h.begin, q.begin)) continue;
    size_t d = Distance(h.begin, h.end, q);
    if (h.begin >= q.end && d > after_max) continue;
    if (d <= max_distance && d < best_d) best = &h, best_d = d;
  }
  return best;
}

bool SentenceAnalysis::HasCue(Cue cue) const {
  return std::any_of(cues.begin(), cues.end(), [cue](const CueHit& h) { return h.cue == cue; });
}

Direction SentenceAnalysis::DirectionNear(const Quantity& q, size_t before_max, size_t after_max) const {
  if (q.sign < 0) return Direction::kDown;
  if (q.sign > 0) return Direction::kUp;
  const CueHit* best = nullptr;
  size_t best_d = SIZE_MAX;
  for (const CueHit& h : cues) {
    if (h.cue != Cue::kUp && h.cue != Cue::kDown && h.cue != Cue::kInflow && h.cue != Cue::kOutflow) continue;
    if (!SameClause(h.begin, q.begin)) continue;
    size_t d = Distance(h.begin, h.end, q);
    bool after = h.begin >= q.end;
    if (d > (after ? after_max : before_max)) continue;
    // A word right after the number ("10% higher", "a 6% drop") is a strong
    // sign; a word before counts at its distance.
    if (d < best_d) best = &h, best_d = d;
  }
  if (best == nullptr) return Direction::kNone;
  return (best->cue == Cue::kUp || best->cue == Cue::kInflow) ? Direction::kUp : Direction::kDown;
}

std::string SentenceAnalysis::WindowFor(const Quantity& q) const {
  const WindowHit* best = nullptr;
  size_t best_d = SIZE_MAX;
  for (const WindowHit& w : windows) {
    size_t d = Distance(w.begin, w.end, q);
    if (!SameClause(w.begin, q.begin)) d += 60;
    if (d < best_d) best = &w, best_d = d;
  }
  if (best != nullptr) return best->duration;
  if (HasCue(Cue::kPeriodBackRef) && memory != nullptr) return memory->last_window;
  return {};
}

std::optional<size_t> SentenceAnalysis::SubjectAssetIndex(const Quantity& q, bool group_means_none) const {
  const size_t clause = ClauseStart(q.begin);
  std::optional<size_t> before_in_clause, first_before, after_in_clause;
  for (size_t i = 0; i < assets.size(); ++i) {
    const AssetMention& m = assets[i];
    if (m.end <= q.begin) {
      if (!first_before) first_before = i;
      if (m.begin >= clause) before_in_clause = i;
    } else if (m.begin >= q.end && !after_in_clause && SameClause(m.begin, q.begin) && m.begin - q.end < 60) {
      after_in_clause = i;
    }
  }
  if (group_means_none) {
    // A group word between the subject and the number: "altcoins ... fall 50%".
    size_t subject_end = before_in_clause ? assets[*before_in_clause].end : clause;
    for (const CueHit& h : cues) {
      if ((h.cue == Cue::kGroup || h.cue == Cue::kMarketWide) && h.begin >= subject_end && h.end <= q.begin &&
          h.begin >= clause)
        return std::nullopt;
    }
  }
  // "(9%)" right after a ticker belongs to that ticker.
  if (before_in_clause) return before_in_clause;
  if (first_before && (!after_in_clause || true)) {
    if (group_means_none) {
      for (const CueHit& h : cues)
        if ((h.cue == Cue::kGroup || h.cue == Cue::kMarketWide) && h.end <= q.begin && h.begin >= clause)
          return std::nullopt;
    }
    return first_before;
  }
  return after_in_clause;
}

std::vector<std::string> SentenceAnalysis::SubjectAssets(const Quantity& q, bool group_means_none) const {
  std::vector<std::string> out;
  auto index = SubjectAssetIndex(q, group_means_none);
  if (!index) return out;
  size_t lo = *index, hi = *index;
  while (lo > 0 && IsCoordination(text.substr(assets[lo - 1].end, assets[lo].begin - assets[lo - 1].end))) --lo;
  while (hi + 1 < assets.size() && assets[hi + 1].end <= q.begin &&
         IsCoordination(text.substr(assets[hi].end, assets[hi + 1].begin - assets[hi].end)))
    ++hi;
  for (size_t i = lo; i <= hi; ++i)
    if (std::find(out.begin(), out.end(), assets[i].ticker) == out.end()) out.push_back(assets[i].ticker);
  // "…, and so are BNB and XRP" / "as did SOL": more subjects after the number.
  for (std::string_view marker : {"so are ", "so is ", "so did ", "so have ", "so has ", "as did ", "as have ",
                                  "so were ", "so was ", "as are ", "as is "}) {
    size_t p = std::string_view::npos;
    for (size_t i = q.end; i + marker.size() <= text.size(); ++i)
      if (StartsWithAt(text, i, marker)) {
        p = i + marker.size();
        break;
      }
    if (p == std::string_view::npos) continue;
    for (size_t i = 0; i < assets.size(); ++i) {
      if (assets[i].begin < p) continue;
      if (i > 0 && assets[i - 1].begin >= p &&
          !IsCoordination(text.substr(assets[i - 1].end, assets[i].begin - assets[i - 1].end)))
        break;
      if (std::find(out.begin(), out.end(), assets[i].ticker) == out.end()) out.push_back(assets[i].ticker);
    }
    break;
  }
  return out;
}

}  // namespace cn
