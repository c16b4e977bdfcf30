// The named reports of `cryptonews query NAME`: fixed SQL over the schema's
// views, so scripts get stable columns without writing SQL.
#pragma once

#include <span>
#include <string_view>

namespace cn {

struct Report {
  std::string_view name;
  std::string_view summary;
  std::string_view sql;  // may use ?1 for the row limit
  // The report takes `query --all-metrics`, bound to ?2 (1 when given, else 0).
  bool takes_all_metrics = false;
};

std::span<const Report> Reports();
const Report* FindReport(std::string_view name);  // nullptr if unknown

}  // namespace cn
