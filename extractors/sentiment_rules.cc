#include "extractors/sentiment_rules.h"

#include <algorithm>
#include <cmath>

namespace cn {
namespace {

// Weights of the rules. A metric with a direction is the strongest evidence
// financial text has, so it outweighs a single mild evaluative word.
constexpr double kComposed = 2.0;     // "profit rose", "costs fell"
constexpr double kShift = 2.0;        // "swung to a loss"
constexpr double kBareCompare = 0.8;  // numbers compared, no metric in reach
constexpr double kWonDeal = 1.2;      // "won an order", "signed a contract"
constexpr double kNegation = -0.75;   // "not bullish": flipped and damped
constexpr int kMetricLeft = 9;        // reach of a direction word for its metric
constexpr int kMetricRight = 4;
constexpr int kModifierReach = 3;

constexpr uint8_t kUsed = 1;       // taken by a rule
constexpr uint8_t kReference = 2;  // compared against, or a qualifier: not the subject
constexpr uint8_t kUpAfterNumber = 4;    // "36 % more"
constexpr uint8_t kDownAfterNumber = 8;  // "20 % less"
constexpr uint8_t kConceded = 16;        // in a clause opened by "despite", "although"

bool IsBoundary(const SentimentUnit& u) { return u.kind == UnitKind::kBoundary; }
bool IsComma(const SentimentUnit& u) { return u.kind == UnitKind::kComma; }
const SentimentTerm* TermOf(const SentimentUnit& u) { return u.kind == UnitKind::kWord ? u.term : nullptr; }
int MetricOf(const SentimentUnit& u) {
  const SentimentTerm* t = TermOf(u);
  return t ? t->metric : 0;
}
bool IsComparable(const SentimentUnit& u, NumberKind kind) {
  return u.kind == UnitKind::kNumber && u.number_kind == kind;
}

class Scorer {
 public:
  Scorer(std::span<const SentimentUnit> units, std::vector<uint8_t>* flags) : u_(units), flags_(*flags) {
    flags_.assign(units.size(), 0);
    // Clause weights in one pass, so that scoring stays linear in the length.
    bool conceded = false;
    for (int i = 0; i < N(); ++i) {
      if (IsComma(u_[i])) conceded = false;
      if (IsBoundary(u_[i])) {
        const SentimentTerm* t = u_[i].term;
        int weight = t != nullptr ? t->clause_weight : 0;
        conceded = weight == kConcession;
        if (weight == kContrast) last_contrast_ = i;
      }
      if (conceded) flags_[i] |= kConceded;
    }
    for (int i = 1; i < N(); ++i) {
      const SentimentTerm* t = TermOf(u_[i]);
      if (t == nullptr || t->comparative == 0) continue;
      const SentimentUnit& before = u_[i - 1];
      bool after_number = before.kind == UnitKind::kNumber ||
                          (before.kind == UnitKind::kWord && before.term == nullptr && i >= 2 &&
                           u_[i - 2].kind == UnitKind::kNumber);  // "20 times more"
      if (after_number) flags_[i] |= t->comparative > 0 ? kUpAfterNumber : kDownAfterNumber;
    }
  }

  RuleScore Run() {
    MarkQualified();
    MarkReferences();
    Shifts();
    Comparisons();
    Directions(/*metric_words=*/false);
    Directions(/*metric_words=*/true);
    WonDeals();
    Remaining();
    return {total_, event_};
  }

 private:
  int N() const { return static_cast<int>(u_.size()); }

  // Adds a contribution found at unit `at`, weighed by its clause: what comes
  // before "but"/"however" counts half, and so does a clause conceded with
  // "despite"/"although" (up to the next comma or boundary).
  void Add(int at, double value, bool event = false) {
    if (at < last_contrast_) value *= 0.5;
    if (flags_[at] & kConceded) value *= 0.5;
    total_ += value;
    if (event) event_ += value;
  }

  int DirectionAt(int i) const {
    if (flags_[i] & kUpAfterNumber) return 1;
    if (flags_[i] & kDownAfterNumber) return -1;
    const SentimentTerm* t = TermOf(u_[i]);
    return t ? t->direction : 0;
  }
  // A change word's own weight; next to a number ("a 3.3 % increase", "an
  // increase of 3.3 %") it is a reported change, whatever the word's base weight.
  double DirectionWeightAt(int i) const {
    const SentimentTerm* t = TermOf(u_[i]);
    double w = t && t->direction != 0 ? t->direction_weight : 0.8;
    if (i > 0 && u_[i - 1].kind == UnitKind::kNumber && w < 1) w = 1;
    // "an increase of 86%": a percentage one plain word after it.
    if (i + 2 < N() && u_[i + 1].kind == UnitKind::kWord && u_[i + 1].term == nullptr &&
        IsComparable(u_[i + 2], NumberKind::kPercent) && w < 1)
      w = 1;
    return w;
  }

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
    if (DirectionAt(i) != 0 && i + 1 < N()) {
      if (const SentimentTerm* t = TermOf(u_[i + 1])) m *= t->multiplier;
    }
    return m;
  }

  // "excluding restructuring costs", "including a gain of EUR 2 mn": what a
  // qualifier introduces is a detail, not the subject, and says nothing.
  void MarkQualified() {
    for (int q = 0; q < N(); ++q) {
      const SentimentTerm* t = TermOf(u_[q]);
      if (t == nullptr || !t->qualifier) continue;
      for (int k = q + 1; k < N() && k <= q + 4; ++k) {
        if (IsBoundary(u_[k]) || IsComma(u_[k]) || DirectionAt(k) != 0) break;
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && (tk->metric != 0 || tk->polarity != 0)) flags_[k] |= kUsed | kReference;
      }
    }
  }

  // What follows a comparison word is what is compared against ("compared to
  // a profit of EUR 3 mn", "from a 249,000 euro net loss"): not the subject.
  void MarkReferences() {
    for (int c = 0; c < N(); ++c) {
      const SentimentTerm* t = TermOf(u_[c]);
      if (t == nullptr || t->compare == 0) continue;
      // Only a comparison with a value to compare against has a reference side
      // ("cash flow from operations turned negative" has none).
      int end = -1;
      for (int k = c + 1; k < N() && k <= c + 7 && end < 0; ++k) {
        if (IsBoundary(u_[k]) || IsComma(u_[k])) break;
        if (u_[k].kind == UnitKind::kNumber && u_[k].number_kind != NumberKind::kYear) end = std::min(N() - 1, k + 3);
      }
      for (int k = c + 1; k <= end; ++k) {
        const SentimentTerm* tk = TermOf(u_[k]);
        if (IsBoundary(u_[k]) || IsComma(u_[k]) ||
            (tk != nullptr && (tk->compare != 0 || tk->direction != 0 || tk->shift || tk->target)))
          break;
        if (tk != nullptr && (tk->metric != 0 || tk->polarity != 0)) flags_[k] |= kReference;
      }
    }
  }

  // "swung to a net loss", "returned to profit", "fell into loss".
  void Shifts() {
    for (int v = 0; v < N(); ++v) {
      const SentimentTerm* t = TermOf(u_[v]);
      if (t == nullptr || !(t->shift || DirectionAt(v) != 0) || (flags_[v] & kUsed)) continue;
      int target = -1;
      for (int k = v + 1; k < N() && k <= v + 2; ++k) {
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && tk->target) {
          target = k;
          break;
        }
      }
      if (target < 0) continue;
      for (int k = target + 1; k < N() && k <= target + 6; ++k) {
        if (IsBoundary(u_[k]) || IsComma(u_[k])) break;
        if (int metric = MetricOf(u_[k]); metric != 0 && !(flags_[k] & kReference)) {
          Add(v, kShift * metric * Modifiers(v));
          flags_[v] |= kUsed;
          flags_[k] |= kUsed;
          break;
        }
      }
    }
  }

  // "profit was EUR 1.6 mn compared to EUR 5.9 mn", "loss of X versus a
  // profit of Y" — only where no direction word says it. "from" is weaker
  // than "compared to": it needs a metric, and the value right after it.
  // "from X to Y" describes a range unless a direction word says otherwise.
  void Comparisons() {
    for (int c = 0; c < N(); ++c) {
      const SentimentTerm* t = TermOf(u_[c]);
      if (t == nullptr || t->compare == 0 || (flags_[c] & kUsed)) continue;
      bool weak = t->compare < 2;
      int y = -1;
      for (int k = c + 1; k < N() && k <= c + (weak ? 3 : 6); ++k) {
        if (IsBoundary(u_[k])) break;
        if (u_[k].kind == UnitKind::kNumber && u_[k].number_kind != NumberKind::kYear) {
          y = k;
          break;
        }
      }
      if (y < 0) continue;
      NumberKind kind = u_[y].number_kind;
      bool range = false;
      for (int k = y + 1; k < N() && k <= y + 2; ++k) {
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && tk->target) range = true;
      }
      if (range) continue;
      int x = -1;
      for (int k = c - 1; k >= 0 && k >= c - 10; --k) {
        if (IsBoundary(u_[k])) break;
        if (IsComparable(u_[k], kind)) {
          x = k;
          break;
        }
      }
      if (x < 0) continue;
      bool has_direction = false;
      for (int k = std::max(0, x - 6); k <= y; ++k) has_direction |= DirectionAt(k) != 0;
      if (has_direction) continue;

      int current = -1, reference = -1;
      for (int k = x - 1; k >= 0 && k >= x - 10; --k) {
        if (IsBoundary(u_[k])) break;
        if (MetricOf(u_[k]) != 0 && !(flags_[k] & kReference)) {
          current = k;
          break;
        }
      }
      if (current >= 0 && (flags_[current] & kUsed)) continue;  // a shift said it already
      if (current < 0 && weak) continue;
      for (int k = c + 1; k < N() && k <= y + 2; ++k)
        if ((flags_[k] & kReference) && MetricOf(u_[k]) != 0) reference = k;
      flags_[c] |= kUsed;
      if (current >= 0 && reference >= 0 && MetricOf(u_[current]) != MetricOf(u_[reference])) {
        Add(current, kShift * MetricOf(u_[current]));
        flags_[current] |= kUsed;
        continue;
      }
      double a = u_[x].value, b = u_[y].value;
      int dir = a > b + std::fabs(b) * 0.0005 ? 1 : (a < b - std::fabs(b) * 0.0005 ? -1 : 0);
      if (dir == 0) continue;
      if (current >= 0) {
        Add(current, kComposed * dir * MetricOf(u_[current]));
        flags_[current] |= kUsed;
      } else {
        Add(x, kBareCompare * dir);
      }
    }
  }

  // A metric another rule already took is not taken twice ("pared losses and
  // climbed back": "climbed" is not about the losses).
  bool IsMetricFor(int k, bool metric_words) const {
    if (MetricOf(u_[k]) == 0 || (flags_[k] & (kReference | kUsed))) return false;
    return !(metric_words && DirectionAt(k) != 0);
  }

  // A direction of change and the nearest metric in its clause: to the left
  // (the subject: "net sales rose", "profit, up from") or just to the right
  // within the same phrase ("cut costs", "an increase in sales"). Words that
  // are both ("growth") act as a direction only when no other direction took
  // them as its metric.
  void Directions(bool metric_words) {
    for (int d = 0; d < N(); ++d) {
      int dir = DirectionAt(d);
      if (dir == 0 || (flags_[d] & kUsed)) continue;
      if ((MetricOf(u_[d]) != 0) != metric_words) continue;
      int best = -1;
      int best_cost = 1 << 20;
      for (int k = d - 1; k >= 0 && k >= d - kMetricLeft; --k) {
        if (IsBoundary(u_[k])) break;
        if (IsMetricFor(k, metric_words)) {
          best = k;
          best_cost = d - k;
          break;
        }
      }
      for (int k = d + 1; k < N() && k <= d + kMetricRight && k - d < best_cost; ++k) {
        if (IsBoundary(u_[k]) || IsComma(u_[k])) break;
        if (IsMetricFor(k, metric_words)) {
          best = k;
          break;
        }
      }
      flags_[d] |= kUsed;
      if (best >= 0) {
        Add(d, kComposed * dir * MetricOf(u_[best]) * Modifiers(d));
        flags_[best] |= kUsed;
      } else {
        // A bare change tagged as an event ("raised $200M", "expanded") is
        // news of a company's conduct; with a metric it is a reported result.
        const SentimentTerm* t = TermOf(u_[d]);
        Add(d, dir * DirectionWeightAt(d) * Modifiers(d), t != nullptr && t->event);
      }
    }
  }

  // Business news: winning or signing orders and contracts is good news.
  void WonDeals() {
    for (int v = 0; v < N(); ++v) {
      const SentimentTerm* t = TermOf(u_[v]);
      if (t == nullptr || !t->win_verb) continue;
      for (int k = v + 1; k < N() && k <= v + 6; ++k) {
        if (IsBoundary(u_[k])) break;
        const SentimentTerm* tk = TermOf(u_[k]);
        if (tk != nullptr && tk->deal_noun) {
          Add(v, kWonDeal * Modifiers(v), /*event=*/true);
          break;
        }
      }
    }
  }

  void Remaining() {
    for (int i = 0; i < N(); ++i) {
      const SentimentTerm* t = TermOf(u_[i]);
      if (t == nullptr || t->polarity == 0 || (flags_[i] & (kUsed | kReference))) continue;
      Add(i, t->polarity * Modifiers(i), t->event);
    }
  }

  std::span<const SentimentUnit> u_;
  std::vector<uint8_t>& flags_;
  double total_ = 0;
  double event_ = 0;  // part of total_
  int last_contrast_ = -1;  // contributions before it count half
};

}  // namespace

double ScoreUnits(std::span<const SentimentUnit> units, std::vector<uint8_t>* scratch) {
  return Scorer(units, scratch).Run().total;
}

RuleScore ScoreUnitsWithEvents(std::span<const SentimentUnit> units, std::vector<uint8_t>* scratch) {
  return Scorer(units, scratch).Run();
}

}  // namespace cn
