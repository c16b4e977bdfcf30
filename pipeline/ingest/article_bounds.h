// Per-article bounds: however large a page is, one article costs bounded
// memory, time and database rows.
//
//   - the main text is cut to at most kMaxArticleTextBytes (1 MiB), at the
//     last paragraph break ("\n\n") in its final quarter, else the last
//     sentence end (". "), else the last UTF-8 character boundary; the
//     article is then stored with text_truncated = 1;
//   - at most kMaxFiguresPerArticle figures (in text order) are stored; the
//     rest are dropped and the run's errors say how many.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extractors/figure.h"

namespace cn {

inline constexpr size_t kMaxArticleTextBytes = 1u << 20;
inline constexpr size_t kMaxFiguresPerArticle = 2000;

// Cuts `text` to at most `max_bytes` as described above; true when it was cut.
bool TruncateArticleText(std::string& text, size_t max_bytes = kMaxArticleTextBytes);

// Keeps the first `max_figures`; returns how many were dropped.
size_t CapFigures(std::vector<Figure>& figures, size_t max_figures = kMaxFiguresPerArticle);

}  // namespace cn
