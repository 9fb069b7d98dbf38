// The API server of api_fixture.h asked for the web UI's pages.
#pragma once

#include <string>
#include <vector>

#include "api_fixture.h"

namespace perfgate::testing {

class PageTest : public ApiTest {
 protected:
  // GET `path`; the answer must be an HTML page with `status`.
  std::string Page(const std::string& path, int status = 200,
                   const httplib::Headers& headers = {}) {
    httplib::Client client = Raw();
    httplib::Result result = client.Get(path, headers);
    EXPECT_TRUE(result) << path << ": " << httplib::to_string(result.error());
    if (!result) return {};
    EXPECT_EQ(result->status, status) << path << "\n" << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    return result->body;
  }

  // A queued job of `kind` for `commit`.
  Job Queue(JobKind kind, const std::string& commit, const std::string& ref,
            std::vector<std::string> scenarios = {}) {
    JobRequest request{.kind = kind,
                       .commit = commit,
                       .ref = ref,
                       .scenarios = std::move(scenarios),
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "test"};
    auto job = store_->CreateJob(request, SystemClock().Now());
    EXPECT_TRUE(job) << job.error().ToString();
    return job.value_or(Job{});
  }
};

}  // namespace perfgate::testing
