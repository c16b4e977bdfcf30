#include "pipeline/article/html_main_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/article/html_class_hints.h"
#include "pipeline/article/html_document.h"
#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

constexpr int kMaxDepth = 512;  // deeper subtrees are ignored (hostile input)

// Scoring (pass 2). A paragraph of at least kMinParagraphText visible bytes
// scores 1 + its commas + one point per kTextBytesPerPoint bytes (at most
// kMaxLengthPoints), shared among its nearest kScoredAncestors ancestors.
constexpr uint32_t kMinParagraphText = 25;
constexpr double kTextBytesPerPoint = 100;
constexpr double kMaxLengthPoints = 3;
constexpr int kScoredAncestors = 5;
constexpr double kArticleBodyBonus = 25;  // itemprop=articleBody

// Choosing the content. Of the best kRankedLooked candidates, those scoring
// at least kRivalShare of the top one are rivals; kRivalsForAncestor of them
// under one ancestor make that ancestor the article. Climbing to a parent
// stops once a candidate scores below 1/kClimbDivisor of the last one.
constexpr size_t kRankedLooked = 5;
constexpr double kRivalShare = 0.75;
constexpr size_t kRivalsForAncestor = 3;
constexpr double kClimbDivisor = 3;
// A sibling joins when it scores at least kSiblingMinScore and
// kSiblingShare of the top (kSameClassBonusShare of the top added when it
// shares the top's class); a plain <p> sibling joins when longer than
// kShortParagraphText with link density under kSiblingMaxLinkDensity, or
// shorter, link-free and ending a sentence.
constexpr double kSiblingMinScore = 10;
constexpr double kSiblingShare = 0.2;
constexpr double kSameClassBonusShare = 0.2;
constexpr uint32_t kShortParagraphText = 80;
constexpr double kSiblingMaxLinkDensity = 0.25;

// Hints that override a class name: a node named never-body is dropped only
// below kNeverBodyMaxText; one named boilerplate is kept when it holds prose
// (kProseMinParagraphs paragraphs, kProseMinText bytes, under
// 1/kProseLinkTextParts of it in links).
constexpr uint32_t kNeverBodyMaxText = 300;
constexpr uint32_t kProseMinParagraphs = 5;
constexpr uint32_t kProseMinText = 1000;
constexpr uint32_t kProseLinkTextParts = 5;

// Cleaning inside the chosen content (DropsAsBoilerplate and Render): a
// container with kCommasThatKeep commas stays; class weight of kStrongWeight
// tolerates more links. When cleaning leaves under kCleanedTooLittle bytes
// of a choice holding at least kCleanedFrom, it is rendered again uncleaned.
constexpr uint32_t kCommasThatKeep = 10;
constexpr int kStrongWeight = 25;
constexpr double kMaxLinkDensity = 0.2;        // a container with a weaker weight
constexpr double kMaxLinkDensityStrong = 0.5;  // lists, and containers of kStrongWeight
constexpr uint32_t kMinContainerText = 25;
constexpr uint32_t kMaxCaptionText = 150;
constexpr uint32_t kMaxEmbedText = 75;
constexpr uint32_t kListItemsOverParagraphs = 100;
constexpr double kMaxHeadingLinkDensity = 0.33;
constexpr double kMaxParagraphLinkDensity = 0.9;
constexpr size_t kCleanedTooLittle = 200;
constexpr size_t kCleanedFrom = 400;

// A "read more"-style pointer line is recognised only below this length.
constexpr size_t kMaxPointerLine = 240;

// What one element contributes; indexed by node->_private - 1.
struct Info {
  xmlNode* node = nullptr;
  int parent = -1;
  uint32_t text = 0;       // visible text bytes, a white-space run counting one
  uint32_t link_text = 0;  // of which inside <a>
  uint32_t commas = 0;
  uint32_t own_text = 0;    // text not inside a block-level child (bare text runs)
  uint32_t own_commas = 0;
  uint32_t paragraphs = 0, list_items = 0, images = 0, inputs = 0, embeds = 0;
  int weight = 0;               // class/id hint weight
  bool dropped = false;         // never scored nor rendered (with its subtree)
  bool excluded = false;        // dropped, or inside a dropped subtree
  bool block_children = false;  // has a block-level child element
  bool article_marker = false;  // subtree holds <article>, <main> or itemprop=articleBody
  bool candidate = false;
  double score = 0;
};

enum class TagClass : uint8_t { kInline, kBlock, kDrop, kLineBreak };

TagClass Classify(std::string_view tag) {
  static constexpr std::array<std::string_view, 27> kDrop = {
      "script", "style",  "noscript", "template", "svg",    "math",     "iframe",
      "object", "embed",  "canvas",   "nav",      "aside",  "footer",   "header",
      "input",  "select", "textarea", "button",   "option", "head",     "title",
      "dialog", "menu",   "video",    "audio",    "figcaption", "label"};
  static constexpr std::array<std::string_view, 30> kBlocks = {
      "p",      "div",   "section", "article", "main",   "h1",    "h2",     "h3",
      "h4",     "h5",    "h6",      "ul",      "ol",     "li",    "blockquote", "pre",
      "table",  "tr",    "dl",      "dt",      "dd",     "figure", "hr",    "address",
      "center", "form",  "fieldset", "body",   "html",   "details"};
  if (tag == "br") return TagClass::kLineBreak;
  if (std::find(kDrop.begin(), kDrop.end(), tag) != kDrop.end()) return TagClass::kDrop;
  if (std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end()) return TagClass::kBlock;
  return TagClass::kInline;
}

bool IsHidden(const xmlNode* n) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next)
    if (a->name != nullptr && xmlStrcasecmp(a->name, BAD_CAST "hidden") == 0) return true;
  std::string style = ascii::ToLower(Attribute(n, "style"));
  if (!style.empty()) {
    std::erase(style, ' ');
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
  }
  std::string_view aria = Attribute(n, "aria-hidden");
  if (aria == "true") return true;
  std::string role = ascii::ToLower(Attribute(n, "role"));
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "menu" || role == "menubar" || role == "dialog" ||
         role == "alertdialog" || role == "search";
}

// Visible length of a text node: bytes, a white-space run counting one.
void MeasureText(const xmlChar* content, uint32_t* length, uint32_t* commas) {
  if (content == nullptr) return;
  bool in_space = true;
  for (const xmlChar* p = content; *p != 0; ++p) {
    bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
    if (space) {
      if (!in_space) ++*length;
      in_space = true;
    } else {
      ++*length;
      in_space = false;
      if (*p == ',') ++*commas;
    }
  }
}

class Extractor {
 public:
  Extractor(xmlNode* root, std::string_view title) : root_(root), title_(CollapseWhitespace(title)) {}

  std::string Run() {
    if (root_ == nullptr) return "";
    Build(root_, -1, false, 0);
    MarkExcluded();
    ScoreParagraphs();
    std::vector<int> chosen = ChooseContent();
    for (int i : chosen) Render(infos_[static_cast<size_t>(i)].node, /*is_root=*/true, 0);
    Flush();
    // Cleaning can be too eager on odd markup: when it leaves almost nothing
    // of a container that had text, render the choice again without it.
    size_t chosen_text = 0;
    for (int i : chosen) chosen_text += infos_[static_cast<size_t>(i)].text;
    if (TotalBlockBytes() < kCleanedTooLittle && chosen_text >= kCleanedFrom) {
      blocks_.clear();
      clean_ = false;
      for (int i : chosen) Render(infos_[static_cast<size_t>(i)].node, /*is_root=*/true, 0);
      Flush();
    }
    for (Info& info : infos_) info.node->_private = nullptr;
    return Join();
  }

 private:
  Info& InfoOf(const xmlNode* n) { return infos_[reinterpret_cast<uintptr_t>(n->_private) - 1]; }
  bool Indexed(const xmlNode* n) const {
    return n->type == XML_ELEMENT_NODE && n->_private != nullptr;
  }

  // Pass 1: index every element in document order and aggregate its subtree.
  int Build(xmlNode* n, int parent, bool in_link, int depth) {
    int self = static_cast<int>(infos_.size());
    infos_.push_back(Info{});
    infos_.back().node = n;
    infos_.back().parent = parent;
    n->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(self) + 1);

    std::string_view tag = TagName(n);
    TagClass tag_class = Classify(tag);
    ClassHints hints = ClassHints::Of(Attribute(n, "class"), Attribute(n, "id"));
    bool is_link = tag == "a";
    {
      Info& info = infos_[static_cast<size_t>(self)];
      info.weight = ClassWeight(hints);
      info.article_marker = tag == "article" || tag == "main" ||
                            Attribute(n, "itemprop") == "articleBody";
      if (tag == "img" || tag == "picture") info.images = 1;
      if (tag == "p") info.paragraphs = 1;
      if (tag == "li") info.list_items = 1;
      if (tag == "input" || tag == "textarea" || tag == "select" || tag == "button") info.inputs = 1;
      if (tag == "iframe" || tag == "embed" || tag == "object" || tag == "video") info.embeds = 1;
    }
    if (tag_class == TagClass::kDrop || IsHidden(n) || depth > kMaxDepth) {
      infos_[static_cast<size_t>(self)].dropped = true;
      return self;
    }
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        uint32_t len = 0, commas = 0;
        MeasureText(c->content, &len, &commas);
        Info& info = infos_[static_cast<size_t>(self)];
        info.text += len;
        info.commas += commas;
        info.own_text += len;
        info.own_commas += commas;
        if (in_link || is_link) info.link_text += len;
      } else if (c->type == XML_ELEMENT_NODE) {
        int child = Build(c, self, in_link || is_link, depth + 1);
        const Info& ci = infos_[static_cast<size_t>(child)];
        Info& info = infos_[static_cast<size_t>(self)];
        TagClass child_class = Classify(TagName(c));
        if (child_class == TagClass::kBlock) info.block_children = true;
        info.inputs += ci.inputs;
        info.embeds += ci.embeds;
        info.images += ci.images;
        info.article_marker |= ci.article_marker;
        if (ci.dropped) continue;
        info.text += ci.text;
        if (child_class != TagClass::kBlock) {
          info.own_text += ci.text;
          info.own_commas += ci.commas;
        }
        info.link_text += ci.link_text;
        info.commas += ci.commas;
        info.paragraphs += ci.paragraphs;
        info.list_items += ci.list_items;
      }
    }
    Info& info = infos_[static_cast<size_t>(self)];
    // A leaf <div> holding text is a paragraph in all but name.
    if ((tag == "div" || tag == "section") && !info.block_children && info.text > 0) info.paragraphs += 1;
    bool protected_tag = tag == "body" || tag == "html" || tag == "a" || tag == "article" ||
                         tag == "main" || info.article_marker;
    if (!protected_tag && !hints.empty() &&
        ((IsUnlikely(hints) && !IsMaybeContent(hints) && !LooksLikeProse(info, hints)) ||
         (IsNeverBody(hints) && info.text < kNeverBodyMaxText)))
      info.dropped = true;
    return self;
  }

  // A page wrapper that happens to carry a word like "header" or "menu" in
  // its class still holds the article: many long, link-poor paragraphs say so.
  // Comment threads look the same and are recognised by name.
  static bool LooksLikeProse(const Info& info, const ClassHints& hints) {
    if (NamesDiscussion(hints)) return false;
    return info.paragraphs >= kProseMinParagraphs && info.text >= kProseMinText &&
           info.link_text * kProseLinkTextParts < info.text;
  }

  void MarkExcluded() {
    for (Info& info : infos_)
      info.excluded = info.dropped || (info.parent >= 0 && infos_[static_cast<size_t>(info.parent)].excluded);
  }

  double LinkDensity(const Info& info) const {
    return info.text == 0 ? 0.0 : static_cast<double>(info.link_text) / info.text;
  }

  void InitCandidate(Info& info) {
    if (info.candidate) return;
    info.candidate = true;
    std::string_view tag = TagName(info.node);
    double base = 0;
    if (tag == "div" || tag == "article" || tag == "main" || tag == "section") base = 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") base = 3;
    else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
             tag == "dt" || tag == "li" || tag == "form")
      base = -3;
    else if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" ||
             tag == "h6" || tag == "th")
      base = -5;
    info.score = base + info.weight;
    if (Attribute(info.node, "itemprop") == "articleBody") info.score += kArticleBodyBonus;
  }

  // Pass 2: every paragraph-like block scores its nearest ancestors.
  void ScoreParagraphs() {
    for (size_t i = 0; i < infos_.size(); ++i) {
      Info& info = infos_[i];
      if (info.excluded) continue;
      std::string_view tag = TagName(info.node);
      bool container = tag == "pre" || tag == "td" || tag == "div" || tag == "section" ||
                       tag == "blockquote" || tag == "article" || tag == "main" || tag == "font" ||
                       tag == "span" || tag == "center";
      bool scored = tag == "p" || (container && !info.block_children);
      int first = info.parent;
      uint32_t length = info.text, commas = info.commas;
      if (!scored && container && info.own_text >= kMinParagraphText) {
        // Bare text runs between block children (text set with <br>s) form
        // paragraphs of this very element, as Readability's div-to-p does.
        scored = true;
        first = static_cast<int>(i);
        length = info.own_text;
        commas = info.own_commas;
      }
      if (!scored || length < kMinParagraphText) continue;
      double score = 1 + commas + std::min(length / kTextBytesPerPoint, kMaxLengthPoints);
      int level = 0;
      for (int a = first; a >= 0 && level < kScoredAncestors; a = infos_[static_cast<size_t>(a)].parent, ++level) {
        Info& anc = infos_[static_cast<size_t>(a)];
        if (TagName(anc.node) == "html") break;
        InitCandidate(anc);
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        anc.score += score / divider;
      }
    }
    for (Info& info : infos_)
      if (info.candidate) info.score *= 1 - LinkDensity(info);
  }

  int Body() const {
    for (size_t i = 0; i < infos_.size(); ++i)
      if (TagName(infos_[i].node) == "body") return static_cast<int>(i);
    return 0;
  }

  bool IsAncestor(int ancestor, int node) const {
    for (int a = infos_[static_cast<size_t>(node)].parent; a >= 0; a = infos_[static_cast<size_t>(a)].parent)
      if (a == ancestor) return true;
    return false;
  }

  std::vector<int> ChooseContent() {
    std::vector<int> ranked;
    for (size_t i = 0; i < infos_.size(); ++i)
      if (infos_[i].candidate && !infos_[i].excluded) ranked.push_back(static_cast<int>(i));
    if (ranked.empty()) return {Body()};
    std::sort(ranked.begin(), ranked.end(), [&](int a, int b) {
      return infos_[static_cast<size_t>(a)].score > infos_[static_cast<size_t>(b)].score;
    });
    int top = ranked.front();
    const double top_score = infos_[static_cast<size_t>(top)].score;

    // Several strong candidates under one ancestor: the ancestor is the article.
    std::vector<int> alternatives;
    for (size_t k = 1; k < ranked.size() && k < kRankedLooked; ++k)
      if (infos_[static_cast<size_t>(ranked[k])].score >= kRivalShare * top_score) alternatives.push_back(ranked[k]);
    if (alternatives.size() >= kRivalsForAncestor) {
      for (int a = infos_[static_cast<size_t>(top)].parent; a >= 0 && TagName(infos_[static_cast<size_t>(a)].node) != "body";
           a = infos_[static_cast<size_t>(a)].parent) {
        int containing = 0;
        for (int alt : alternatives) containing += IsAncestor(a, alt) ? 1 : 0;
        if (containing >= static_cast<int>(kRivalsForAncestor)) {
          top = a;
          break;
        }
      }
    }
    // Climb while a parent scores higher (the text is split across children).
    {
      double last = infos_[static_cast<size_t>(top)].score;
      double threshold = last / kClimbDivisor;
      for (int p = infos_[static_cast<size_t>(top)].parent; p >= 0; p = infos_[static_cast<size_t>(p)].parent) {
        const Info& pi = infos_[static_cast<size_t>(p)];
        if (TagName(pi.node) == "body") break;
        if (!pi.candidate) continue;
        if (pi.score < threshold) break;
        if (pi.score > last) {
          top = p;
          break;
        }
        last = pi.score;
      }
    }
    // An only child says no more than its parent.
    for (int p = infos_[static_cast<size_t>(top)].parent; p >= 0; p = infos_[static_cast<size_t>(top)].parent) {
      const Info& pi = infos_[static_cast<size_t>(p)];
      if (TagName(pi.node) == "body" || TagName(pi.node) == "html") break;
      int element_children = 0;
      for (xmlNode* c = pi.node->children; c != nullptr; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !InfoOf(c).excluded) ++element_children;
      if (element_children != 1) break;
      top = p;
    }

    // Join siblings that look like more of the same article.
    const Info& ti = infos_[static_cast<size_t>(top)];
    std::vector<int> chosen;
    if (ti.parent < 0) return {top};
    double sibling_threshold = std::max(kSiblingMinScore, ti.score * kSiblingShare);
    std::string_view top_class = Attribute(ti.node, "class");
    for (xmlNode* c = infos_[static_cast<size_t>(ti.parent)].node->children; c != nullptr; c = c->next) {
      if (!Indexed(c)) continue;
      int idx = static_cast<int>(reinterpret_cast<uintptr_t>(c->_private) - 1);
      const Info& si = infos_[static_cast<size_t>(idx)];
      if (idx == top) {
        chosen.push_back(idx);
        continue;
      }
      if (si.excluded) continue;
      double bonus = (!top_class.empty() && Attribute(c, "class") == top_class) ? ti.score * kSameClassBonusShare : 0;
      if (si.candidate && si.score + bonus >= sibling_threshold) {
        chosen.push_back(idx);
      } else if (TagName(c) == "p") {
        double ld = LinkDensity(si);
        if ((si.text > kShortParagraphText && ld < kSiblingMaxLinkDensity) ||
            (si.text > 0 && si.text <= kShortParagraphText && ld == 0 && EndsSentence(c)))
          chosen.push_back(idx);
      }
    }
    return chosen;
  }

  bool HeadingRepeatsTitle(const xmlNode* n) const {
    std::string text;
    AppendTextContent(n, &text);
    std::string heading = CollapseWhitespace(text);
    return !heading.empty() && (heading == title_ || (heading.size() >= 15 && title_.starts_with(heading)));
  }

  static bool EndsSentence(const xmlNode* n) {
    std::string text;
    AppendTextContent(n, &text);
    std::string collapsed = CollapseWhitespace(text);
    return !collapsed.empty() && (collapsed.back() == '.' || collapsed.back() == '!' ||
                                  collapsed.back() == '?');
  }

  // Readability's conditional cleaning of a container inside the content.
  bool DropsAsBoilerplate(const Info& info, std::string_view tag) const {
    int weight = info.weight;
    if (weight + (info.candidate ? info.score : 0) < 0) return true;
    if (info.commas >= kCommasThatKeep) return false;
    bool is_list = tag == "ul" || tag == "ol";
    double ld = LinkDensity(info);
    double p = info.paragraphs;
    double img = info.images;
    if (img > 1 && p / img < 0.5 && tag != "figure") return true;
    if (!is_list && info.list_items > p + kListItemsOverParagraphs) return true;
    if (info.inputs > p / 3) return true;
    if (!is_list && info.text < kMinContainerText && (img == 0 || img > 2) && tag != "figure") return true;
    // An image with a line of text under it is a picture and its caption.
    if (!is_list && img >= 1 && info.text < kMaxCaptionText && info.commas < 2) return true;
    if (is_list && ld > kMaxLinkDensityStrong) return true;
    if (!is_list && weight < kStrongWeight && ld > kMaxLinkDensity) return true;
    if (weight >= kStrongWeight && ld > kMaxLinkDensityStrong) return true;
    if ((info.embeds == 1 && info.text < kMaxEmbedText) || info.embeds > 1) return true;
    return false;
  }

  void Render(xmlNode* n, bool is_root, int depth) {
    if (depth > kMaxDepth) return;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) current_.append(reinterpret_cast<const char*>(n->content));
      return;
    }
    if (n->type != XML_ELEMENT_NODE || !Indexed(n)) return;
    const Info& info = InfoOf(n);
    if (info.excluded) return;
    std::string_view tag = TagName(n);
    TagClass tag_class = Classify(tag);
    if (tag_class == TagClass::kLineBreak) {
      current_.push_back('\n');
      return;
    }
    if (!is_root && clean_) {
      if (tag == "h1") return;
      if ((tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6") &&
          (info.weight < 0 || LinkDensity(info) > kMaxHeadingLinkDensity))
        return;
      if ((tag == "div" || tag == "section" || tag == "ul" || tag == "ol" || tag == "table" ||
           tag == "form" || tag == "fieldset" || tag == "figure" || tag == "dl") &&
          DropsAsBoilerplate(info, tag))
        return;
      if (tag == "p" && (info.weight < 0 || (info.text > 0 && LinkDensity(info) > kMaxParagraphLinkDensity))) return;
      if (tag[0] == 'h' && tag.size() == 2 && !title_.empty() && HeadingRepeatsTitle(n)) return;
    }
    bool block = tag_class == TagClass::kBlock;
    if (block) Flush();
    if (tag == "td" || tag == "th") current_.push_back(' ');
    for (xmlNode* c = n->children; c != nullptr; c = c->next) Render(c, false, depth + 1);
    if (block) Flush();
  }

  // Ends the current block: keeps it unless it is a feed or page leftover.
  void Flush() {
    std::string collapsed = CollapseWhitespaceKeepingLines(current_);
    current_.clear();
    // Leftovers are judged line by line: feed bodies often hold them in the
    // same block as real text, separated by <br>.
    std::string block;
    bool paragraph_break = false;
    size_t start = 0;
    while (start < collapsed.size()) {
      size_t end = collapsed.find('\n', start);
      if (end == std::string::npos) end = collapsed.size();
      std::string_view line = std::string_view(collapsed).substr(start, end - start);
      if (line.empty()) {
        paragraph_break = true;
      } else if (!IsLeftover(std::string(line))) {
        if (!block.empty()) block += paragraph_break ? "\n\n" : "\n";
        block += line;
        paragraph_break = false;
      }
      start = end + 1;
    }
    // A block that only repeats the headline is the title, not body text.
    if (block.empty() || block == title_) return;
    blocks_.push_back(std::move(block));
  }

  // Collapses white space within lines; an empty line (<br><br>) between
  // lines of text becomes one paragraph break.
  static std::string CollapseWhitespaceKeepingLines(const std::string& text) {
    std::string out;
    bool blank_pending = false;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = CollapseWhitespace(std::string_view(text).substr(start, end - start));
      if (line.empty()) {
        blank_pending = !out.empty();
      } else {
        if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
        out += line;
        blank_pending = false;
      }
      start = end + 1;
    }
    return out;
  }

  // Lines that are page furniture whatever the page: feed footers, "read
  // more" pointers to other stories, ad labels.
  static bool IsLeftover(const std::string& line) {
    if (line.starts_with("The post ") && line.find(" appeared first on ") != std::string::npos)
      return true;
    std::string lower = ascii::ToLower(line);
    static constexpr std::array<std::string_view, 11> kPointers = {
        "related reading", "related:",          "read more:",          "read also:",
        "also read:",      "see also:",         "suggested reading:", "recommended reading:",
        "read next:",      "related article:", "related story:"};
    if (lower.size() < kMaxPointerLine)
      for (std::string_view p : kPointers)
        if (lower.starts_with(p)) return true;
    static constexpr std::array<std::string_view, 8> kLines = {
        "advertisement", "advertisement:", "story continues below", "continue reading below",
        "story continues below advertisement", "scroll to continue with content", "sponsored",
        "read more"};
    return std::find(kLines.begin(), kLines.end(), lower) != kLines.end();
  }

  size_t TotalBlockBytes() const {
    size_t total = 0;
    for (const std::string& b : blocks_) total += b.size();
    return total;
  }

  std::string Join() const {
    std::string out;
    for (const std::string& b : blocks_) {
      if (!out.empty()) out += "\n\n";
      out += b;
    }
    return out;
  }

  xmlNode* root_;
  std::string title_;  // a heading repeating it is not body text
  bool clean_ = true;  // drop boilerplate inside the chosen content
  std::vector<Info> infos_;
  std::string current_;
  std::vector<std::string> blocks_;
};

}  // namespace

std::string ExtractMainText(xmlNode* root, std::string_view title) {
  return Extractor(root, title).Run();
}

}  // namespace cn
