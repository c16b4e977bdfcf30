#include "pipeline/fetch/page_fetcher.h"

namespace cn {

const char* SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kNone:
      return "";
    case SkipReason::kRobots:
      return "robots";
    case SkipReason::kUnsafeScheme:
      return "unsafe scheme";
    case SkipReason::kRefusedAddress:
      return "refused address";
    case SkipReason::kUnsafeRedirect:
      return "unsafe redirect";
    case SkipReason::kNotModified:
      return "not modified";
  }
  return "";
}

}  // namespace cn
