// The one check of every integer flag: a plain decimal whole number within
// the flag's range, or a message a person can read.
//
// CLI11 alone reads integers with strtoll(…, 0): "0x10" is 16, "010" is 8,
// and its range check prints the bounds of a double (a 300-digit number).
// WholeNumber accepts only decimal digits (a leading "-" where the range
// allows negatives), drops leading zeros (so "010" is ten), and says
// "expected a whole number from LOW to HIGH, got 'VALUE'" (the value cut to
// a few dozen characters); CLI11 puts the flag's name in front.
#pragma once

#include <cstdint>

#include <CLI/CLI.hpp>

namespace cn {

// For `->transform(WholeNumber(low, high))` on an integer option.
CLI::Validator WholeNumber(int64_t low, int64_t high);

}  // namespace cn
