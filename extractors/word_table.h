// Hash tables keyed by words and phrases that are looked up with a
// std::string_view, so the hot paths never build a std::string to ask.
// The hash reads a fixed number of bytes, cheaper than std::hash's
// byte-by-byte general-purpose one.
#pragma once

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cn {

struct WordHash {
  using is_transparent = void;
  // Constant time: the length and the first and last eight bytes, mixed.
  // Words are short; longer phrases that share both ends only cost a compare.
  size_t operator()(std::string_view word) const noexcept {
    const size_t n = word.size();
    uint64_t head = 0, tail = 0;
    if (n >= 8) {
      std::memcpy(&head, word.data(), 8);
      std::memcpy(&tail, word.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t h32, t32;
      std::memcpy(&h32, word.data(), 4);
      std::memcpy(&t32, word.data() + n - 4, 4);
      head = h32;
      tail = t32;
    } else if (n > 0) {
      head = static_cast<unsigned char>(word[0]) | static_cast<uint64_t>(static_cast<unsigned char>(word[n / 2])) << 8 |
             static_cast<uint64_t>(static_cast<unsigned char>(word[n - 1])) << 16;
    }
    uint64_t h = (head ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= (tail + n) * 0x94D049BB133111EBULL;
    return static_cast<size_t>(h ^ (h >> 31));
  }
};

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// A word map for look-ups that mostly miss (every word of a sentence against
// a lexicon): a bit per (length, first byte, last byte) answers "certainly
// absent" for most words before any hashing. Behind the filter, an
// open-addressing table of (hash, entry) pairs: one probe and one compare per
// hit, no division and no chain of nodes (std::unordered_map had both).
// Entries live in a deque, so references to values stay valid as it grows.
template <typename Value>
class WordTable {
 public:
  using Entry = std::pair<const std::string, Value>;

  WordTable() = default;
  // Buckets point into entries_: a copy re-points them at its own entries.
  // (Moving a deque keeps its elements where they are.)
  WordTable(const WordTable& other) : filter_(other.filter_), entries_(other.entries_) { Rehash(); }
  WordTable& operator=(const WordTable& other) {
    if (this != &other) {
      WordTable copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  WordTable(WordTable&&) noexcept = default;
  WordTable& operator=(WordTable&&) noexcept = default;

  // The value for `key`, inserted value-initialised if absent.
  Value& operator[](std::string_view key) {
    if (Entry* e = Lookup(key)) return e->second;
    return Add(key, Value{}).second;
  }
  // Adds `key` unless present (then the first value stays, as with emplace).
  bool Insert(std::string_view key, Value value) {
    if (Lookup(key) != nullptr) return false;
    Add(key, std::move(value));
    return true;
  }
  // Null when `key` is absent.
  const Value* Find(std::string_view key) const {
    if (key.empty() || !filter_.test(Slot(key))) return nullptr;
    const Entry* e = Lookup(key);
    return e == nullptr ? nullptr : &e->second;
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  size_t size() const { return entries_.size(); }
  void clear() {
    entries_.clear();
    buckets_.clear();
    filter_.reset();
  }
  // In insertion order.
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  struct Bucket {
    uint64_t hash = 0;
    Entry* entry = nullptr;  // null: empty
  };
  static constexpr size_t kSlots = size_t{1} << 14;
  // Letters of either case keep their 26 distinct low five bits.
  static size_t Slot(std::string_view key) {
    if (key.empty()) return 0;
    const auto first = static_cast<unsigned char>(key.front()), last = static_cast<unsigned char>(key.back());
    return (std::min<size_t>(key.size(), 15) << 10) | ((first & 31u) << 5) | (last & 31u);
  }

  Entry* Lookup(std::string_view key) const {
    if (buckets_.empty()) return nullptr;
    const uint64_t hash = WordHash{}(key);
    const size_t mask = buckets_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Bucket& b = buckets_[i];
      if (b.entry == nullptr) return nullptr;
      if (b.hash == hash && b.entry->first == key) return b.entry;
    }
  }

  Entry& Add(std::string_view key, Value value) {
    filter_.set(Slot(key));
    Entry& e = entries_.emplace_back(std::string(key), std::move(value));
    // At most half full, so probes stay short and always end at an empty bucket.
    if (2 * entries_.size() > buckets_.size())
      Rehash();
    else
      Place(e);
    return e;
  }
  void Rehash() {
    buckets_.assign(std::bit_ceil(std::max<size_t>(16, 4 * entries_.size())), Bucket{});
    for (Entry& each : entries_) Place(each);
  }
  void Place(Entry& e) {
    const uint64_t hash = WordHash{}(e.first);
    const size_t mask = buckets_.size() - 1;
    size_t i = hash & mask;
    while (buckets_[i].entry != nullptr) i = (i + 1) & mask;
    buckets_[i] = Bucket{hash, &e};
  }

  std::bitset<kSlots> filter_;
  std::vector<Bucket> buckets_;  // size a power of two
  std::deque<Entry> entries_;
};

}  // namespace cn
