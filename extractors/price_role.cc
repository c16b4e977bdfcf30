#include "extractors/price_role.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "extractors/ascii.h"
#include "extractors/byte_class_scanner.h"
#include "extractors/word_table.h"

namespace cn {
namespace {

using namespace std::string_view_literals;

// The cues of a price's role stand in its own or the previous clause, at
// most about fifteen words (90 bytes) before it or seven (40 bytes) after.
constexpr size_t kLeftWindow = 90;
constexpr size_t kRightWindow = 40;
// "might fall to", "would only rise to": the modal a few words before the verb.
constexpr size_t kModalLookBack = 28;
// Of the remaining cues, the nearest within about twelve words decides.
constexpr size_t kNearestCueReach = 70;

enum class Kind {
  kDestination,  // a target word that points at what follows: "toward", "target"
  kLevelNoun,    // "support", "EMA", "zone": a level, unless a destination points at it
  kLevelAction,  // "break above", "reclaim", "hold": acting on a level
  kTarget,       // modal or forecast words: "could", "forecast", "by year-end"
  kPast,         // "all-time high", "from", "ago", "entry price"
  kNewRecord,    // "new all-time high": a record just made is where the price is
  kCurrent,      // "trading at", "currently", "presale price"
  kMove,         // "fell to", "rose to": where a move ended, now unless said to be earlier
  kCondition,    // "if", "unless": a level the text supposes
  kZone,         // "between", "range": a zone, unless other words say what it is
  kAfterMove,    // "before dropping back to": where a move ended after an earlier one: now
};

struct RoleCue {
  std::string_view phrase;  // lower case, matched at word boundaries
  Kind kind;
};

// Cues before the price, in its sentence.
constexpr RoleCue kLeftCues[] = {
    {"toward"sv, Kind::kDestination}, {"towards"sv, Kind::kDestination}, {"target"sv, Kind::kDestination},
    {"targets"sv, Kind::kDestination}, {"targeting"sv, Kind::kDestination}, {"eyes"sv, Kind::kDestination},
    {"eyeing"sv, Kind::kDestination}, {"path to"sv, Kind::kDestination}, {"run to"sv, Kind::kDestination},
    {"upside to"sv, Kind::kDestination}, {"to reach"sv, Kind::kDestination}, {"to hit"sv, Kind::kDestination},
    {"reaching"sv, Kind::kDestination}, {"could reach"sv, Kind::kDestination}, {"could hit"sv, Kind::kDestination},
    {"could test"sv, Kind::kDestination}, {"to test"sv, Kind::kDestination}, {"open the way"sv, Kind::kDestination},
    {"sights"sv, Kind::kDestination}, {"aims"sv, Kind::kDestination}, {"aiming"sv, Kind::kDestination},
    {"objective"sv, Kind::kDestination}, {"goal"sv, Kind::kDestination}, {"a dip to"sv, Kind::kDestination},
    {"a drop to"sv, Kind::kDestination}, {"a move to"sv, Kind::kDestination}, {"a rally to"sv, Kind::kDestination},
    {"a push to"sv, Kind::kDestination}, {"a rise to"sv, Kind::kDestination}, {"a surge to"sv, Kind::kDestination},
    {"a return to"sv, Kind::kDestination}, {"a climb to"sv, Kind::kDestination}, {"push toward"sv, Kind::kDestination},
    {"a check of"sv, Kind::kDestination}, {"to retest"sv, Kind::kDestination},
    {"sending"sv, Kind::kDestination}, {"a crash to"sv, Kind::kDestination}, {"pullback to"sv, Kind::kDestination},
    {"closer to"sv, Kind::kDestination}, {"move to"sv, Kind::kDestination}, {"points to"sv, Kind::kDestination},
    {"pointing to"sv, Kind::kDestination}, {"points directly to"sv, Kind::kDestination},

    {"could"sv, Kind::kTarget}, {"might"sv, Kind::kTarget}, {"may"sv, Kind::kTarget}, {"will"sv, Kind::kTarget},
    {"would"sv, Kind::kTarget}, {"likely"sv, Kind::kTarget}, {"expected to"sv, Kind::kTarget},
    {"expects"sv, Kind::kTarget}, {"expect"sv, Kind::kTarget}, {"set to"sv, Kind::kTarget},
    {"poised"sv, Kind::kTarget}, {"forecast"sv, Kind::kTarget}, {"forecasts"sv, Kind::kTarget},
    {"forecasting"sv, Kind::kTarget}, {"predicts"sv, Kind::kTarget}, {"predict"sv, Kind::kTarget},
    {"prediction"sv, Kind::kTarget}, {"projects"sv, Kind::kTarget}, {"projected"sv, Kind::kTarget},
    {"projection"sv, Kind::kTarget}, {"potential"sv, Kind::kTarget}, {"possible"sv, Kind::kTarget},
    {"next"sv, Kind::kTarget}, {"launch price"sv, Kind::kTarget}, {"listing price"sv, Kind::kTarget},
    {"launch at"sv, Kind::kTarget}, {"list at"sv, Kind::kTarget}, {"headed for"sv, Kind::kTarget},
    {"heading for"sv, Kind::kTarget}, {"calls for"sv, Kind::kTarget}, {"extend"sv, Kind::kTarget},
    {"is set at"sv, Kind::kTarget}, {"threatening"sv, Kind::kTarget}, {"beyond"sv, Kind::kTarget},
    {"if predictions"sv, Kind::kTarget}, {"to climb to"sv, Kind::kTarget}, {"to rise to"sv, Kind::kTarget},

    {"support"sv, Kind::kLevelNoun}, {"supports"sv, Kind::kLevelNoun}, {"resistance"sv, Kind::kLevelNoun},
    {"level"sv, Kind::kLevelNoun}, {"levels"sv, Kind::kLevelNoun}, {"zone"sv, Kind::kLevelNoun},
    {"ema"sv, Kind::kLevelNoun}, {"sma"sv, Kind::kLevelNoun}, {"moving average"sv, Kind::kLevelNoun},
    {"fibonacci"sv, Kind::kLevelNoun}, {"retracement"sv, Kind::kLevelNoun}, {"extension"sv, Kind::kLevelNoun},
    {"band"sv, Kind::kLevelNoun}, {"pivot"sv, Kind::kLevelNoun}, {"floor"sv, Kind::kLevelNoun},
    {"floors"sv, Kind::kLevelNoun}, {"ceiling"sv, Kind::kLevelNoun}, {"ceilings"sv, Kind::kLevelNoun},
    {"threshold"sv, Kind::kLevelNoun}, {"barrier"sv, Kind::kLevelNoun}, {"cluster"sv, Kind::kLevelNoun},
    {"strike"sv, Kind::kLevelNoun}, {"demand zone"sv, Kind::kLevelNoun}, {"trendline"sv, Kind::kLevelNoun},
    {"liquidation"sv, Kind::kLevelNoun}, {"liquidations"sv, Kind::kLevelNoun}, {"between"sv, Kind::kZone},
    {"within"sv, Kind::kZone}, {"range"sv, Kind::kZone},

    {"break above"sv, Kind::kLevelAction}, {"break below"sv, Kind::kLevelAction},
    {"breaks above"sv, Kind::kLevelAction}, {"breaks below"sv, Kind::kLevelAction},
    {"break through"sv, Kind::kLevelAction}, {"push through"sv, Kind::kLevelAction},
    {"close above"sv, Kind::kLevelAction}, {"close below"sv, Kind::kLevelAction},
    {"closes above"sv, Kind::kLevelAction}, {"closes below"sv, Kind::kLevelAction},
    {"closing above"sv, Kind::kLevelAction}, {"closing below"sv, Kind::kLevelAction},
    {"close the week above"sv, Kind::kLevelAction}, {"close the week below"sv, Kind::kLevelAction},
    {"closes the week below"sv, Kind::kLevelAction}, {"closes the week above"sv, Kind::kLevelAction},
    {"reclaim"sv, Kind::kLevelAction}, {"reclaims"sv, Kind::kLevelAction}, {"reclaiming"sv, Kind::kLevelAction},
    {"hold above"sv, Kind::kLevelAction}, {"holds above"sv, Kind::kLevelAction},
    {"holding above"sv, Kind::kLevelAction}, {"hold"sv, Kind::kLevelAction}, {"defend"sv, Kind::kLevelAction},
    {"defended"sv, Kind::kLevelAction}, {"defending"sv, Kind::kLevelAction}, {"retesting"sv, Kind::kLevelAction},
    {"flip"sv, Kind::kLevelAction}, {"flipping"sv, Kind::kLevelAction}, {"lose"sv, Kind::kLevelAction},
    {"losing"sv, Kind::kLevelAction}, {"fails to break"sv, Kind::kLevelAction},
    {"failed attempts"sv, Kind::kLevelAction}, {"coiling above"sv, Kind::kLevelAction},
    {"bouncing off"sv, Kind::kLevelAction}, {"above the"sv, Kind::kLevelAction}, {"held"sv, Kind::kLevelAction},
    {"retaining"sv, Kind::kLevelAction}, {"withstood"sv, Kind::kLevelAction}, {"surges through"sv, Kind::kLevelAction},
    {"watching"sv, Kind::kLevelAction},

    {"if"sv, Kind::kCondition}, {"unless"sv, Kind::kCondition}, {"should"sv, Kind::kCondition},
    {"once"sv, Kind::kCondition}, {"were to"sv, Kind::kCondition},

    {"new all-time high"sv, Kind::kNewRecord}, {"new high"sv, Kind::kNewRecord}, {"new peak"sv, Kind::kNewRecord},
    {"new record"sv, Kind::kNewRecord}, {"fresh high"sv, Kind::kNewRecord}, {"new historic"sv, Kind::kNewRecord},
    {"new ath"sv, Kind::kNewRecord}, {"new all-time peak"sv, Kind::kNewRecord},

    {"all-time high"sv, Kind::kPast}, {"ath"sv, Kind::kPast}, {"record"sv, Kind::kPast}, {"peak"sv, Kind::kPast},
    {"peaked"sv, Kind::kPast}, {"peaking"sv, Kind::kPast}, {"high of"sv, Kind::kPast}, {"low of"sv, Kind::kPast},
    {"highs"sv, Kind::kPast}, {"lows"sv, Kind::kPast}, {"bottom"sv, Kind::kPast}, {"from"sv, Kind::kPast},
    {"average price"sv, Kind::kPast}, {"average of"sv, Kind::kPast}, {"entry price"sv, Kind::kPast},
    {"entry"sv, Kind::kPast}, {"bought"sv, Kind::kPast}, {"purchased"sv, Kind::kPast}, {"cost basis"sv, Kind::kPast},
    {"opened at"sv, Kind::kPast}, {"starting"sv, Kind::kPast}, {"started"sv, Kind::kPast}, {"began"sv, Kind::kPast},
    {"previous"sv, Kind::kPast}, {"previously"sv, Kind::kPast}, {"prior"sv, Kind::kPast}, {"earlier"sv, Kind::kPast},
    {"ago"sv, Kind::kPast}, {"was at"sv, Kind::kPast}, {"had been"sv, Kind::kPast}, {"touched"sv, Kind::kPast},
    {"spiked to"sv, Kind::kPast}, {"spiking to"sv, Kind::kPast}, {"high"sv, Kind::kPast}, {"low"sv, Kind::kPast},
    {"last year"sv, Kind::kPast}, {"last month"sv, Kind::kPast}, {"last week"sv, Kind::kPast},
    {"all-time highs"sv, Kind::kPast}, {"stalled near"sv, Kind::kPast}, {"average cost"sv, Kind::kPast},
    {"acquired at"sv, Kind::kPast}, {"acquired"sv, Kind::kPast},
    // Hedges that contain "high"/"low" but say nothing of time.
    {"as high as"sv, Kind::kMove}, {"as low as"sv, Kind::kMove},

    {"trading at"sv, Kind::kCurrent}, {"trades at"sv, Kind::kCurrent}, {"is trading"sv, Kind::kCurrent},
    {"was trading"sv, Kind::kCurrent}, {"traded at"sv, Kind::kCurrent}, {"trading around"sv, Kind::kCurrent},
    {"trading near"sv, Kind::kCurrent}, {"trading for"sv, Kind::kCurrent}, {"trades around"sv, Kind::kCurrent},
    {"trading under"sv, Kind::kCurrent}, {"trading above"sv, Kind::kCurrent}, {"trading below"sv, Kind::kCurrent},
    {"currently"sv, Kind::kCurrent}, {"now"sv, Kind::kCurrent}, {"at the time of writing"sv, Kind::kCurrent},
    {"at press time"sv, Kind::kCurrent}, {"by press time"sv, Kind::kCurrent}, {"as of"sv, Kind::kCurrent},
    {"hovers"sv, Kind::kCurrent}, {"hovering"sv, Kind::kCurrent}, {"hover"sv, Kind::kCurrent},
    {"sits at"sv, Kind::kCurrent}, {"stands at"sv, Kind::kCurrent}, {"holding at"sv, Kind::kCurrent},
    {"changing hands"sv, Kind::kCurrent}, {"changed hands"sv, Kind::kCurrent}, {"price is"sv, Kind::kCurrent},
    {"is at"sv, Kind::kCurrent}, {"priced at"sv, Kind::kCurrent}, {"presale price"sv, Kind::kCurrent},
    {"current price"sv, Kind::kCurrent}, {"current"sv, Kind::kCurrent}, {"costs"sv, Kind::kCurrent},
    {"consolidates"sv, Kind::kCurrent}, {"consolidation at"sv, Kind::kCurrent}, {"floating"sv, Kind::kCurrent},
    {"nears"sv, Kind::kCurrent}, {"struggles at"sv, Kind::kCurrent}, {"breaks"sv, Kind::kCurrent},
    {"slips below"sv, Kind::kCurrent}, {"slipped below"sv, Kind::kCurrent}, {"drops below"sv, Kind::kCurrent},
    {"falls below"sv, Kind::kCurrent}, {"crash below"sv, Kind::kCurrent}, {"dips below"sv, Kind::kCurrent},
    {"still at"sv, Kind::kCurrent}, {"worth"sv, Kind::kCurrent}, {"valued at"sv, Kind::kCurrent},
    {"per token"sv, Kind::kCurrent}, {"in presale"sv, Kind::kCurrent}, {"presale at"sv, Kind::kCurrent},
    {"the presale price of"sv, Kind::kCurrent}, {"in the current phase"sv, Kind::kCurrent},
    {"is priced"sv, Kind::kCurrent}, {"premium"sv, Kind::kCurrent}, {"futures at"sv, Kind::kCurrent},

    {"falls to"sv, Kind::kMove}, {"fell to"sv, Kind::kMove}, {"drops to"sv, Kind::kMove}, {"dropped to"sv, Kind::kMove},
    {"rises to"sv, Kind::kMove}, {"rose to"sv, Kind::kMove}, {"climbs to"sv, Kind::kMove}, {"climbed to"sv, Kind::kMove},
    {"jumps to"sv, Kind::kMove}, {"jumped to"sv, Kind::kMove}, {"jumping to"sv, Kind::kMove},
    {"surges to"sv, Kind::kMove}, {"surged to"sv, Kind::kMove}, {"surging"sv, Kind::kMove},
    {"pumped to"sv, Kind::kMove}, {"dumped to"sv, Kind::kMove}, {"slid to"sv, Kind::kMove},
    {"slides to"sv, Kind::kMove}, {"rebounded to"sv, Kind::kMove}, {"recovered to"sv, Kind::kMove},
    {"returned to"sv, Kind::kMove}, {"back to"sv, Kind::kMove}, {"gains to"sv, Kind::kMove},
    {"rally to"sv, Kind::kMove}, {"rallied to"sv, Kind::kMove}, {"exploded to"sv, Kind::kMove},
    {"reached"sv, Kind::kMove}, {"hit"sv, Kind::kMove}, {"hits"sv, Kind::kMove}, {"tapped"sv, Kind::kMove},
    {"retreating back to"sv, Kind::kAfterMove}, {"pulling back to"sv, Kind::kAfterMove},
    {"dropping back to"sv, Kind::kAfterMove}, {"falling back to"sv, Kind::kAfterMove},
    {"before retreating to"sv, Kind::kAfterMove}, {"before dropping to"sv, Kind::kAfterMove}, {"eased"sv, Kind::kMove},
    {"moved"sv, Kind::kMove}, {"to"sv, Kind::kMove}, {"pass"sv, Kind::kMove}, {"top"sv, Kind::kMove},
    {"breaking out"sv, Kind::kMove}, {"dipped"sv, Kind::kMove}, {"dipped to"sv, Kind::kMove},
    {"plunged to"sv, Kind::kMove}, {"tumbled to"sv, Kind::kMove}, {"sank to"sv, Kind::kMove},
};

// Cues right after the price.
constexpr RoleCue kRightCues[] = {
    {"support"sv, Kind::kLevelNoun}, {"resistance"sv, Kind::kLevelNoun}, {"level"sv, Kind::kLevelNoun},
    {"levels"sv, Kind::kLevelNoun}, {"zone"sv, Kind::kLevelNoun}, {"area"sv, Kind::kLevelNoun},
    {"pivot"sv, Kind::kLevelNoun}, {"floor"sv, Kind::kLevelNoun}, {"ceiling"sv, Kind::kLevelNoun},
    {"threshold"sv, Kind::kLevelNoun}, {"barrier"sv, Kind::kLevelNoun}, {"region"sv, Kind::kLevelNoun},
    {"band"sv, Kind::kLevelNoun}, {"breakout"sv, Kind::kLevelNoun}, {"trendline"sv, Kind::kLevelNoun},
    {"pricing range"sv, Kind::kLevelNoun}, {"cluster"sv, Kind::kLevelNoun}, {"strike"sv, Kind::kLevelNoun},
    {"liquidation"sv, Kind::kLevelNoun}, {"breaks"sv, Kind::kLevelNoun}, {"holds"sv, Kind::kLevelNoun},
    {"psychological"sv, Kind::kLevelNoun}, {"mark"sv, Kind::kLevelNoun},

    {"target"sv, Kind::kDestination}, {"price target"sv, Kind::kDestination}, {"is possible"sv, Kind::kTarget},
    {"could be next"sv, Kind::kTarget}, {"next"sv, Kind::kTarget}, {"by year-end"sv, Kind::kTarget},
    {"by the end of"sv, Kind::kTarget}, {"before year-end"sv, Kind::kTarget}, {"before the end of"sv, Kind::kTarget},
    {"goal"sv, Kind::kTarget}, {"milestone"sv, Kind::kTarget}, {"in the coming"sv, Kind::kTarget},
    {"soon"sv, Kind::kTarget}, {"first"sv, Kind::kTarget}, {"baseline"sv, Kind::kTarget},
    {"year-end"sv, Kind::kTarget}, {"projection"sv, Kind::kTarget}, {"or higher"sv, Kind::kTarget},
    {"on the horizon"sv, Kind::kTarget},
    {"and higher"sv, Kind::kTarget},

    {"earlier"sv, Kind::kPast}, {"ago"sv, Kind::kPast}, {"last week"sv, Kind::kPast}, {"last month"sv, Kind::kPast},
    {"last year"sv, Kind::kPast}, {"before"sv, Kind::kPast}, {"record"sv, Kind::kPast}, {"ath"sv, Kind::kPast},
    {"all-time high"sv, Kind::kPast}, {"peak"sv, Kind::kPast}, {"which was"sv, Kind::kPast},
    {"set in"sv, Kind::kPast}, {"reached in"sv, Kind::kPast}, {"back in"sv, Kind::kPast},
    {"at the start of"sv, Kind::kPast}, {"per bitcoin"sv, Kind::kPast}, {"per coin"sv, Kind::kPast},

    {"at press time"sv, Kind::kCurrent}, {"at the time of writing"sv, Kind::kCurrent},
    {"in presale"sv, Kind::kCurrent}, {"now"sv, Kind::kCurrent},
};

// Words that date the clause before now: a move "on Monday" or "in July" ended then.
constexpr std::string_view kPastTime[] = {
    "earlier this week", "last week", "last weekend", "last month", "last year", "a day later", "ago",
    "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday",
    "that monday", "that tuesday", "that wednesday", "that thursday", "that friday", "in mid-", "in late ",
    "in early ", "at the start of", "in january", "in february", "in march", "in april", "in may", "in june",
    "in july", "in august", "in september", "in october", "in november", "in december", "in 20", "since",
    "previously", "once again", "this year", "during which", "yesterday",
    "hours ago", "before retreating"};

// One table look-up per byte: the scans below test every byte of a window,
// and a chain of comparisons costs a mispredicted branch at each word's end.
constexpr auto kWordChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = ascii::IsLower(static_cast<char>(c)) || ascii::IsDigit(static_cast<char>(c)) || c == '-';
  return table;
}();
bool IsWordChar(char c) { return kWordChars[static_cast<unsigned char>(c)]; }
constexpr ByteClass kWordClass({{'a', 'z'}, {'0', '9'}, {'-', '-'}});

// Phrases listed under their first word, so a text is matched with one
// look-up per word instead of one search per phrase.
template <typename Payload>
class PhraseIndex {
 public:
  template <typename List>
  explicit PhraseIndex(const List& list, auto phrase_of, auto payload_of) {
    for (const auto& item : list) {
      const std::string_view phrase = phrase_of(item);
      size_t e = 0;
      while (e < phrase.size() && IsWordChar(phrase[e])) ++e;
      by_first_word_[phrase.substr(0, e)].push_back({phrase, payload_of(item)});
    }
  }
  // Calls found(begin, end, payload) for every phrase standing in `text` as
  // whole words (a phrase ending in a space, '-' or digit may run on).
  // Words are found by ByteClassScanner: a test per byte would branch, and
  // mispredict, at every word's two ends.
  template <typename F>
  void ForEach(std::string_view text, F found) const {
    ByteClassScanner words(text, kWordClass);
    for (size_t i = words.NextMember(0); i < text.size();) {
      const size_t e = words.NextNonMember(i + 1);
      Match(text, i, e, found);
      i = words.NextMember(e);
    }
  }

 private:
  // The phrases listed under the word text[i, e).
  template <typename F>
  void Match(std::string_view text, size_t i, size_t e, F& found) const {
    const auto* entries = by_first_word_.Find(text.substr(i, e - i));
    if (entries == nullptr) return;
    const size_t word = e - i;  // the phrase's first word is this word
    for (const auto& [phrase, payload] : *entries) {
      // The second word's first letter rules out most phrases before a full compare.
      if (phrase.size() > word + 1 && (i + word + 1 >= text.size() || text[i + word + 1] != phrase[word + 1])) continue;
      if (!text.substr(i).starts_with(phrase)) continue;
      const size_t end = i + phrase.size();
      const char last = phrase.back();
      const bool runs_on = last == ' ' || last == '-' || (last >= '0' && last <= '9');
      if (!runs_on && end < text.size() && IsWordChar(text[end])) continue;
      found(i, end, payload);
    }
  }

  WordTable<std::vector<std::pair<std::string_view, Payload>>> by_first_word_;
};

const PhraseIndex<Kind>& LeftCues() {
  static const PhraseIndex<Kind> index(kLeftCues, [](const RoleCue& c) { return c.phrase; },
                                       [](const RoleCue& c) { return c.kind; });
  return index;
}
const PhraseIndex<Kind>& RightCues() {
  static const PhraseIndex<Kind> index(kRightCues, [](const RoleCue& c) { return c.phrase; },
                                       [](const RoleCue& c) { return c.kind; });
  return index;
}
constexpr std::string_view kModals[] = {"could", "might", "may", "will", "would", "likely", "expected to"};
const PhraseIndex<bool>& Modals() {
  static const PhraseIndex<bool> index(kModals, [](std::string_view p) { return p; }, [](std::string_view) { return true; });
  return index;
}
const PhraseIndex<bool>& PastTimes() {
  static const PhraseIndex<bool> index(kPastTime, [](std::string_view p) { return p; }, [](std::string_view) { return true; });
  return index;
}

bool IsJoiningWord(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  for (std::string_view j : {"as"sv, "amid"sv, "with"sv, "after"sv, "while"sv, "but"sv, "and"sv, "on"sv, "in"sv,
                             "for"sv, "to"sv, "from"sv, "which"sv, "that"sv})
    if (w == j) return true;
  return false;
}

struct Found {
  Kind kind;
  size_t distance;  // bytes between the cue and the price
  size_t begin;     // where the cue starts in the left window (SIZE_MAX for right cues)
  size_t end;       // where it ends (left cues only)
};

// A cue inside a longer one ("high" in "all-time high", "price" in
// "presale price") is the longer one's.
// Left cues come in order of their start (PhraseIndex::ForEach), so a cue
// lies inside a longer one exactly when an earlier-listed cue reaches as far.
void KeepLongest(std::vector<Found>& cues) {
  size_t kept = 0, reach = 0;
  bool any = false;
  for (size_t i = 0; i < cues.size(); ++i) {
    const Found f = cues[i];
    if (f.begin != SIZE_MAX) {
      // A longer phrase at the same start comes after a shorter one: look ahead too.
      bool inside = any && f.end <= reach;
      for (size_t j = i + 1; !inside && j < cues.size() && cues[j].begin == f.begin; ++j)
        if (cues[j].end > f.end) inside = true;
      if (!inside || f.end > reach) {
        reach = std::max(reach, f.end);
        any = true;
      }
      if (inside) continue;
    }
    cues[kept++] = f;
  }
  cues.resize(kept);
}

// "from $X", "from approximately $X", "from the $X level": where a move began.
bool StartsFrom(std::string_view left) {
  auto trim = [&] {
    while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
  };
  trim();
  for (int round = 0; round < 2; ++round)
    for (std::string_view w : {" the"sv, " its"sv, " approximately"sv, " about"sv, " around"sv, " roughly"sv, " ~"sv})
      if (left.ends_with(w)) {
        left.remove_suffix(w.size());
        trim();
      }
  return left.ends_with(" from") || left == "from";
}

// True when a modal word stands shortly before `at` in `left`: "might fall
// to", "would only rise to".
bool ModalBefore(std::string_view left, size_t at) {
  const size_t from = at > kModalLookBack ? at - kModalLookBack : 0;
  const std::string_view before = left.substr(from, at - from);
  bool found = false;
  Modals().ForEach(before, [&](size_t, size_t end, bool) {
    // "could not keep climbing and dumped to $X": a negated modal is no forecast.
    if (!before.substr(end).starts_with("n't") && !before.substr(end).starts_with(" not")) found = true;
  });
  return found;
}

}  // namespace

PriceRole PriceRoleOf(const SentenceAnalysis& s, size_t begin, size_t end) {
  // The sentence before the price (up to kLeftWindow bytes, in lower case),
  // and the kRightWindow bytes after it; the left part stops at a clause
  // that is not its own by more than one clause.
  const size_t clause = s.ClauseStart(begin);
  const size_t previous_clause = clause > 0 ? s.ClauseStart(clause - 1) : 0;
  const size_t from = std::max(previous_clause, begin > kLeftWindow ? begin - kLeftWindow : 0);
  const std::string_view left = s.lower.substr(from, begin - from);
  const std::string_view right = s.lower.substr(end, std::min(kRightWindow, s.text.size() - end));
  const size_t clause_in_left = clause > from ? clause - from : 0;

  thread_local std::vector<Found> cues;
  cues.clear();
  LeftCues().ForEach(left, [&](size_t at, size_t e, Kind kind) {
    const size_t d = left.size() - e;
    // Cues of an earlier clause count for less (see the scores below).
    cues.push_back({kind, at < clause_in_left ? d + 40 : d, at, e});
  });
  // Right cues only up to the next number, clause mark or joining word:
  // "$66.3K as range breakout attempt..." says nothing of the price.
  std::string_view r = right;
  if (const size_t stop = r.find_first_of("$;.,?!("); stop != std::string_view::npos) r = r.substr(0, stop);
  for (size_t i = 0; i < r.size();) {
    if (!IsWordChar(r[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < r.size() && IsWordChar(r[e])) ++e;
    // "$X as a key liquidation level" goes on about the price itself.
    const bool as_a = r.substr(i, e - i) == "as" && (r.substr(e).starts_with(" a ") || r.substr(e).starts_with(" the ") ||
                                                     r.substr(e).starts_with(" an "));
    if (!as_a && IsJoiningWord(r.substr(i, e - i))) {
      r = r.substr(0, i);
      break;
    }
    i = e;
  }
  RightCues().ForEach(r, [&](size_t at, size_t, Kind kind) { cues.push_back({kind, at, SIZE_MAX, SIZE_MAX}); });
  KeepLongest(cues);
  // A bare "to" only counts right before the price ("from $X to $Y").
  std::erase_if(cues, [&](const Found& f) {
    return f.kind == Kind::kMove && f.begin != SIZE_MAX && f.end - f.begin == 2 && f.distance > 3;
  });
  // "might fall to $X": a move under a modal is a destination.
  for (Found& f : cues)
    if (f.kind == Kind::kMove && f.begin != SIZE_MAX && ModalBefore(left, f.begin)) f.kind = Kind::kDestination;

  // The nearest cue of each kind, in one pass.
  std::array<const Found*, static_cast<size_t>(Kind::kAfterMove) + 1> nearest_of{};
  for (const Found& f : cues) {
    const Found*& best = nearest_of[static_cast<size_t>(f.kind)];
    if (best == nullptr || f.distance < best->distance) best = &f;
  }
  auto nearest = [&](Kind k) { return nearest_of[static_cast<size_t>(k)]; };
  const Found* destination = nearest(Kind::kDestination);
  const Found* level_noun = nearest(Kind::kLevelNoun);
  const Found* level_action = nearest(Kind::kLevelAction);
  const Found* target = nearest(Kind::kTarget);
  const Found* past = nearest(Kind::kPast);
  const Found* record = nearest(Kind::kNewRecord);
  const Found* current = nearest(Kind::kCurrent);
  const Found* move = nearest(Kind::kMove);
  const Found* condition = nearest(Kind::kCondition);
  const Found* zone = nearest(Kind::kZone);
  const Found* after_move = nearest(Kind::kAfterMove);
  auto within = [](const Found* f, size_t d) { return f != nullptr && f->distance <= d; };
  const bool right_level = level_noun != nullptr && level_noun->begin == SIZE_MAX && level_noun->distance <= 12;
  // "mark" and "psychological" only weakly name a level ("trading under the
  // $90,000 psychological mark" is where the price is).
  const bool right_level_strong = right_level && !right.substr(level_noun->distance).starts_with("mark") &&
                                  !right.substr(level_noun->distance).starts_with("psychological");
  const bool right_target = (destination != nullptr && destination->begin == SIZE_MAX) ||
                            (target != nullptr && target->begin == SIZE_MAX && target->distance <= 16);

  // Whether the clause is dated before now, asked only when a move or a
  // present word decides.
  const std::string_view clause_text = s.lower.substr(clause, s.ClauseEnd(begin) - clause);
  std::optional<bool> past_time_known;
  auto past_time = [&] {
    if (!past_time_known) {
      past_time_known = false;
      // Read in the clause's part around the price (the windows above).
      const size_t from_clause = std::max(clause, from);
      const size_t to = std::min(s.ClauseEnd(begin), end + kRightWindow);
      PastTimes().ForEach(s.lower.substr(from_clause, to - from_clause),
                          [&](size_t, size_t, bool) { past_time_known = true; });
    }
    return *past_time_known;
  };

  if (within(after_move, 20)) return PriceRole::kCurrent;
  if (within(record, 40) && !(destination != nullptr && destination->distance < record->distance))
    return PriceRole::kCurrent;
  // A destination word: "toward the support at $X" is a target, but
  // "targets a break above $X" acts on a level, and "reaching its all-time
  // high of $X" names an earlier price.
  // "the $85,000 level as the next area of support": a level noun right
  // after the price outweighs a target word further on.
  if (right_target && !(right_level && level_noun->distance <= 1 && right_level_strong)) return PriceRole::kTarget;
  if (within(destination, 60) &&
      !(level_action != nullptr && level_action->begin != SIZE_MAX && level_action->distance < destination->distance) &&
      !(past != nullptr && past->distance < destination->distance && past->distance <= 20))
    return PriceRole::kTarget;
  if (StartsFrom(left)) return PriceRole::kPast;  // "a rebound from the $2.8 level"
  if (right_level_strong) return PriceRole::kLevel;  // "nears the $603 breakout level"
  if (within(condition, 40) && (left.find("below") != std::string::npos || left.find("above") != std::string::npos ||
                                left.find("break") != std::string::npos || left.find("close") != std::string::npos))
    return PriceRole::kLevel;  // "if BTC were to crash below $55,000"
  if (within(zone, 10)) return PriceRole::kLevel;  // "consolidation between $268-$293"
  if (within(current, 14)) return PriceRole::kCurrent;  // "trading under the $90,000 mark"
  if (right_level) return PriceRole::kLevel;
  if (within(level_action, 30)) return PriceRole::kLevel;
  if (within(condition, 50) && (within(level_noun, 50) || s.text.substr(from, begin - from).find("below") != std::string_view::npos ||
                                left.find("above") != std::string::npos || left.find("break") != std::string::npos))
    return PriceRole::kLevel;
  if (within(level_noun, 24) && !within(current, level_noun->distance)) return PriceRole::kLevel;
  // The nearest of the remaining cues decides.
  struct Choice {
    const Found* cue;
    PriceRole role;
  };
  const Choice choices[] = {{past, PriceRole::kPast},
                            {current, PriceRole::kCurrent},
                            {target, PriceRole::kTarget},
                            {move, PriceRole::kCurrent}};  // now, unless the clause is dated (below)
  const Choice* best = nullptr;
  for (const Choice& c : choices) {
    if (c.cue == nullptr || c.cue->distance > kNearestCueReach) continue;
    // Modal words reach further than they stand: "could see the price extend to $X".
    const size_t d = c.role == PriceRole::kTarget ? c.cue->distance / 2 : c.cue->distance;
    const size_t best_d = best == nullptr ? SIZE_MAX
                          : best->role == PriceRole::kTarget ? best->cue->distance / 2
                                                              : best->cue->distance;
    if (d < best_d) best = &c;
  }
  if (best != nullptr) {
    // "one week ago, when Bitcoin was changing hands under $X": a present
    // word in a clause dated earlier is an earlier price.
    if (best->cue == move) return past_time() ? PriceRole::kPast : PriceRole::kCurrent;
    if (best->role == PriceRole::kCurrent && best->cue == current && past_time() &&
        clause_text.find("currently") == std::string::npos && clause_text.find("now") == std::string::npos &&
        clause_text.find("time of writing") == std::string::npos && clause_text.find("press time") == std::string::npos)
      return PriceRole::kPast;
    return best->role;
  }
  if (within(level_noun, 60) || within(zone, 30)) return PriceRole::kLevel;
  return past_time() ? PriceRole::kPast : PriceRole::kCurrent;
}

}  // namespace cn
