// SentenceAnalysis: everything the stages need to know about one sentence —
// its quantities (number_lexer.h), asset mentions (asset_lexicon.h), cue
// words (cue_lexicon.h), time windows (time_window.h) and clause breaks —
// computed once, plus the questions stages ask of it (nearest cue, subject
// asset, window of a figure).
//
// A plain value built per sentence; holds a view of the sentence text, which
// must outlive it. Pure and thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/article_assets.h"
#include "extractors/asset_lexicon.h"
#include "extractors/cue_lexicon.h"
#include "extractors/figure.h"
#include "extractors/number_lexer.h"
#include "extractors/time_window.h"

namespace cn {

// What earlier sentences of the same document tell this one.
struct SentenceMemory {
  std::string main_asset;      // the asset the article is about
  const ArticleAssets* article = nullptr;  // the article's asset table
  std::string_view article_text;           // the text it was learned from

  // The subject of the latest sentence that names one asset alone.
  // Sentences not analysed (no figure candidate) are only looked at when a
  // figure needs this (most never do), newest first.
  const std::string& RecentAsset() const;
  void SetRecentAsset(std::string ticker) {
    recent_asset_ = std::move(ticker);
    unscanned_.clear();
  }
  // Bytes [begin, end) of the document were not analysed.
  void AddUnscanned(size_t begin, size_t end) { unscanned_.push_back({begin, end}); }
  // The window of the previous sentence, if it states one. Sentences not
  // analysed (no figure candidate) are only looked at when a later one
  // needs it, which few do.
  const std::string& LastWindow() const { return WindowBack(0); }
  // The window of one of the two previous sentences, the later first: a
  // sentence that states none goes on about the span its neighbours set
  // ("... within a seven-day window. For instance, new addresses fell 15%").
  const std::string& RecentWindow() const {
    const std::string& last = WindowBack(0);
    return last.empty() ? WindowBack(1) : last;
  }
  void SetLastWindow(std::string window) {
    previous_[1] = std::move(previous_[0]);
    previous_[0] = {std::move(window), {}};
  }
  // `text` (a view into the document) ends just before the next sentence;
  // its last window expression is the one a back-reference means.
  void SetLastWindowSource(std::string_view text) {
    previous_[1] = std::move(previous_[0]);
    previous_[0] = {std::nullopt, text};
  }
  Direction last_direction = Direction::kNone;
  int sentences_since_fear_greed = 99;  // how far back "Fear & Greed" was named

 private:
  struct Range {
    size_t begin, end;
  };
  struct PreviousSentence {
    mutable std::optional<std::string> window;  // unset: find it in `unscanned`
    std::string_view unscanned;
  };
  const std::string& WindowBack(int n) const;
  PreviousSentence previous_[2];  // the sentence before this one, then the one before that
  mutable std::string recent_asset_;
  mutable std::vector<Range> unscanned_;  // document byte ranges, oldest first
};

// The one asset a sentence is about: the ticker every mention names that is
// not tied to another word by a preposition ("Unlike PI and Flare, BlockDAG
// (BDAG) is ..." is about BDAG); empty when there is none or several.
// Mentions' offsets are relative to `sentence`; quotes of pairs are ignored.
std::string LoneSubject(std::string_view sentence, std::span<const AssetMention> mentions);

struct SentenceAnalysis {
  std::string_view text;
  std::string_view lower;  // `text` lower-cased (ASCII), same offsets; valid until the next Refill on this thread
  std::vector<Quantity> quantities;
  std::vector<AssetMention> assets;
  std::vector<CueHit> cues;
  std::vector<WindowHit> windows;
  std::vector<size_t> clause_starts;  // ascending, first is 0
  const SentenceMemory* memory = nullptr;

  // Re-analyses this object for `sentence`, which starts at byte
  // `document_offset` of the document whose asset table is memory.article;
  // the caller has already put its quantities in `quantities`. The other
  // vectors keep their storage, so a loop over sentences allocates almost
  // nothing.
  void Refill(std::string_view sentence, size_t document_offset, const SentenceMemory& memory);

  size_t ClauseStart(size_t pos) const;
  size_t ClauseEnd(size_t pos) const;
  bool SameClause(size_t a, size_t b) const { return ClauseStart(a) == ClauseStart(b); }

  // Byte distance between a span and a quantity (0 when they overlap).
  static size_t Distance(size_t begin, size_t end, const Quantity& q);

  // The nearest hit of any of `cues` to `q` within `max_distance` bytes,
  // optionally only in q's clause; `after_max` limits hits after q.
  const CueHit* NearestCue(std::initializer_list<Cue> cues, const Quantity& q, size_t max_distance,
                           bool same_clause, size_t after_max = SIZE_MAX) const;
  bool HasCue(Cue cue) const;

  // Direction of a move stated next to q: its sign, else the nearest up/down
  // word in its clause (before within `before_max`, after within `after_max`).
  Direction DirectionNear(const Quantity& q, size_t before_max = 70, size_t after_max = 22) const;

  // The window for q: the nearest window expression in the sentence, else
  // the previous sentence's when this one points back ("same period").
  // With `carry_over`, a sentence that states no window takes one of the
  // two sentences before it (moves and flows; levels have no window).
  std::string WindowFor(const Quantity& q, bool carry_over = true) const;

  // Index into `assets` of the asset a figure at q is about: the nearest
  // mention before q in its clause, else the sentence's first mention before
  // q, else the nearest one after q in its clause; nullopt when none, or when
  // a group word ("altcoins", "the market") stands closer before q.
  std::optional<size_t> SubjectAssetIndex(const Quantity& q, bool group_means_none) const;

  // True when the subject of q is the base of a pair of two coins ("ETH/BTC
  // fell 3%"): a ratio, not a USD price or move of either.
  bool SubjectIsCrossPair(const Quantity& q) const {
    const auto i = SubjectAssetIndex(q, false);
    return i && assets[*i].role == MentionRole::kCrossPair;
  }

  // True when q's clause is a relative clause ("…, whose prices could fall
  // 50%") hanging off a group word ("altcoins", "the market"): the figure is
  // the group's.
  bool GroupOwnsRelativeClause(const Quantity& q) const;

  // The subject asset and its coordinated neighbours: "UNI and AAVE",
  // "ethena (ENA), curve (CRV) and raydium (RAY)", "ETH …, and so are BNB and XRP".
  std::vector<std::string> SubjectAssets(const Quantity& q, bool group_means_none) const;
};

}  // namespace cn
