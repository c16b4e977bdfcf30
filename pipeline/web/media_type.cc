#include "pipeline/web/media_type.h"

#include "pipeline/web/ascii_text.h"

namespace cn {

std::string MediaType(std::string_view content_type) {
  return ascii::ToLower(ascii::Trim(content_type.substr(0, content_type.find(';'))));
}

}  // namespace cn
