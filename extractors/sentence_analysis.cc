#include "extractors/ascii.h"
#include "extractors/sentence_analysis.h"
#include "extractors/byte_class_scanner.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace cn {

using namespace std::string_view_literals;
namespace {

// Clause breaks: where a new subject may start. Lower-case markers, each
// beginning with the character that ends the previous clause.
constexpr std::string_view kClauseMarkers[] = {
    ";", " while ", " whereas ", ", but ", " but ", ", and ", ", with ", ", as ", ", which ",
    ", whose ", " - ", ", while ", ", after ", ", though ", ", although ", ", whereas ", ": ",
    ", even as ", ", compared to ", ", compared with ", " compared to ", ", against ", " against ", " as "};

// kClauseMarkers by their first two bytes; a one-byte marker (";") is listed
// under every second byte.
class ClauseMarkerIndex {
 public:
  static const ClauseMarkerIndex& Get() {
    static const ClauseMarkerIndex index;
    return index;
  }
  // Whether some marker starts with this byte: most bytes are ruled out here.
  bool MayStartWith(char first) const { return starts_[static_cast<unsigned char>(first)]; }
  const std::vector<std::string_view>* Candidates(char first, char second) const {
    const auto a = static_cast<unsigned char>(first), b = static_cast<unsigned char>(second);
    if (a >= 128 || b >= 128) return nullptr;
    const uint16_t list = list_of_pair_[a * 128 + b];
    return list == 0 ? nullptr : &lists_[list - 1];
  }

 private:
  ClauseMarkerIndex() {
    for (std::string_view m : kClauseMarkers) {
      starts_[static_cast<unsigned char>(m[0])] = true;
      for (int b = 0; b < 128; ++b) {
        if (m.size() > 1 && b != static_cast<unsigned char>(m[1])) continue;
        uint16_t& list = list_of_pair_[static_cast<unsigned char>(m[0]) * 128 + b];
        if (list == 0) {
          lists_.emplace_back();
          list = static_cast<uint16_t>(lists_.size());
        }
        lists_[list - 1].push_back(m);
      }
    }
  }
  std::array<bool, 256> starts_{};
  std::array<uint16_t, 128 * 128> list_of_pair_{};  // 1 + index into lists_, 0 for none
  std::vector<std::vector<std::string_view>> lists_;
};

// Text between two asset mentions that still joins them into one subject.
bool IsCoordination(std::string_view between) {
  // Drop "(TICKER)" leftovers and punctuation, lower-case, single spaces,
  // trimmed: what remains must be a joiner. The longest joiner has ten
  // bytes, so a longer rest is none (and needs no copy).
  char buffer[12];
  size_t size = 0;
  bool space = false;
  for (char raw : between) {
    const char c = ascii::ToLower(raw);
    if (!(ascii::IsAlpha(c) || c == ' ' || c == '&')) continue;
    if (c == ' ') {
      space = size > 0;
      continue;
    }
    if (size + (space ? 2 : 1) > sizeof buffer) return false;
    if (space) buffer[size++] = ' ';
    space = false;
    buffer[size++] = c;
  }
  const std::string_view trimmed(buffer, size);
  return trimmed.empty() || trimmed == "and" || trimmed == "&" || trimmed == "or" ||
         trimmed == "as well as" || trimmed == "and the" || trimmed == "along with" || trimmed == "plus";
}

// A group word is a subject unless a preposition ties it to something else:
// "among large-cap assets", "more than altcoins", "of the market".
bool GroupIsSubject(std::string_view text, const CueHit& h) {
  size_t e = h.begin;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && ascii::IsAlpha(text[b - 1])) --b;
  std::string word;
  for (size_t i = b; i < e; ++i) word.push_back(static_cast<char>(ascii::ToLower(text[i])));
  if (word == "the" || word == "broader" || word == "wider") {
    // look one word further back: "of the market"
    size_t e2 = b;
    while (e2 > 0 && text[e2 - 1] == ' ') --e2;
    size_t b2 = e2;
    while (b2 > 0 && ascii::IsAlpha(text[b2 - 1])) --b2;
    word.clear();
    for (size_t i = b2; i < e2; ++i) word.push_back(static_cast<char>(ascii::ToLower(text[i])));
  }
  static constexpr std::string_view kTies[] = {"among", "than", "of", "vs", "versus", "from", "in", "across",
                                               "outperforming", "outpacing", "on", "for", "by", "to", "with"};
  for (auto t : kTies)
    if (word == t) {
      // "for altcoins, whose prices could fall": the relative clause makes it the subject.
      std::string_view after = text.substr(h.end, 8);
      return after.starts_with(", whose") || after.starts_with(", which");
    }
  return true;
}

bool IsForOrIn(std::string_view text, size_t begin) {
  size_t e = begin;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '$')) --e;
  std::string_view left = text.substr(0, e);
  return left.ends_with(" for") || left.ends_with(" in") || left.ends_with(" of");
}

// A mention right after "than", "of", "to", "from", "against", "like", "vs":
// an object, not the subject.
bool IsTiedMention(std::string_view text, size_t begin, bool the_ties = true) {
  size_t e = begin;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '$')) --e;
  size_t b = e;
  while (b > 0 && ascii::IsAlpha(text[b - 1])) --b;
  std::string word;
  for (size_t i = b; i < e; ++i) word.push_back(static_cast<char>(ascii::ToLower(text[i])));
  static constexpr std::string_view kTies[] = {"than", "of", "to", "from", "against", "like", "vs", "versus",
                                               "the", "behind", "with", "powers", "on", "for", "into", "by",
                                               "unlike", "besides", "except", "including"};
  if (!the_ties && word == "the") return false;  // "The BTC futures market": still its subject
  for (auto t : kTies)
    if (word == t) return true;
  return false;
}

}  // namespace

void SentenceAnalysis::Refill(std::string_view sentence, size_t document_offset, const SentenceMemory& memory) {
  SentenceAnalysis& a = *this;
  a.text = sentence;
  a.memory = &memory;
  // One lower-cased copy serves cue, window and clause finding.
  thread_local std::string lower;
  lower.assign(sentence);
  ascii::ToLowerInPlace(lower);
  const std::string_view low = lower;
  a.lower = low;
  a.assets.clear();
  if (memory.article != nullptr) {
    memory.article->FindMentionsIn(document_offset, document_offset + sentence.size(), low, a.assets);
    // The quote of a pair ("USDT" of "SOL/USDT") is never what a figure is about.
    std::erase_if(a.assets, [](const AssetMention& m) { return m.role == MentionRole::kPairQuote; });
  }
  // "ethena (ENA)": one mention, not two. Merged in place: `kept` mentions
  // stay at the front.
  size_t kept = 0;
  for (size_t i = 0; i < a.assets.size(); ++i) {
    AssetMention& m = a.assets[i];
    if (kept > 0 && a.assets[kept - 1].ticker == m.ticker) {
      AssetMention& previous = a.assets[kept - 1];
      std::string_view between = sentence.substr(previous.end, m.begin - previous.end);
      if (between.find_first_not_of(" (") == std::string_view::npos) {
        previous.end = m.end + (m.end < sentence.size() && sentence[m.end] == ')' ? 1 : 0);
        continue;
      }
    }
    if (kept != i) a.assets[kept] = std::move(m);
    ++kept;
  }
  a.assets.resize(kept);
  FindCuesInLowerCase(low, a.cues);
  // "the altcoin's value": a singular group word in the possessive points
  // back at the coin being discussed, not at a group.
  std::erase_if(a.cues, [&](const CueHit& h) {
    return h.cue == Cue::kGroup && low[h.end - 1] != 's' && low.substr(h.end).starts_with("'s ");
  });
  a.clause_starts.assign(1, 0);
  // Markers start with ' ', ',', ';' or ':'; compare lower-case bytes.
  // Markers grouped by their first two bytes (the second may be the end of
  // the text, for ";"): most spaces and commas start no marker at all.
  const ClauseMarkerIndex& index = ClauseMarkerIndex::Get();
  auto clause_break_at = [&](size_t i) {
    const char next = i + 1 < low.size() ? low[i + 1] : '\0';
    const std::vector<std::string_view>* candidates = index.Candidates(low[i], next);
    if (candidates == nullptr) return;
    for (std::string_view m : *candidates) {
      // The third byte rules out most candidates ("and" for " as ") before a full compare.
      if (m.size() > 2 && (i + 2 >= low.size() || low[i + 2] != m[2])) continue;
      if (!ascii::StartsWith(low.substr(i), m)) continue;
      // " - " between two numbers is a range, not a clause break.
      if (m == " - " && i > 0 && i + 3 < low.size() &&
          (ascii::IsDigit(low[i - 1]) ||
           ascii::IsDigit(low[i + 3]) || low[i + 3] == '$'))
        continue;
      // "as much as", "such as": not a new clause.
      if (m == " as ") {
        std::string_view next = low.substr(i + 4, 6);
        bool idiom = next.empty() || next.starts_with("much") || next.starts_with("many") ||
                     next.starts_with("high") || next.starts_with("low") || next.starts_with("well") ||
                     next.starts_with("long") || next.starts_with("soon") || next.starts_with("of") ||
                     next.starts_with("part") || next.starts_with("a ") ||
                     (i >= 4 && low.substr(i - 4, 4) == "such") || (i >= 3 && low.substr(i - 3, 3) == " as") ||
                     ascii::IsDigit(next[0]) || next.starts_with("$");
        if (idiom) continue;
      }
      a.clause_starts.push_back(i + 1);
      return;
    }
  };
  // One pass over the bytes finds both the clause breaks (markers start with
  // a space or punctuation) and the unit words of time windows (whole runs
  // of letters), instead of one pass each.
  thread_local std::vector<UnitWord> unit_words;
  unit_words.clear();
  const auto is_letter = [](char c) { return static_cast<unsigned char>(c - 'a') < 26; };
  static constexpr ByteClass kLetters({{'a', 'z'}});
  ByteClassScanner letters(low, kLetters);
  const char* const bytes = low.data();
  const size_t n = low.size();
  for (size_t i = 0; i < n;) {
    if (is_letter(bytes[i])) {
      const size_t begin = i;
      i = letters.NextNonMember(i + 1);
      if (IsWindowUnitWord(low.substr(begin, i - begin))) unit_words.push_back({begin, i});
      continue;
    }
    if (index.MayStartWith(bytes[i])) clause_break_at(i);
    ++i;
  }
  FindWindows(sentence, low, unit_words, a.windows);
}

const std::string& SentenceMemory::WindowBack(int n) const {
  const PreviousSentence& p = previous_[n];
  if (!p.window) {
    const std::vector<WindowHit> windows = FindWindows(p.unscanned);
    p.window = windows.empty() ? std::string() : windows.back().duration;
  }
  return *p.window;
}

bool IsTieWordForList(std::string_view word) {
  return word == "unlike" || word == "than" || word == "versus" || word == "vs" || word == "besides" ||
         word == "except";
}

// "Unlike PI and Flare, ...": a mention in a list of names that a tie word
// opens. Walks back over capitalised words, "and", "or", "&" and commas.
bool InTiedList(std::string_view text, size_t begin) {
  size_t p = begin;
  // "Unlike A and B, C ...": a comma right before the mention after a list
  // closed by "and" ends that list; C is the subject.
  int first_separator = 0;  // 1: a comma, 2: a word
  for (int words = 0; words < 8; ++words) {
    bool comma = false;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == ',')) comma |= text[--p] == ',';
    if (first_separator == 0) first_separator = comma ? 1 : 2;
    size_t b = p;
    while (b > 0 && (ascii::IsAlnum(text[b - 1]) || text[b - 1] == '&')) --b;
    if (b == p) return false;
    const std::string word = ascii::ToLower(text.substr(b, p - b));
    const bool capitalised = ascii::IsUpper(text[b]);
    if (IsTieWordForList(word) && !(first_separator == 1 && words == 1)) return true;
    if (!capitalised && word != "and" && word != "or" && word != "&") return false;
    // ... and so does one after a single name: "Unlike Solana, Orbitrail ...".
    if (first_separator == 1 && words == 1 && IsTieWordForList(word)) return false;
    if (!capitalised && first_separator == 1 && words > 0) return false;
    p = b;
  }
  return false;
}

std::string LoneSubject(std::string_view text, std::span<const AssetMention> mentions) {
  std::string_view subject;
  bool tied_chain = false;  // the previous mention was tied, and "and"/"," goes on with it
  for (size_t i = 0; i < mentions.size(); ++i) {
    const AssetMention& m = mentions[i];
    if (m.role == MentionRole::kPairQuote) continue;
    bool tied = IsTiedMention(text, m.begin, /*the_ties=*/false) || InTiedList(text, m.begin);
    if (!tied && tied_chain && i > 0 && mentions[i - 1].ticker != m.ticker &&
        IsCoordination(text.substr(mentions[i - 1].end, m.begin - mentions[i - 1].end)))
      tied = true;
    tied_chain = tied;
    if (tied) continue;
    if (subject.empty()) subject = m.ticker;
    else if (subject != m.ticker) return {};
  }
  return std::string(subject);
}

const std::string& SentenceMemory::RecentAsset() const {
  std::vector<AssetMention> mentions;
  std::string lower;
  for (size_t i = unscanned_.size(); article != nullptr && i-- > 0;) {
    lower.assign(article_text.substr(unscanned_[i].begin, unscanned_[i].end - unscanned_[i].begin));
    ascii::ToLowerInPlace(lower);
    article->FindMentionsIn(unscanned_[i].begin, unscanned_[i].end, lower, mentions);
    const std::string subject = LoneSubject(
        article_text.substr(unscanned_[i].begin, unscanned_[i].end - unscanned_[i].begin), mentions);
    if (!subject.empty()) {
      recent_asset_ = subject;
      break;
    }
  }
  unscanned_.clear();
  return recent_asset_;
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
  // "1.3% below the prior high", "14.5% less than its peak": a gap to a level.
  if (q.type == QuantityType::kPercent) {
    const std::string_view right = lower.substr(q.end, 14);
    for (std::string_view w : {" below ", " less than ", " lower than ", " under ", " beneath "})
      if (right.starts_with(w)) return Direction::kDown;
    for (std::string_view w : {" above ", " higher than "})
      if (right.starts_with(w)) return Direction::kUp;
  }
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

std::string SentenceAnalysis::WindowFor(const Quantity& q, bool carry_over) const {
  const WindowHit* best = nullptr;
  size_t best_d = SIZE_MAX;
  for (const WindowHit& w : windows) {
    size_t d = Distance(w.begin, w.end, q);
    if (!SameClause(w.begin, q.begin)) d += 60;
    // "2.5% in the last 24 hours and 4.6% in the past week": a window right
    // after a number is its own, and one on the far side of another number
    // of the same type is that number's.
    if (w.begin >= q.end && w.begin - q.end <= 24 &&
        std::all_of(text.begin() + q.end, text.begin() + w.begin, [](char c) { return c == ' ' || ascii::IsAlpha(c); }))
      d = d > 10 ? d - 10 : 0;
    for (const Quantity& o : quantities)
      if (&o != &q && !o.is_noise && o.type == q.type &&
          ((o.begin >= q.end && o.end <= w.begin) || (o.begin >= w.end && o.end <= q.begin)))
        d += 80;
    if (d < best_d) best = &w, best_d = d;
  }
  if (best != nullptr) return best->duration;
  if (memory == nullptr) return {};
  if (HasCue(Cue::kPeriodBackRef)) return memory->LastWindow();
  return carry_over ? memory->RecentWindow() : std::string();
}

std::optional<size_t> SentenceAnalysis::SubjectAssetIndex(const Quantity& q, bool group_means_none) const {
  const size_t clause = ClauseStart(q.begin);
  // "XRP followed Bitcoin, which went down to $109,000": a relative clause
  // is about the coin named right before its comma.
  if (clause > 0 && text[clause - 1] == ',') {
    const std::string_view rest = text.substr(clause);
    if (rest.starts_with(" which ") || rest.starts_with(" who ") || rest.starts_with(" whose "))
      for (size_t i = assets.size(); i-- > 0;)
        if (assets[i].end <= clause - 1 && clause - 1 - assets[i].end <= 1) return i;
  }
  std::optional<size_t> before_in_clause, first_before, after_in_clause;
  for (size_t i = 0; i < assets.size(); ++i) {
    const AssetMention& m = assets[i];
    if (m.end <= q.begin) {
      if (!first_before) first_before = i;
      if (m.begin >= clause) before_in_clause = i;
    } else if (m.begin >= q.end && !after_in_clause && SameClause(m.begin, q.begin) && m.begin - q.end < 60 &&
               IsForOrIn(text, m.begin)) {
      after_in_clause = i;  // "a 5% gain for SOL", "a 3% drop in ETH"
    }
  }
  if (group_means_none) {
    // A group word between the subject and the number: "altcoins ... fall 50%".
    size_t subject_end = before_in_clause ? assets[*before_in_clause].end : clause;
    for (const CueHit& h : cues) {
      if ((h.cue == Cue::kGroup || h.cue == Cue::kMarketWide) && h.begin >= subject_end && h.end <= q.begin &&
          h.begin >= clause && GroupIsSubject(text, h))
        return std::nullopt;
    }
  }
  // The clause's subject: its first mention not tied to something else by a
  // preposition ("more aggressively than Bitcoin", "the Ethereum-based ...").
  if (before_in_clause) {
    for (size_t i = *before_in_clause + 1; i-- > 0;) {
      const AssetMention& m = assets[i];
      if (m.begin < clause) break;
      if (!IsTiedMention(text, m.begin)) return i;
    }
    return before_in_clause;
  }
  if (first_before) {
    if (group_means_none) {
      for (const CueHit& h : cues)
        if ((h.cue == Cue::kGroup || h.cue == Cue::kMarketWide) && h.end <= q.begin && h.begin >= clause &&
            GroupIsSubject(text, h))
          return std::nullopt;
    }
    return first_before;
  }
  return after_in_clause;
}

bool SentenceAnalysis::GroupOwnsRelativeClause(const Quantity& q) const {
  const size_t clause = ClauseStart(q.begin);
  // Clauses start right after the marker's first byte: ", whose" begins " whose".
  if (clause < 1 || text[clause - 1] != ',') return false;
  const std::string_view rest = text.substr(clause);
  if (!rest.starts_with(" whose ") && !rest.starts_with(" which ")) return false;
  for (const CueHit& h : cues)
    if ((h.cue == Cue::kGroup || h.cue == Cue::kMarketWide) && h.end == clause - 1) return true;
  return false;
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
  // "…, and so are BNB and XRP" / "as did SOL": more subjects after the
  // number; there are none to find without a mention after it.
  if (std::none_of(assets.begin(), assets.end(), [&](const AssetMention& m) { return m.begin >= q.end; })) return out;
  // Every marker starts with "so " or "as ": without either, none is searched for.
  if (lower.find("so ", q.end) == std::string_view::npos && lower.find("as ", q.end) == std::string_view::npos)
    return out;
  for (std::string_view marker : {"so are "sv, "so is "sv, "so did "sv, "so have "sv, "so has "sv, "as did "sv, "as have "sv,
                                  "so were "sv, "so was "sv, "as are "sv, "as is "sv}) {
    size_t p = ascii::FindNoCase(text, marker, q.end);
    if (p == std::string_view::npos) continue;
    p += marker.size();
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
