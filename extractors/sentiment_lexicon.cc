#include "extractors/sentiment_lexicon.h"

#include "extractors/ascii.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace cn {
namespace embedded {
std::string_view sentiment_lexicon_tsv();
}

namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t b = i;
    while (i < phrase.size() && phrase[i] != ' ') ++i;
    if (i > b) words.emplace_back(phrase.substr(b, i - b));
  }
  return words;
}

bool ParseWeight(std::string_view text, float* out) {
  std::string s(text);
  char* end = nullptr;
  *out = std::strtof(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

// Applies `kind` (with its value) to `term`; false for an unknown kind.
bool Apply(std::string_view kind, float value, bool has_value, SentimentTerm* term) {
  if (kind == "polar") {
    if (!has_value) return false;
    term->polarity = value;
  } else if (kind == "up" || kind == "down") {
    term->direction = kind == "up" ? 1 : -1;
    term->direction_weight = has_value ? value : 1.0f;
  } else if (kind == "good" || kind == "bad") {
    term->metric = kind == "good" ? 1 : -1;
    if (has_value) term->polarity = value;
  } else if (kind == "intensifier" || kind == "hedge") {
    if (!has_value) return false;
    term->multiplier = value;
  } else if (kind == "negator") {
    term->negator = true;
  } else if (kind == "compare") {
    term->compare = has_value ? static_cast<int>(value) : 2;
  } else if (kind == "comparative") {
    if (!has_value) return false;
    term->comparative = value > 0 ? 1 : -1;
  } else if (kind == "win") {
    term->win_verb = true;
  } else if (kind == "deal") {
    term->deal_noun = true;
  } else if (kind == "qualifier") {
    term->qualifier = true;
  } else if (kind == "shift") {
    term->shift = true;
  } else if (kind == "target") {
    term->target = true;
  } else if (kind == "boundary") {
    term->boundary = true;
  } else if (kind == "contrast") {
    term->boundary = true;
    term->clause_weight = kContrast;
  } else if (kind == "concession") {
    term->boundary = true;
    term->clause_weight = kConcession;
  } else if (kind == "neutral") {
    term->blocked = true;
  } else if (kind == "event") {
    term->event = true;
  } else if (kind == "crypto") {
    term->crypto = true;
  } else if (kind == "market") {
    term->market = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace

const SentimentLexicon& SentimentLexicon::Default() {
  static const SentimentLexicon lexicon = [] {
    std::string error;
    auto parsed = Parse(embedded::sentiment_lexicon_tsv(), &error);
    if (!parsed) {
      // The embedded file is part of the build and tested; reaching this is a bug.
      std::fprintf(stderr, "internal error: %s\n", error.c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return lexicon;
}

std::optional<SentimentLexicon> SentimentLexicon::Parse(std::string_view tsv, std::string* error) {
  SentimentLexicon lex;
  size_t line_no = 0;
  size_t pos = 0;
  auto fail = [&](const std::string& what) {
    *error = "sentiment_lexicon.tsv:" + std::to_string(line_no) + ": " + what;
    return std::nullopt;
  };
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (ascii::Trim(line).empty() || ascii::Trim(line).front() == '#') continue;

    size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) return fail("expected TERM<TAB>KIND[<TAB>VALUE]");
    size_t t2 = line.find('\t', t1 + 1);
    std::string_view phrase = ascii::Trim(line.substr(0, t1));
    std::string_view kind =
        ascii::Trim(line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1));
    std::string_view value_text = t2 == std::string_view::npos ? std::string_view() : ascii::Trim(line.substr(t2 + 1));
    float value = 0;
    bool has_value = !value_text.empty();
    if (has_value && !ParseWeight(value_text, &value))
      return fail("value '" + std::string(value_text) + "' is not a number");
    if (phrase.empty()) return fail("empty term");
    for (char c : phrase)
      if (ascii::IsUpper(c)) return fail("term '" + std::string(phrase) + "' must be lower case");

    std::vector<std::string> words = Words(phrase);
    SentimentEntry& entry = lex.entries_[words.front()];
    SentimentTerm* term = nullptr;
    if (words.size() == 1) {
      if (!entry.single) {
        entry.single.emplace();
        ++lex.term_count_;
      }
      term = &*entry.single;
    } else {
      std::vector<std::string> rest(words.begin() + 1, words.end());
      auto it = std::find_if(entry.phrases.begin(), entry.phrases.end(),
                             [&](const SentimentPhrase& p) { return p.rest == rest; });
      if (it == entry.phrases.end()) {
        entry.phrases.push_back({std::move(rest), {}});
        it = entry.phrases.end() - 1;
        ++lex.term_count_;
      }
      term = &it->term;
    }
    if (!Apply(kind, value, has_value, term))
      return fail("unknown kind '" + std::string(kind) + "' or missing value");
  }
  for (auto& [word, entry] : lex.entries_)
    std::stable_sort(entry.phrases.begin(), entry.phrases.end(),
                     [](const SentimentPhrase& a, const SentimentPhrase& b) { return a.rest.size() > b.rest.size(); });
  return lex;
}

}  // namespace cn
