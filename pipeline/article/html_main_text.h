// Main-text extraction: the article's own text from a parsed page, without
// navigation, headers/footers, sidebars, ads, share widgets, related-post
// lists, comments, newsletter and cookie boxes, scripts, styles and forms.
//
// Readability-style and site-independent: every block of text scores its
// ancestors (length, commas, a paragraph bonus), containers are weighted by
// class/id hints (article/content/post/entry vs comment/share/related/...)
// and by link density, the best container is chosen and its qualifying
// siblings joined, then the chosen subtree is rendered with boilerplate
// blocks dropped. Headings, paragraphs, list items, blockquotes (embedded
// posts) and preformatted text are kept in reading order, one block per
// paragraph, blocks separated by "\n\n" (a <br> gives "\n").
//
// Every walk over the tree is iterative, so however deep a page nests, the
// stack does not grow (depth costs heap only) and no subtree is skipped.
// Uses the nodes' `_private` field as scratch space during the call (the tree
// is otherwise left unchanged); thread-safe for distinct documents. Includes
// no <expected> (fuzzed code).
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace cn {

// `root` may be nullptr (empty page): the result is then "". `title` is the
// article's title from the metadata: a heading repeating it is dropped.
// Rendering stops after the block that takes the text past `max_bytes`
// (so memory stays bounded on a huge page); the caller cuts it to its cap.
std::string ExtractMainText(xmlNode* root, std::string_view title = "", size_t max_bytes = SIZE_MAX);

}  // namespace cn
