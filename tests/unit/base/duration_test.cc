#include "base/duration.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(ParseDurationTest, ReadsEachUnit) {
  EXPECT_EQ(ParseDuration("250ms"), milliseconds(250));
  EXPECT_EQ(ParseDuration("30s"), seconds(30));
  EXPECT_EQ(ParseDuration("2m"), minutes(2));
  EXPECT_EQ(ParseDuration("1h"), hours(1));
  EXPECT_EQ(ParseDuration("0s"), milliseconds(0));
}

TEST(ParseDurationTest, AddsCompoundParts) {
  EXPECT_EQ(ParseDuration("1m30s"), seconds(90));
  EXPECT_EQ(ParseDuration("1h2m3s4ms"), hours(1) + minutes(2) + seconds(3) + milliseconds(4));
}

TEST(ParseDurationTest, RejectsWhatIsNotADuration) {
  for (const char* text : {"", "30", "s", "-5s", "1.5s", "30x", "5 s", " 5s", "5s ", "1m30", "ms",
                           "5mss", "99999999999s"}) {
    EXPECT_EQ(ParseDuration(text), std::nullopt) << text;
  }
}

TEST(FormatDurationTest, UsesOneExactUnit) {
  EXPECT_EQ(FormatDuration(seconds(30)), "30s");
  EXPECT_EQ(FormatDuration(seconds(90)), "90s");
  EXPECT_EQ(FormatDuration(milliseconds(1500)), "1500ms");
  EXPECT_EQ(FormatDuration(milliseconds(0)), "0ms");
}

TEST(FormatDurationTest, RoundTripsThroughParse) {
  for (Duration d : std::initializer_list<Duration>{milliseconds(1), milliseconds(999), seconds(1),
                                                    minutes(5), hours(2)}) {
    EXPECT_EQ(ParseDuration(FormatDuration(d)), d) << d.count();
  }
}

TEST(ParseDurationTest, RejectsDurationsBeyondAYearInsteadOfOverflowing) {
  EXPECT_EQ(ParseDuration("8760h"), Duration(int64_t{365} * 24 * 3'600'000));
  EXPECT_EQ(ParseDuration("8761h"), std::nullopt);
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "1000000000h";
  EXPECT_EQ(ParseDuration(many), std::nullopt);
}

}  // namespace
}  // namespace perfgate
