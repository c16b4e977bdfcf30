#include "extractors/ascii.h"
#include "extractors/figure_extractor.h"

#include <algorithm>

#include "extractors/article_assets.h"
#include "extractors/asset_lexicon.h"
#include "extractors/number_lexer.h"
#include "extractors/sentence_analysis.h"
#include "extractors/sentence_splitter.h"
#include "extractors/stages.h"

namespace cn {
namespace {

// Bare numbers only matter next to RSI or Fear & Greed ("a score of 60").
bool MayNameIndicator(std::string_view sentence) {
  return ascii::ContainsNoCase(sentence, "rsi") || ascii::ContainsNoCase(sentence, "relative strength") ||
         ascii::ContainsNoCase(sentence, "greed") || ascii::ContainsNoCase(sentence, "score");
}

// The topic moves to an asset when a sentence names that asset alone
// ("ENS ... It currently trades at $25.31"); a sentence comparing several
// assets leaves it where it was.
void UpdateTopic(const SentenceAnalysis& analysis, SentenceMemory& memory) {
  std::string subject = LoneSubject(analysis.text, analysis.assets);
  if (!subject.empty()) memory.SetRecentAsset(std::move(subject));
}

// A coin's prices in one article lie within a few orders of magnitude of
// each other: "$33,333" next to a $0.015 presale token is a sum of money
// (what an investment "grows to"), not its price. The reference is the
// price with the most others within ten times of it (current prices count
// double); a price 500 times away from it is dropped, a target only a
// million times away ("SHIB reaching $1").
void DropImplausiblePrices(std::vector<Figure>& figures) {
  std::vector<std::string> assets;
  for (const Figure& f : figures)
    if (f.kind == FigureKind::kPrice && std::find(assets.begin(), assets.end(), f.asset) == assets.end())
      assets.push_back(f.asset);
  std::vector<const Figure*> drop;
  for (const std::string& asset : assets) {
    std::vector<const Figure*> prices;
    for (const Figure& f : figures)
      if (f.kind == FigureKind::kPrice && f.asset == asset && f.value > 0) prices.push_back(&f);
    if (prices.size() < 2) continue;
    double reference = 0;
    int best = -1;
    for (const Figure* a : prices) {
      int near = 0;
      for (const Figure* b : prices)
        if (b->value <= a->value * 10 && b->value * 10 >= a->value) near += b->role == PriceRole::kCurrent ? 2 : 1;
      if (near > best) best = near, reference = a->value;
    }
    for (const Figure& f : figures) {
      if (f.kind != FigureKind::kPrice || f.asset != asset || f.value <= 0) continue;
      const double ratio = std::max(f.value / reference, reference / f.value);
      if (ratio > (f.role == PriceRole::kTarget ? 1e6 : 500)) drop.push_back(&f);
    }
  }
  if (drop.empty()) return;
  std::vector<Figure> kept;
  kept.reserve(figures.size());
  for (Figure& f : figures)
    if (std::find(drop.begin(), drop.end(), &f) == drop.end()) kept.push_back(std::move(f));
  figures = std::move(kept);
}

}  // namespace

struct FigureExtractor::Impl {
  const AssetLexicon& lexicon = AssetLexicon::Default();
};

FigureExtractor::FigureExtractor() : impl_(std::make_unique<Impl>()) {}
FigureExtractor::~FigureExtractor() = default;

std::vector<Figure> FigureExtractor::Extract(std::string_view utf8) const {
  DocumentContext context;
  return Extract(NormalizeText(utf8), context);
}

// Sentences of a line that has no digit yield no figure; only their count
// and topic matter, so ICU segmentation is skipped for them and sentences are
// counted by their final punctuation.
int CountSentences(std::string_view line) {
  int n = 1;
  // One memchr pass per terminator: they are rare, so this reads the line
  // far faster than a test per byte.
  for (char terminator : {'.', '!', '?'})
    for (size_t i = line.find(terminator); i != std::string_view::npos && i + 1 < line.size();
         i = line.find(terminator, i + 1))
      if (line[i + 1] == ' ') ++n;
  return n;
}

std::vector<Figure> FigureExtractor::Extract(const NormalizedText& text, DocumentContext& context) const {
  std::vector<Figure> out;
  const std::string_view matching = text.matching;
  // News text holds a figure every few hundred bytes: growing the vector
  // from empty would move every figure several times.
  out.reserve(matching.size() / 512);

  // The article's own assets, learned in one pass before any figure.
  // Mentions are found per analysed sentence, not listed for the whole text.
  const ArticleAssets assets = ArticleAssets::LearnAssets(matching, impl_->lexicon);
  if (context.main_asset.empty()) context.main_asset = assets.main_asset();
  SentenceMemory memory;
  memory.article = &assets;
  memory.article_text = matching;
  memory.main_asset = context.main_asset;
  // Reused from sentence to sentence: its vectors keep their storage.
  SentenceAnalysis analysis;
  int sentence_number = context.sentences_seen;
  size_t line_begin = 0;
  while (line_begin < matching.size()) {
    size_t line_end = matching.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = matching.size();
    const std::string_view line = matching.substr(line_begin, line_end - line_begin);
    const size_t line_offset = line_begin;
    line_begin = line_end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;

    if (!ascii::HasDigit(line)) {
      memory.AddUnscanned(line_offset, line_offset + line.size());
      memory.SetLastWindowSource(line);
      int n = CountSentences(line);
      sentence_number += n;
      memory.sentences_since_fear_greed += n;
      if (ascii::ContainsNoCase(line, "greed")) memory.sentences_since_fear_greed = 0;
      continue;
    }

    // Most lines never say "greed": then no sentence of theirs needs asking.
    const bool line_names_greed = ascii::ContainsNoCase(line, "greed");
    for (const ByteSpan& local : SplitSentences(line)) {
      const ByteSpan span{line_offset + local.begin, line_offset + local.end};
      std::string_view sentence = matching.substr(span.begin, span.end - span.begin);
      const int this_sentence = sentence_number++;
      ++memory.sentences_since_fear_greed;
      if (line_names_greed && ascii::ContainsNoCase(sentence, "greed")) memory.sentences_since_fear_greed = 0;
      if (!ascii::HasDigit(sentence)) {
        memory.AddUnscanned(span.begin, span.end);
        memory.SetLastWindowSource(sentence);
        continue;
      }
      // Only sentences with a candidate number are analysed: money, a
      // percentage, or a bare number next to an indicator's name. Dates and
      // years alone need nothing more.
      std::vector<Quantity>& quantities = analysis.quantities;
      LexQuantities(sentence, quantities);
      bool candidate = false, has_plain = false;
      for (const Quantity& q : quantities) {
        if (q.is_noise) continue;
        if (q.type != QuantityType::kPlain) {
          candidate = true;
          break;
        }
        has_plain = true;
      }
      if (!candidate && has_plain) candidate = MayNameIndicator(sentence);
      if (!candidate) {
        memory.AddUnscanned(span.begin, span.end);
        memory.SetLastWindowSource(sentence);
        continue;
      }
      analysis.Refill(sentence, span.begin, memory);
      if (context.main_asset.empty() && !analysis.assets.empty()) {
        // The title names none: the first asset of the first sentence with a figure.
        context.main_asset = analysis.assets.front().ticker;
        memory.main_asset = context.main_asset;
      }
      for (const Quantity& q : analysis.quantities) {
        std::vector<Figure> figures = IndicatorStage(analysis, q);
        if (figures.empty()) figures = PercentStage(analysis, q);
        if (figures.empty()) figures = MarketFigureStage(analysis, q);
        if (figures.empty()) figures = PriceStage(analysis, q);
        for (Figure& f : figures) {
          const size_t begin_byte = span.begin + static_cast<size_t>(f.start);
          const size_t end_byte = span.begin + static_cast<size_t>(f.end);
          f.start = static_cast<int64_t>(text.CodePointAt(begin_byte));
          f.end = static_cast<int64_t>(text.CodePointAt(end_byte));
          f.text = std::string(text.OriginalSlice(static_cast<size_t>(f.start), static_cast<size_t>(f.end)));
          f.sentence = this_sentence;
          out.push_back(std::move(f));
        }
      }
      // Remember what later sentences may point back to.
      UpdateTopic(analysis, memory);
      memory.SetLastWindow(analysis.windows.empty() ? std::string() : analysis.windows.front().duration);
      for (const CueHit& h : analysis.cues) {
        if (h.cue == Cue::kUp) { memory.last_direction = Direction::kUp; break; }
        if (h.cue == Cue::kDown) { memory.last_direction = Direction::kDown; break; }
      }
    }
  }
  context.sentences_seen = sentence_number;
  DropImplausiblePrices(out);
  return out;
}

}  // namespace cn
