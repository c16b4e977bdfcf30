#include "extractors/sentiment_tokens.h"

#include "extractors/ascii.h"


namespace cn {
namespace {

using ascii::IsAlnum;
using ascii::IsAlpha;
using ascii::IsDigit;


// Three-byte punctuation in the U+2000 block (dashes, quotes, ellipsis) and
// currency signs (U+20xx): word separators, not letters.
bool IsGeneralPunct(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         (static_cast<unsigned char>(t[i + 1]) == 0x80 || static_cast<unsigned char>(t[i + 1]) == 0x82);
}
bool IsCurlyApostrophe(std::string_view t, size_t i) {
  return IsGeneralPunct(t, i) && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x99;
}
bool IsDash(std::string_view t, size_t i) {
  return IsGeneralPunct(t, i) && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) == 0x93 || static_cast<unsigned char>(t[i + 2]) == 0x94);
}
bool IsWordByte(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAlnum(c);
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return false;  // no-break space
  return !IsGeneralPunct(t, i);
}

bool IsCurrency(std::string_view w) {
  static constexpr std::string_view kCodes[] = {"eur", "euro", "euros", "usd", "us", "sek", "nok", "dkk", "gbp",
                                                "gbx", "rs", "rmb", "jpy", "chf", "cad", "aud", "inr", "ltl", "lvl",
                                                "eek", "pln", "rub", "cny", "hkd", "sgd", "a", "c"};
  for (std::string_view c : kCodes)
    if (w == c) return true;
  return false;
}

double ScaleOf(std::string_view w) {
  if (w == "m" || w == "mn" || w == "mln" || w == "million" || w == "millions") return 1e6;
  if (w == "bn" || w == "b" || w == "billion" || w == "billions" || w == "mrd") return 1e9;
  if (w == "k" || w == "thousand" || w == "thousands") return 1e3;
  return 0;
}

bool IsPercentWord(std::string_view w) { return w == "percent" || w == "pct" || w == "%" || w == "pc"; }

// Parses digits with separators: a comma followed by exactly three digits
// groups thousands, any other comma is a decimal comma.
double ParseDigits(std::string_view s, size_t* used, bool* has_fraction) {
  double value = 0, scale = 0;
  size_t i = 0;
  *has_fraction = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(static_cast<unsigned char>(c))) {
      if (scale > 0) {
        value += (c - '0') * scale;
        scale /= 10;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if ((c == '.' || c == ',') && i + 1 < s.size() && IsDigit(static_cast<unsigned char>(s[i + 1]))) {
      bool thousands = c == ',' && i + 3 < s.size() && IsDigit(static_cast<unsigned char>(s[i + 2])) &&
                       IsDigit(static_cast<unsigned char>(s[i + 3])) &&
                       (i + 4 == s.size() || !IsDigit(static_cast<unsigned char>(s[i + 4])));
      if (thousands || scale > 0) {
        if (scale > 0) break;  // a second separator after a fraction ends the number
        continue;
      }
      scale = 0.1;
      *has_fraction = true;
    } else {
      break;
    }
  }
  *used = i;
  return value;
}

}  // namespace

void SentimentTokenizer::SplitWords(std::string_view text) {
  lower_.clear();
  lower_.reserve(text.size() + 1);  // never reallocates below: views stay valid
  words_.clear();
  auto punct = [&](std::string_view p, bool space) { words_.push_back({p, space, true}); };
  bool space = true;
  size_t i = 0, n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool starts_fraction = c == '.' && space && i + 1 < n && IsDigit(static_cast<unsigned char>(text[i + 1]));
    if (IsWordByte(text, i) || starts_fraction) {
      size_t begin = lower_.size();
      if (starts_fraction) {
        lower_.push_back('.');
        ++i;
      }
      while (i < n) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        unsigned char prev = lower_.size() > begin ? static_cast<unsigned char>(lower_.back()) : 0;
        unsigned char next = i + 1 < n ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (IsWordByte(text, i)) {
          lower_.push_back(ascii::ToLower(static_cast<char>(d)));  // bytes >= 0x80 kept
          ++i;
        } else if (d == '\'' && IsAlpha(prev) && IsAlpha(next)) {
          lower_.push_back('\'');
          ++i;
        } else if (IsCurlyApostrophe(text, i) && IsAlpha(prev) && i + 3 < n &&
                   IsAlpha(static_cast<unsigned char>(text[i + 3]))) {
          lower_.push_back('\'');
          i += 3;
        } else if (d == '-' && (IsAlnum(prev) || prev >= 0x80) && (IsAlnum(next) || next >= 0x80)) {
          lower_.push_back('-');
          ++i;
        } else if ((d == '.' || d == ',') && IsDigit(prev) && IsDigit(next)) {
          lower_.push_back(static_cast<char>(d));
          ++i;
        } else {
          break;
        }
      }
      words_.push_back({std::string_view(lower_).substr(begin), space, false});
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
    } else if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      i += 2;
    } else if (IsGeneralPunct(text, i)) {
      if (IsDash(text, i)) punct(",", space);
      i += 3;
    } else {
      switch (c) {
        case ',':
          punct(",", space);
          break;
        case ';':
        case '!':
        case '?':
          punct(";", space);
          break;
        case ':':
          punct(":", space);
          break;
        case '%':
          punct("%", space);
          break;
        case '.': {
          // A full stop ends a clause unless it closes an abbreviation
          // ("Corp. rose", "Dec. 31", "vs. last year").
          size_t j = i + 1;
          while (j < n && text[j] == ' ') ++j;
          bool ends = j >= n || ascii::IsUpper(text[j]) || text[j] == '"';
          bool after_vs = !words_.empty() && (words_.back().text == "vs" || words_.back().text == "no");
          if (ends && !after_vs) punct(";", space);
          break;
        }
        default:
          break;
      }
      space = c == '(' || c == ')' || c == '"' || c == '\'';
      ++i;
    }
  }
}

size_t SentimentTokenizer::ReadNumber(size_t i, SentimentUnit* unit) const {
  std::string_view t = words_[i].text;
  size_t j = 0;
  while (j < t.size() && IsAlpha(static_cast<unsigned char>(t[j]))) ++j;
  std::string_view prefix = t.substr(0, j);
  if (!prefix.empty() && !IsCurrency(prefix)) return 0;
  if (j == t.size()) return 0;
  bool leading_point = t[j] == '.';
  if (leading_point) ++j;
  if (j >= t.size() || !IsDigit(static_cast<unsigned char>(t[j]))) return 0;
  size_t used_chars = 0;
  bool fraction = false;
  double value;
  if (leading_point) {
    value = ParseDigits(t.substr(j), &used_chars, &fraction);
    double div = 1;
    for (size_t k = 0; k < used_chars; ++k) div *= 10;
    value /= div;
    fraction = true;
  } else {
    value = ParseDigits(t.substr(j), &used_chars, &fraction);
  }
  std::string_view suffix = t.substr(j + used_chars);
  double scale = 1;
  bool percent = false;
  auto apply_suffix = [&](std::string_view s) {
    if (s.empty()) return true;
    if (double sc = ScaleOf(s); sc > 0) {
      scale = sc;
      return true;
    }
    if (s == "pct" || s == "-percent" || s == "-per-cent" || s == "-pct" || s == "pc") {
      percent = true;
      return true;
    }
    return false;
  };
  if (!apply_suffix(suffix)) return 0;  // "12-month", "4th": a word, not an amount

  size_t used = 1;
  // "EUR7 .3 m": a decimal part split off by a space.
  if (!leading_point && !fraction && suffix.empty() && i + 1 < words_.size() && !words_[i + 1].punct &&
      words_[i + 1].text.size() > 1 && words_[i + 1].text[0] == '.' &&
      IsDigit(static_cast<unsigned char>(words_[i + 1].text[1]))) {
    std::string_view f = words_[i + 1].text.substr(1);
    size_t fused = 0;
    bool ff = false;
    double digits = ParseDigits(f, &fused, &ff);
    double div = 1;
    for (size_t k = 0; k < fused; ++k) div *= 10;
    if (apply_suffix(f.substr(fused))) {
      value += digits / div;
      fraction = true;
      ++used;
    }
  }
  // Scale and percent words after the number.
  while (i + used < words_.size()) {
    std::string_view w = words_[i + used].text;
    if (scale == 1 && !percent && ScaleOf(w) > 0 && !words_[i + used].punct) {
      scale = ScaleOf(w);
      ++used;
    } else if (!percent && IsPercentWord(w)) {
      percent = true;
      ++used;
    } else if (!percent && w == "per" && i + used + 1 < words_.size() && words_[i + used + 1].text == "cent") {
      percent = true;
      used += 2;
    } else if (percent && (w == "points" || w == "point") && !words_[i + used].punct) {
      ++used;
    } else {
      break;
    }
  }
  unit->kind = UnitKind::kNumber;
  unit->term = nullptr;
  unit->value = value * scale;
  if (percent)
    unit->number_kind = NumberKind::kPercent;
  else if (prefix.empty() && scale == 1 && !fraction && value >= 1900 && value <= 2100)
    unit->number_kind = NumberKind::kYear;
  else
    unit->number_kind = NumberKind::kAmount;
  return used;
}

const std::vector<SentimentUnit>& SentimentTokenizer::Tokenize(std::string_view text) {
  SplitWords(text);
  units_.clear();
  size_t i = 0;
  while (i < words_.size()) {
    const Word& w = words_[i];
    if (w.punct) {
      if (w.text == ",") {
        units_.push_back({UnitKind::kComma});
      } else if (w.text == ";" || w.text == ":") {
        units_.push_back({UnitKind::kBoundary});
      } else if (w.text == "%" && !units_.empty() && units_.back().kind == UnitKind::kNumber) {
        units_.back().number_kind = NumberKind::kPercent;
      }
      ++i;
      continue;
    }
    unsigned char first = static_cast<unsigned char>(w.text[0]);
    if (IsDigit(first) || first == '.' || w.text.find_first_of("0123456789") != std::string_view::npos) {
      SentimentUnit unit;
      if (size_t used = ReadNumber(i, &unit); used > 0) {
        // "a negative EUR 0.3 mn", "minus 5 %": the sign belongs to the number.
        size_t back = i > 0 && !words_[i - 1].punct && IsCurrency(words_[i - 1].text) ? 2 : 1;
        if (i >= back && !words_[i - back].punct &&
            (words_[i - back].text == "negative" || words_[i - back].text == "minus") &&
            units_.size() >= back && units_[units_.size() - back].kind == UnitKind::kWord) {
          unit.value = -unit.value;
          units_[units_.size() - back].term = nullptr;
        }
        units_.push_back(unit);
        i += used;
        continue;
      }
    }
    SentimentUnit unit;
    size_t used = 1;
    if (const SentimentEntry* entry = lexicon_.Lookup(w.text)) {
      for (const SentimentPhrase& phrase : entry->phrases) {
        if (i + phrase.rest.size() >= words_.size()) continue;
        bool match = true;
        for (size_t k = 0; k < phrase.rest.size() && match; ++k)
          match = !words_[i + 1 + k].punct && words_[i + 1 + k].text == phrase.rest[k];
        if (match) {
          unit.term = &phrase.term;
          used = 1 + phrase.rest.size();
          break;
        }
      }
      if (unit.term == nullptr && entry->single) unit.term = &*entry->single;
    }
    if (unit.term != nullptr && unit.term->blocked) unit.term = nullptr;
    if (unit.term != nullptr && unit.term->boundary) unit.kind = UnitKind::kBoundary;
    units_.push_back(unit);
    i += used;
  }
  return units_;
}

}  // namespace cn
