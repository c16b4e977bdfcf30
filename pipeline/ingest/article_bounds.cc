#include "pipeline/ingest/article_bounds.h"
#include "pipeline/web/utf8_text.h"

namespace cn {

bool TruncateArticleText(std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return false;
  // A cut inside the final quarter keeps at least three quarters of the cap.
  const size_t floor = max_bytes - max_bytes / 4;
  size_t cut = text.rfind("\n\n", max_bytes);
  if (cut == std::string::npos || cut < floor) {
    size_t sentence = text.rfind(". ", max_bytes - 1);
    cut = sentence != std::string::npos && sentence >= floor ? sentence + 1 : std::string::npos;
  }
  if (cut == std::string::npos) {
    cut = utf8::CharacterStartAtOrBefore(text, max_bytes);  // not inside a character
  }
  text.resize(cut);
  text.shrink_to_fit();
  return true;
}

size_t CapFigures(std::vector<Figure>& figures, size_t max_figures) {
  if (figures.size() <= max_figures) return 0;
  size_t dropped = figures.size() - max_figures;
  figures.resize(max_figures);
  return dropped;
}

}  // namespace cn
