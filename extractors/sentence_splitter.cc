#include "extractors/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>

namespace cn {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// Building a BreakIterator loads rules; do it once per thread.
icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) bi.reset();
    return bi;
  }();
  return it.get();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void AddTrimmed(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>& out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (begin < end) out.push_back({begin, end});
}

// Splits one line (no '\n' inside) into sentences with ICU.
void SplitLine(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>& out) {
  icu::BreakIterator* it = ThreadSentenceIterator();
  if (it == nullptr) {  // ICU data missing: a whole line is still a usable unit
    AddTrimmed(text, begin, end, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status));
  if (U_FAILURE(status)) {
    AddTrimmed(text, begin, end, out);
    return;
  }
  it->setText(ut.get(), status);
  if (U_FAILURE(status)) {
    AddTrimmed(text, begin, end, out);
    return;
  }
  int32_t prev = it->first();
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
    AddTrimmed(text, begin + static_cast<size_t>(prev), begin + static_cast<size_t>(pos), out);
    prev = pos;
  }
  // Detach the iterator from the UText we are about to close.
  UTextPtr empty(utext_openUTF8(nullptr, "", 0, &status));
  it->setText(empty.get(), status);
}

}  // namespace

std::vector<ByteSpan> SplitSentences(std::string_view text) {
  std::vector<ByteSpan> out;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    // A line with no terminator followed by a space (only, perhaps, one at
    // its end) is one sentence; ICU is only needed where a break may fall.
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    bool may_break = false;
    for (size_t i = 0; i + 1 < line.size() && !may_break; ++i)
      may_break = (line[i] == '.' || line[i] == '!' || line[i] == '?') &&
                  (line[i + 1] == ' ' || line[i + 1] == '"' || line[i + 1] == '\'' || line[i + 1] == ')');
    if (!may_break) {
      AddTrimmed(text, line_begin, line_end, out);
    } else {
      SplitLine(text, line_begin, line_end, out);
    }
    line_begin = line_end + 1;
  }
  return out;
}

}  // namespace cn
