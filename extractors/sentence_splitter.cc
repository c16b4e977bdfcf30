#include "extractors/sentence_splitter.h"

#include "extractors/ascii.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "extractors/word_table.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cn {
namespace {

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

// Points the thread's iterator at a byte range through a UText on the stack.
// setText() keeps a shallow clone, so the UText may go at once; the text must
// only outlive the iterator's use of it, which ends with this object's scope.
class IcuWindow {
 public:
  IcuWindow(icu::BreakIterator* it, std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, bytes.data(), static_cast<int64_t>(bytes.size()), &status);
    if (U_SUCCESS(status)) it->setText(&text_, status);
    ok_ = U_SUCCESS(status);
  }
  ~IcuWindow() { utext_close(&text_); }
  IcuWindow(const IcuWindow&) = delete;
  IcuWindow& operator=(const IcuWindow&) = delete;

  bool ok() const { return ok_; }

 private:
  UText text_ = UTEXT_INITIALIZER;
  bool ok_ = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void AddTrimmed(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>& out) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (begin < end) out.push_back({begin, end});
}

// Walks the terminators ('.', '!', '?') of a text in order, memchr finding
// each kind, so the bytes between them cost next to nothing.
class TerminatorCursor {
 public:
  TerminatorCursor(std::string_view text, size_t from) : text_(text) {
    for (int k = 0; k < 3; ++k) next_[k] = Find(kTerminators[k], from);
  }
  // The current terminator's offset, text.size() when there are no more.
  size_t position() const { return std::min({next_[0], next_[1], next_[2]}); }
  void Advance() {
    const size_t at = position();
    for (int k = 0; k < 3; ++k)
      if (next_[k] == at) next_[k] = Find(kTerminators[k], at + 1);
  }

 private:
  static constexpr char kTerminators[3] = {'.', '!', '?'};
  size_t Find(char c, size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* p = std::memchr(text_.data() + from, c, text_.size() - from);
    return p == nullptr ? text_.size() : static_cast<size_t>(static_cast<const char*>(p) - text_.data());
  }
  std::string_view text_;
  size_t next_[3];
};

// A line with no terminator followed by a space, quote or bracket is one
// sentence (perhaps ending at its end); ICU is only needed where a break may
// fall.
bool MayBreak(std::string_view line) {
  for (TerminatorCursor t(line, 0); t.position() < line.size(); t.Advance()) {
    const size_t i = t.position();
    if (i + 1 < line.size() &&
        (line[i + 1] == ' ' || line[i + 1] == '"' || line[i + 1] == '\'' || line[i + 1] == ')'))
      return true;
  }
  return false;
}

// Whether a character other than ASCII leaves the windows below exact: a
// letter, digit, space, closing quote or bracket, continuation mark (dashes)
// or other symbol. Terminators and separators of other scripts ('。', U+2028)
// would be breaks the terminator search does not see, and combining or
// format characters (Extend, Format) hide the character the rules look at.
bool IsWindowSafe(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
    case U_SB_SP:
    case U_SB_LOWER:
    case U_SB_UPPER:
    case U_SB_OLETTER:
    case U_SB_NUMERIC:
    case U_SB_CLOSE:
    case U_SB_SCONTINUE:
      return true;
    default:
      return false;
  }
}

// Lines of printable ASCII (tabs allowed) and window-safe characters can be
// read in windows: no character there ends a sentence by itself, as line
// separators and CJK full stops do. Eight ASCII bytes are tested at once.
bool WindowsSuffice(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    for (; i + 8 <= line.size(); i += 8) {
      // A byte >= 0x80, or one below 0x20 (its subtraction borrows): look closer.
      const uint64_t word = ascii::Load8(line.data() + i);
      if (((word | (word - ascii::kEveryByte * ' ')) & ascii::kHighBits) != 0) break;
    }
    if (i >= line.size()) break;
    const auto u = static_cast<unsigned char>(line[i]);
    if (u < 0x80) {
      if (u < 0x20 && u != '\t') return false;
      ++i;
      continue;
    }
    UChar32 c = 0;
    int32_t at = static_cast<int32_t>(i);
    U8_NEXT(line.data(), at, static_cast<int32_t>(line.size()), c);
    if (c < 0 || !IsWindowSafe(c)) return false;  // ill-formed UTF-8, or a character that is not safe
    i = static_cast<size_t>(at);
  }
  return true;
}

// The start of the code point `count` code points before `p` in `text`,
// not before `floor` (itself the start of a code point).
size_t CodePointsBack(std::string_view text, size_t p, size_t count, size_t floor) {
  for (size_t k = 0; k < count && p > floor; ++k) {
    --p;
    while (p > floor && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  }
  return p;
}

// Splits one line (no '\n' inside) into sentences, ICU reading it whole.
void SplitLineWhole(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>& out) {
  icu::BreakIterator* it = ThreadSentenceIterator();
  if (it == nullptr) {  // ICU data missing: a whole line is still a usable unit
    AddTrimmed(text, begin, end, out);
    return;
  }
  IcuWindow window(it, text.substr(begin, end - begin));
  if (!window.ok()) {
    AddTrimmed(text, begin, end, out);
    return;
  }
  int32_t prev = it->first();
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
    AddTrimmed(text, begin + static_cast<size_t>(prev), begin + static_cast<size_t>(pos), out);
    prev = pos;
  }
}

// ICU's first boundary after `from` in `window` (DONE when none). The answer
// depends on the window's bytes alone, and windows repeat ("ed. T", "%. B"),
// so answers are remembered per thread; the memo is bounded.
int32_t FirstBoundaryAfter(icu::BreakIterator* it, std::string_view window, int32_t from) {
  constexpr size_t kLongestRemembered = 32;
  constexpr size_t kMemoSize = 4096;
  thread_local WordTable<int32_t> memo;
  thread_local std::string key;
  const bool remember = window.size() <= kLongestRemembered;
  if (remember) {
    key.assign(1, static_cast<char>('0' + from));
    key.append(window);
    if (const int32_t* found = memo.Find(key)) return *found;
  }
  int32_t boundary = icu::BreakIterator::DONE;
  IcuWindow icu_window(it, window);
  if (icu_window.ok()) {
    // Walking from the start is cheaper than following(), which first backs
    // up with the reverse rules.
    boundary = it->first();
    while (boundary != icu::BreakIterator::DONE && boundary <= from) boundary = it->next();
  }
  if (remember) {
    if (memo.size() >= kMemoSize) memo.clear();
    memo.Insert(key, boundary);
  }
  return boundary;
}

// Splits one line that WindowsSuffice(), ICU reading a window around each
// terminator: two characters before it (rule SB7 looks one back) and
// everything up to the first ASCII letter or terminator after it (rule SB8
// looks ahead to the first letter of any script, which is not further). A
// break found between the terminator and that character is the line's: no
// other terminator lies between them.
void SplitLineInWindows(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>& out) {
  icu::BreakIterator* it = ThreadSentenceIterator();
  if (it == nullptr) {
    AddTrimmed(text, begin, end, out);
    return;
  }
  constexpr size_t kBefore = 2;
  size_t sentence_begin = begin;
  const std::string_view line = text.substr(0, end);
  for (TerminatorCursor t(line, begin); t.position() < end; t.Advance()) {
    const size_t p = t.position();
    const char next = p + 1 < end ? text[p + 1] : '\0';
    // ".5" and "e.g. the" never break (rules SB6 and SB8): skip ICU.
    if (text[p] == '.' && ((next >= '0' && next <= '9') || (next >= 'a' && next <= 'z'))) continue;
    size_t stop = p + 1;
    while (stop < end && !IsAsciiLetter(text[stop]) && !IsTerminator(text[stop])) ++stop;
    const size_t window_begin = CodePointsBack(text, p, kBefore, sentence_begin);
    const size_t window_end = std::min(end, stop + 1);
    const int32_t from = static_cast<int32_t>(p - window_begin);
    const int32_t to = static_cast<int32_t>(stop - window_begin);
    const int32_t boundary = FirstBoundaryAfter(it, text.substr(window_begin, window_end - window_begin), from);
    if (boundary == icu::BreakIterator::DONE || boundary > to) continue;
    const size_t at = window_begin + static_cast<size_t>(boundary);
    if (at >= end) break;  // the line's end closes the sentence anyway
    AddTrimmed(text, sentence_begin, at, out);
    sentence_begin = at;
  }
  AddTrimmed(text, sentence_begin, end, out);
}

std::vector<ByteSpan> SplitLines(std::string_view text, bool use_windows) {
  std::vector<ByteSpan> out;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (!MayBreak(line)) {
      AddTrimmed(text, line_begin, line_end, out);
    } else if (use_windows && WindowsSuffice(line)) {
      SplitLineInWindows(text, line_begin, line_end, out);
    } else {
      SplitLineWhole(text, line_begin, line_end, out);
    }
    line_begin = line_end + 1;
  }
  return out;
}

}  // namespace

std::vector<ByteSpan> SplitSentences(std::string_view text) { return SplitLines(text, /*use_windows=*/true); }

std::vector<ByteSpan> SplitSentencesWholeLines(std::string_view text) {
  return SplitLines(text, /*use_windows=*/false);
}

}  // namespace cn
