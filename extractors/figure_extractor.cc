#include "extractors/ascii.h"
#include "extractors/figure_extractor.h"

#include <algorithm>
#include <map>

#include "extractors/asset_lexicon.h"
#include "extractors/qualifier.h"
#include "extractors/sentence_analysis.h"
#include "extractors/sentence_splitter.h"
#include "extractors/stages.h"

namespace cn {

Figure MakeFigure(FigureKind kind, const SentenceAnalysis& s, const Quantity& q) {
  Figure f;
  f.kind = kind;
  f.value = q.value;
  f.value_high = q.value_high;
  f.unit = q.type == QuantityType::kPercent ? "%" : (q.currency.empty() ? "USD" : q.currency);
  f.qualifier = QualifierBefore(s.text, q.begin);
  f.window = s.WindowFor(q);
  f.start = static_cast<int64_t>(q.begin);
  f.end = static_cast<int64_t>(q.end);
  return f;
}

namespace {

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  auto it = std::search(s.begin(), s.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return cn_ascii_lower(a) == b; });
  return it != s.end();
}

// The asset an article is about: the first one its title names, else the
// one named most often in its opening sentences.
std::string MainAsset(const NormalizedText& text, const std::vector<ByteSpan>& sentences,
                      const AssetLexicon& lexicon) {
  std::map<std::string, int> counts;
  for (size_t i = 0; i < sentences.size() && i < 8; ++i) {
    std::string_view s = std::string_view(text.matching).substr(sentences[i].begin,
                                                                sentences[i].end - sentences[i].begin);
    auto mentions = lexicon.FindMentions(s);
    if (i == 0 && !mentions.empty()) return mentions.front().ticker;
    for (const auto& m : mentions) ++counts[m.ticker];
  }
  std::string best;
  int best_n = 0;
  for (const auto& [ticker, n] : counts)
    if (n > best_n) best = ticker, best_n = n;
  return best;
}

// The topic moves to an asset when a sentence names that asset alone
// ("ENS ... It currently trades at $25.31"); a sentence comparing several
// assets leaves it where it was.
void UpdateTopic(const std::vector<AssetMention>& mentions, SentenceMemory& memory) {
  if (mentions.empty()) return;
  for (const auto& m : mentions)
    if (m.ticker != mentions.front().ticker) return;
  memory.recent_asset = mentions.front().ticker;
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

std::vector<Figure> FigureExtractor::Extract(const NormalizedText& text, DocumentContext& context) const {
  std::vector<Figure> out;
  const std::string_view matching = text.matching;
  const std::vector<ByteSpan> sentences = SplitSentences(matching);
  if (context.main_asset.empty()) context.main_asset = MainAsset(text, sentences, impl_->lexicon);

  SentenceMemory memory;
  memory.main_asset = context.main_asset;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const ByteSpan span = sentences[i];
    std::string_view sentence = matching.substr(span.begin, span.end - span.begin);
    ++memory.sentences_since_fear_greed;
    ++memory.sentences_since_rsi;
    if (ContainsNoCase(sentence, "greed")) memory.sentences_since_fear_greed = 0;
    if (!HasDigit(sentence)) {
      memory.last_window.clear();
      // Still follow the topic: "ENS ... It currently trades at $25.31".
      UpdateTopic(impl_->lexicon.FindMentions(sentence), memory);
      continue;
    }
    SentenceAnalysis analysis = SentenceAnalysis::Build(sentence, impl_->lexicon, memory);
    for (const Quantity& q : analysis.quantities) {
      std::vector<Figure> figures = IndicatorStage(analysis, q);
      if (figures.empty()) figures = PercentStage(analysis, q);
      if (figures.empty()) figures = MarketFigureStage(analysis, q);
      if (figures.empty()) figures = PriceStage(analysis, q);
      for (Figure& f : figures) {
        const size_t begin_byte = span.begin + static_cast<size_t>(f.start);
        const size_t end_byte = span.begin + static_cast<size_t>(f.end);
        f.start = text.code_point_at[begin_byte];
        f.end = text.code_point_at[end_byte];
        f.text = std::string(text.OriginalSlice(static_cast<size_t>(f.start), static_cast<size_t>(f.end)));
        f.sentence = context.sentences_seen + static_cast<int>(i);
        out.push_back(std::move(f));
      }
    }
    // Remember what later sentences may point back to.
    UpdateTopic(analysis.assets, memory);
    memory.last_window.clear();
    if (!analysis.windows.empty()) memory.last_window = analysis.windows.front().duration;
    for (const CueHit& h : analysis.cues) {
      if (h.cue == Cue::kUp) { memory.last_direction = Direction::kUp; break; }
      if (h.cue == Cue::kDown) { memory.last_direction = Direction::kDown; break; }
    }
  }
  context.sentences_seen += static_cast<int>(sentences.size());
  return out;
}

}  // namespace cn
