#include "pipeline/cli/text_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extractors/figure_extractor.h"

namespace cn {
namespace {

namespace fs = std::filesystem;

fs::path WriteTemp(const std::string& name, const std::string& bytes) {
  fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

TEST(TextSourceTest, PiecesEndAtLineBreaksAndReassembleTheInput) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Bitcoin rose " + std::to_string(i % 9 + 1) + "% to $6" + std::to_string(i) + ",000.\n";
  fs::path p = WriteTemp("cryptonews_pieces.txt", text);
  auto src = TextSource::Open(p.string(), 256);
  ASSERT_TRUE(src.has_value()) << src.error();
  std::string piece, joined;
  int pieces = 0;
  while (src->Next(&piece)) {
    ++pieces;
    EXPECT_LE(piece.size(), 256u);
    EXPECT_EQ(piece.back(), '\n');
    joined += piece;
  }
  EXPECT_GT(pieces, 10);
  EXPECT_EQ(joined, text);
  fs::remove(p);
}

TEST(TextSourceTest, ALongLineIsCutOnACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "\u00e9\u20ac";  // 2- and 3-byte characters, no line break
  fs::path p = WriteTemp("cryptonews_long_line.txt", text);
  auto src = TextSource::Open(p.string(), 64);
  ASSERT_TRUE(src.has_value());
  std::string piece, joined;
  while (src->Next(&piece)) {
    ASSERT_FALSE(piece.empty());
    EXPECT_NE(static_cast<unsigned char>(piece[0]) & 0xC0, 0x80) << "piece starts inside a character";
    joined += piece;
  }
  EXPECT_EQ(joined, text);
  fs::remove(p);
}

TEST(TextSourceTest, PiecewiseExtractionMatchesWholeDocumentOffsets) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Ether fell " + std::to_string(i % 7 + 2) + "% on the week to $2,\u2009" + "310.\n";
  const FigureExtractor extractor;
  auto whole = extractor.Extract(text);
  fs::path p = WriteTemp("cryptonews_piecewise.txt", text);
  auto src = TextSource::Open(p.string(), 128);
  ASSERT_TRUE(src.has_value());
  std::vector<Figure> pieces;
  DocumentContext context;
  std::string piece;
  int64_t base = 0;
  while (src->Next(&piece)) {
    NormalizedText t = NormalizeText(piece);
    for (Figure f : extractor.Extract(t, context)) {
      f.start += base;
      f.end += base;
      pieces.push_back(f);
    }
    base += static_cast<int64_t>(t.CodePoints());
  }
  ASSERT_EQ(pieces.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(pieces[i].start, whole[i].start);
    EXPECT_EQ(pieces[i].text, whole[i].text);
    EXPECT_EQ(pieces[i].sentence, whole[i].sentence);
  }
  fs::remove(p);
}

}  // namespace
}  // namespace cn
