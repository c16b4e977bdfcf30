// The JSON value of a text field whose empty value means "unknown" or "not
// applicable": null then, else the text. Every JSON writer of the CLI says
// unknown with null, never with "" (docs/SCHEMA.md conventions).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace cn {

inline nlohmann::ordered_json JsonTextOrNull(std::string_view text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(text));
}

}  // namespace cn
