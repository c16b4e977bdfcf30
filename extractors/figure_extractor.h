// FigureExtractor: article text in, typed figures out — the whole extractor.
//
// It normalises the text (text_normalizer.h), splits it into sentences
// (sentence_splitter.h), lexes numbers and money once (number_lexer.h), finds
// assets (asset_lexicon.h), and lets each stage (stages.h) claim the
// quantities that fit it. Figures come out in text order with code-point
// offsets into the text as given.
//
// Construct once and share (the asset lexicon it uses is built on first
// use): Extract() is const and thread-safe. Pure: no I/O.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractors/figure.h"
#include "extractors/text_normalizer.h"

namespace cn {

// What an earlier part of the same document tells later parts. Streaming
// callers that feed a long document in pieces carry it from piece to piece.
struct DocumentContext {
  std::string main_asset;  // the asset the title/lead is about ("BTC"), if any
  int sentences_seen = 0;  // sentence numbers continue across pieces
};

class FigureExtractor {
 public:
  FigureExtractor();
  ~FigureExtractor();
  FigureExtractor(const FigureExtractor&) = delete;
  FigureExtractor& operator=(const FigureExtractor&) = delete;

  // Figures of a whole document.
  std::vector<Figure> Extract(std::string_view utf8) const;

  // Figures of one piece of a document already normalised. Offsets are
  // relative to the piece; `context` is read and updated.
  std::vector<Figure> Extract(const NormalizedText& text, DocumentContext& context) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
