// Sentence segmentation with ICU's BreakIterator (UAX #29 sentence rules).
// Line breaks always end a sentence: headlines, bullet lists and embedded
// posts in article text have no final punctuation.
//
// ICU decides every break. The rules only look a few characters around a
// sentence terminator, so on lines of ASCII and other letters, digits,
// spaces, closing quotes, dashes and symbols ICU is shown just a short
// window around each '.', '!' and '?' rather than the whole line; lines with
// other characters (terminators of other scripts, separators, combining
// marks) go to ICU whole. SplitSentencesWholeLines() always does the latter
// and exists so tests can check that both agree.
//
// Pure and thread-safe: each thread keeps its own BreakIterator, built once.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace cn {

struct ByteSpan {
  size_t begin = 0;  // byte offsets into the text given to SplitSentences
  size_t end = 0;    // exclusive
};

// Sentences of `utf8` as byte spans, in order, each trimmed of surrounding
// white space; empty sentences are dropped.
std::vector<ByteSpan> SplitSentences(std::string_view utf8);

// The same result, with ICU reading every line that may hold a break whole.
std::vector<ByteSpan> SplitSentencesWholeLines(std::string_view utf8);

}  // namespace cn
