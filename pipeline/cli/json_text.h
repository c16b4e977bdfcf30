// JSON values the CLI's writers share. JsonTextOrNull: the value of a text
// field whose empty value means "unknown" or "not applicable": null then,
// else the text (every JSON writer of the CLI says unknown with null, never
// with "": docs/SCHEMA.md conventions). JsonNumber: whole numbers without
// a fraction.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace cn {

inline nlohmann::ordered_json JsonTextOrNull(std::string_view text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(text));
}

// Whole numbers print without a fraction: 1950000000, not 1.95e+09.
inline nlohmann::ordered_json JsonNumber(double v) {
  if (std::fabs(v) < 9e15 && v == std::floor(v)) return nlohmann::ordered_json(static_cast<int64_t>(v));
  return nlohmann::ordered_json(v);
}

}  // namespace cn
