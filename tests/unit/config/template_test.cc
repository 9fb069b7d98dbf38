#include "config/template.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

const TemplateVars kVars = {
    {"commit", "0123456789abcdef"}, {"rate", "200"},   {"port.api", "4001"},
    {"selector", "run=\"7\""},      {"window", "30s"}, {"workdir", "/tmp/w"}};

TEST(ExpandTemplateTest, ReplacesVariables) {
  EXPECT_EQ(ExpandTemplate("127.0.0.1:{{port.api}}", kVars).value(), "127.0.0.1:4001");
}

TEST(ExpandTemplateTest, AllowsSpacesInsideBraces) {
  EXPECT_EQ(ExpandTemplate("-q {{ rate }}/{{rate  }}", kVars).value(), "-q 200/200");
}

TEST(ExpandTemplateTest, ReplacesEveryOccurrence) {
  EXPECT_EQ(ExpandTemplate("{{rate}},{{rate}},{{commit}}", kVars).value(),
            "200,200,0123456789abcdef");
}

TEST(ExpandTemplateTest, KeepsSingleBracesLiteral) {
  EXPECT_EQ(ExpandTemplate("rate(x{ {{selector}} }[{{window}}])", kVars).value(),
            "rate(x{ run=\"7\" }[30s])");
  EXPECT_EQ(ExpandTemplate("{a} }} {", kVars).value(), "{a} }} {");
}

TEST(ExpandTemplateTest, BraceRightBeforeVariableStaysLiteral) {
  EXPECT_EQ(ExpandTemplate("x{{{selector}}}", kVars).value(), "x{run=\"7\"}");
}

TEST(ExpandTemplateTest, TextWithoutVariablesIsUnchanged) {
  EXPECT_EQ(ExpandTemplate("", kVars).value(), "");
  EXPECT_EQ(ExpandTemplate("plain text", kVars).value(), "plain text");
}

TEST(ExpandTemplateTest, UnknownVariableIsInvalidInputNamingIt) {
  auto result = ExpandTemplate("--x={{nope}}", kVars);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().what.find("\"nope\""), std::string::npos) << result.error().what;
  EXPECT_NE(result.error().fix.find("port.api"), std::string::npos) << result.error().fix;
}

TEST(ExpandTemplateTest, UnclosedBraceIsInvalidInput) {
  auto result = ExpandTemplate("{{rate} and more", kVars);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().what.find("unclosed"), std::string::npos) << result.error().what;
}

TEST(ExpandTemplateTest, EmptyVariableIsInvalidInput) {
  EXPECT_FALSE(ExpandTemplate("{{ }}", kVars).has_value());
}

TEST(ExpandTemplateTest, ValuesAreNotExpandedAgain) {
  TemplateVars vars = {{"commit", "{{rate}}"}, {"rate", "200"}};
  EXPECT_EQ(ExpandTemplate("{{commit}}", vars).value(), "{{rate}}");
}

TEST(ExpandArgvTest, ExpandsEachElementWithoutSplitting) {
  Argv argv = {"hey", "-q", "{{rate}}", "http://127.0.0.1:{{port.api}}/ x"};
  EXPECT_EQ(ExpandArgv(argv, kVars).value(),
            (Argv{"hey", "-q", "200", "http://127.0.0.1:4001/ x"}));
}

TEST(ExpandArgvTest, ErrorNamesTheElement) {
  auto result = ExpandArgv({"ok", "{{bad}}"}, kVars);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().where, "argv[1]");
}

TEST(TemplateVariableNamesTest, ListsNamesInOrder) {
  EXPECT_EQ(TemplateVariableNames("{{ port.db }} {{rate}} { {{port.db}} }"),
            (std::vector<std::string>{"port.db", "rate", "port.db"}));
  EXPECT_TRUE(TemplateVariableNames("no variables {here}").empty());
}

TEST(TemplateVariableNamesTest, StopsAtAnUnclosedVariable) {
  EXPECT_EQ(TemplateVariableNames("{{a}} {{b"), (std::vector<std::string>{"a"}));
  EXPECT_FALSE(ParseTemplateVariables("{{a}} {{b").has_value());
  EXPECT_EQ(ParseTemplateVariables("{{a}}").value(), (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace perfgate
