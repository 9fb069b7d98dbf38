#include "report/html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(EscapeHtmlTest, TextCannotOpenAnElement) {
  EXPECT_EQ(EscapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST(EscapeHtmlTest, AmpersandsAreEscapedFirstAndOnce) {
  EXPECT_EQ(EscapeHtml("a & b &lt;"), "a &amp; b &amp;lt;");
}

TEST(EscapeHtmlTest, QuotesCannotEndAnAttribute) {
  EXPECT_EQ(EscapeHtml(R"(x" onmouseover="alert(1))"), "x&quot; onmouseover=&quot;alert(1)");
  EXPECT_EQ(EscapeHtml("x' onload='y"), "x&#39; onload=&#39;y");
}

TEST(EscapeHtmlTest, EverythingElseIsKept) {
  EXPECT_EQ(EscapeHtml("{endpoint=\"/\"}"), "{endpoint=&quot;/&quot;}");
  EXPECT_EQ(EscapeHtml("µs — ✓ / \\ = `"), "µs — ✓ / \\ = `");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST(HtmlTimeTest, RelativeWithTheAbsoluteTimeOnHover) {
  TimePoint then = TimePoint(std::chrono::milliseconds(1714564805000));
  EXPECT_EQ(HtmlTime(then, then + std::chrono::seconds(190)),
            R"(<time datetime="2024-05-01T12:00:05.000Z" title="2024-05-01 12:00:05 UTC">)"
            "3 min ago</time>");
}

TEST(HtmlTimeTest, InFullShowsBoth) {
  TimePoint then = TimePoint(std::chrono::milliseconds(1714564805000));
  std::string html = HtmlTimeInFull(then, then + std::chrono::seconds(5));
  EXPECT_THAT(html, ::testing::StartsWith("2024-05-01 12:00:05 UTC (<time "));
  EXPECT_THAT(html, HasSubstr(">5 s ago</time>)"));
}

TEST(HtmlLinkTest, EscapesTheUrlAndTheText) {
  EXPECT_EQ(HtmlLink("/jobs?branch=a&kind=\"x\"", "<b>"),
            R"(<a href="/jobs?branch=a&amp;kind=&quot;x&quot;">&lt;b&gt;</a>)");
}

TEST(HtmlLinkTest, TextAloneWithoutAUrl) { EXPECT_EQ(HtmlLink("", "a<b"), "a&lt;b"); }

TEST(HtmlCommitTest, LinkedOnAWebRepository) {
  std::string sha = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
  EXPECT_EQ(HtmlCommit("https://github.com/acme/api.git", sha),
            R"(<a href="https://github.com/acme/api/commit/)" + sha + R"("><code title=")" + sha +
                R"(">1a2b3c4</code></a>)");
}

TEST(HtmlCommitTest, PlainForALocalRepository) {
  std::string html = HtmlCommit("/srv/git/api", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b");
  EXPECT_THAT(html, Not(HasSubstr("<a ")));
  EXPECT_THAT(html, HasSubstr(">1a2b3c4</code>"));
}

TEST(VerdictBadgeTest, ClassAndNameOfTheVerdict) {
  EXPECT_EQ(VerdictBadge(Verdict::kRegression),
            R"(<span class="badge verdict-regression">regression</span>)");
  EXPECT_EQ(
      VerdictBadge(Verdict::kUnchanged, "3 <unchanged>"),
      R"(<span class="badge verdict-unchanged" title="3 &lt;unchanged&gt;">unchanged</span>)");
}

}  // namespace
}  // namespace perfgate
