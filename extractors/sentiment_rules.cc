#include "extractors/sentiment_rules.h"

#include <cmath>
#include <cstdlib>

namespace cn {
namespace {

// Weights of the rules. A metric with a direction is the strongest evidence
// financial text has, so it outweighs a single mild evaluative word.
constexpr double kComposed = 2.0;     // "profit rose", "costs fell"
constexpr double kShift = 2.0;        // "swung to a loss"
constexpr double kBareCompare = 0.8;  // numbers compared, no metric in reach
constexpr double kNegation = -0.75;   // "not bullish": flipped and damped
constexpr int kMetricLeft = 9;        // reach of a direction word for its metric
constexpr int kMetricRight = 5;
constexpr int kModifierReach = 3;

constexpr uint8_t kUsed = 1;       // taken by a rule
constexpr uint8_t kReference = 2;  // the "Y" side of a comparison ("compared to a profit")

bool IsBoundary(const SentimentUnit& u) { return u.kind == UnitKind::kBoundary; }
const SentimentTerm* TermOf(const SentimentUnit& u) { return u.kind == UnitKind::kWord ? u.term : nullptr; }
int MetricOf(const SentimentUnit& u) {
  const SentimentTerm* t = TermOf(u);
  return t ? t->metric : 0;
}
int DirectionOf(const SentimentUnit& u) {
  const SentimentTerm* t = TermOf(u);
  return t ? t->direction : 0;
}
bool IsComparable(const SentimentUnit& u, NumberKind kind) {
  return u.kind == UnitKind::kNumber && u.number_kind == kind;
}

class Scorer {
 public:
  Scorer(std::span<const SentimentUnit> units, std::vector<uint8_t>* flags) : u_(units), flags_(*flags) {
    flags_.assign(units.size(), 0);
  }

  double Run() {
    MarkReferences();
    Shifts();
    Comparisons();
    Directions(/*metric_words=*/false);
    Directions(/*metric_words=*/true);
    Remaining();
    return total_;
  }

 private:
  int N() const { return static_cast<int>(u_.size()); }

  // Intensifiers, hedges and negators in reach before unit i (and an adverb
  // right after a change word: "rose sharply").
  double Modifiers(int i) const {
    double m = 1;
    bool negated = false;
    for (int j = i - 1; j >= 0 && j >= i - kModifierReach; --j) {
      if (IsBoundary(u_[j])) break;
      const SentimentTerm* t = TermOf(u_[j]);
      if (t == nullptr) continue;
      if (t->negator && !negated) {
        m *= kNegation;
        negated = true;
      }
      m *= t->multiplier;
    }
    if (DirectionOf(u_[i]) != 0 && i + 1 < N()) {
      if (const SentimentTerm* t = TermOf(u_[i + 1])) m *= t->multiplier;
    }
    return m;
  }

  // Metrics just after a comparison word are what is compared against.
  void MarkReferences() {
    for (int c = 0; c < N(); ++c) {
      const SentimentTerm* t = TermOf(u_[c]);
      if (t == nullptr || !t->compare) continue;
      for (int k = c + 1; k < N() && k <= c + 5; ++k) {
        if (IsBoundary(u_[k]) || u_[k].kind == UnitKind::kNumber) break;
        if (MetricOf(u_[k]) != 0) flags_[k] |= kReference;
      }
    }
  }

  // "swung to a net loss", "returned to profit", "fell into loss".
  void Shifts() {
    for (int v = 0; v < N(); ++v) {
      const SentimentTerm* t = TermOf(u_[v]);
      if (t == nullptr || !(t->shift || t->direction != 0) || (flags_[v] & kUsed)) continue;
      int target = -1;
      for (int k = v + 1; k < N() && k <= v + 2; ++k) {
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && tk->target) {
          target = k;
          break;
        }
      }
      if (target < 0) continue;
      for (int k = target + 1; k < N() && k <= target + 4; ++k) {
        if (u_[k].kind != UnitKind::kWord) break;
        if (int metric = MetricOf(u_[k]); metric != 0 && !(flags_[k] & kReference)) {
          total_ += kShift * metric * Modifiers(v);
          flags_[v] |= kUsed;
          flags_[k] |= kUsed;
          break;
        }
      }
    }
  }

  // "profit was EUR 1.6 mn compared to EUR 5.9 mn", "loss of X versus a
  // profit of Y", "from X to Y" — only where no direction word says it.
  void Comparisons() {
    for (int c = 0; c < N(); ++c) {
      const SentimentTerm* t = TermOf(u_[c]);
      if (t == nullptr || !t->compare || (flags_[c] & kUsed)) continue;
      int y = -1;
      for (int k = c + 1; k < N() && k <= c + 6; ++k) {
        if (IsBoundary(u_[k])) break;
        if (u_[k].kind == UnitKind::kNumber && u_[k].number_kind != NumberKind::kYear) {
          y = k;
          break;
        }
      }
      if (y < 0) continue;
      NumberKind kind = u_[y].number_kind;
      int newer = -1, older = y;
      // "from X to Y"
      for (int k = y + 1; k < N() && k <= y + 3; ++k) {
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && tk->target) {
          if (k + 1 < N() && IsComparable(u_[k + 1], kind)) newer = k + 1;
          if (k + 2 < N() && newer < 0 && IsComparable(u_[k + 2], kind)) newer = k + 2;
          break;
        }
      }
      int left_end = c;  // scan for X / the metric before this
      if (newer < 0) {
        for (int k = c - 1; k >= 0 && k >= c - 10; --k) {
          if (IsBoundary(u_[k])) break;
          if (IsComparable(u_[k], kind)) {
            newer = k;
            break;
          }
        }
        if (newer < 0) continue;
        left_end = newer;
      }
      int lo = std::min(newer, c), hi = std::max(newer, y);
      bool has_direction = false;
      for (int k = std::max(0, lo - 6); k <= hi; ++k) has_direction |= DirectionOf(u_[k]) != 0;
      if (has_direction) continue;

      int current = -1, reference = -1;
      for (int k = left_end - 1; k >= 0 && k >= left_end - 10; --k) {
        if (IsBoundary(u_[k])) break;
        if (MetricOf(u_[k]) != 0 && !(flags_[k] & kReference)) {
          current = k;
          break;
        }
      }
      for (int k = c + 1; k < y; ++k)
        if (flags_[k] & kReference) reference = k;
      flags_[c] |= kUsed;
      if (current >= 0 && reference >= 0 && MetricOf(u_[current]) != MetricOf(u_[reference])) {
        total_ += kShift * MetricOf(u_[current]);
        flags_[current] |= kUsed;
        continue;
      }
      double a = u_[newer].value, b = u_[older].value;
      int dir = a > b * 1.0005 ? 1 : (a < b * 0.9995 ? -1 : 0);
      if (dir == 0) continue;
      if (current >= 0) {
        total_ += kComposed * dir * MetricOf(u_[current]);
        flags_[current] |= kUsed;
      } else {
        total_ += kBareCompare * dir;
      }
    }
  }

  // A direction of change and the nearest metric in its clause. Words that are
  // both ("growth") act as a direction only when no other direction took them
  // as its metric.
  void Directions(bool metric_words) {
    for (int d = 0; d < N(); ++d) {
      const SentimentTerm* t = TermOf(u_[d]);
      if (t == nullptr || t->direction == 0 || (flags_[d] & kUsed)) continue;
      if ((t->metric != 0) != metric_words) continue;
      int best = -1;
      double best_cost = 1e9;
      for (int k = d - 1; k >= 0 && k >= d - kMetricLeft; --k) {
        if (IsBoundary(u_[k])) break;
        if (MetricOf(u_[k]) != 0 && !(flags_[k] & kReference) && !(metric_words && DirectionOf(u_[k]) != 0)) {
          best = k;
          best_cost = d - k;
          break;
        }
      }
      for (int k = d + 1; k < N() && k <= d + kMetricRight; ++k) {
        if (IsBoundary(u_[k]) || k - d + 0.5 >= best_cost) break;
        if (MetricOf(u_[k]) != 0 && !(flags_[k] & kReference) && !(metric_words && DirectionOf(u_[k]) != 0)) {
          best = k;
          break;
        }
      }
      flags_[d] |= kUsed;
      if (best >= 0) {
        total_ += kComposed * t->direction * MetricOf(u_[best]) * Modifiers(d);
        flags_[best] |= kUsed;
      } else {
        total_ += t->direction * t->direction_weight * Modifiers(d);
      }
    }
  }

  void Remaining() {
    for (int i = 0; i < N(); ++i) {
      const SentimentTerm* t = TermOf(u_[i]);
      if (t == nullptr || t->polarity == 0 || (flags_[i] & (kUsed | kReference))) continue;
      total_ += t->polarity * Modifiers(i);
    }
  }

  std::span<const SentimentUnit> u_;
  std::vector<uint8_t>& flags_;
  double total_ = 0;
};

}  // namespace

double ScoreUnits(std::span<const SentimentUnit> units, std::vector<uint8_t>* scratch) {
  return Scorer(units, scratch).Run();
}

}  // namespace cn
