#include "base/labels.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(FormatLabelsTest, SortsNamesAndQuotesValues) {
  EXPECT_EQ(FormatLabels({{"endpoint", "/a"}, {"code", "200"}}), "{code=\"200\",endpoint=\"/a\"}");
  EXPECT_EQ(FormatLabels({}), "{}");
}

TEST(FormatLabelsTest, EscapesLikePromQLStrings) {
  EXPECT_EQ(FormatLabels({{"v", "a\"b\\c\nd"}}), R"({v="a\"b\\c\nd"})");
}

TEST(ParseLabelsTest, InvertsFormatLabels) {
  Labels labels = {{"code", "200"}, {"endpoint", "/acme/new-order"}, {"odd", "q\"\\\n}{,="}};
  EXPECT_EQ(ParseLabels(FormatLabels(labels)), labels);
  EXPECT_EQ(ParseLabels("{}"), Labels{});
}

TEST(ParseLabelsTest, AcceptsNoBracesAndSpaces) {
  Labels expected = {{"a", "1"}, {"b", "2"}};
  EXPECT_EQ(ParseLabels(R"(a="1",b="2")"), expected);
  EXPECT_EQ(ParseLabels(R"( { a = "1" ,  b="2" } )"), std::nullopt)
      << "trailing space after the brace";
  EXPECT_EQ(ParseLabels(R"(  { a ="1" ,  b="2" })"), expected);
  EXPECT_EQ(ParseLabels(""), Labels{});
}

TEST(ParseLabelsTest, RejectsWhatIsNotALabelSet) {
  for (const char* text :
       {"{a=\"1\"", "a=1", "a=\"1", "=\"1\"", "a=\"1\" b=\"2\"", "{a=\"x\\\"}", "a:\"1\""}) {
    EXPECT_EQ(ParseLabels(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace perfgate
