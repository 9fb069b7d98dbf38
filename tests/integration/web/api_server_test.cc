// The server's answers to raw HTTP: routes, auth, error envelopes, hostile input, metrics.
#include <fmt/format.h>

#include <thread>

#include "api_fixture.h"

namespace perfgate::testing {
namespace {

using ApiServerTest = ApiTest;

// The parsed error envelope of an answer, after checking its status.
nlohmann::json ErrorOf(const httplib::Result& result, int status) {
  EXPECT_TRUE(result) << "no answer: " << httplib::to_string(result.error());
  if (!result) return {};
  EXPECT_EQ(result->status, status) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  EXPECT_TRUE(body.is_object() && body.contains("error")) << result->body;
  if (!body.is_object() || !body.contains("error")) return {};
  for (const char* key : {"code", "message", "where", "fix"}) {
    EXPECT_TRUE(body["error"][key].is_string()) << key << " in " << result->body;
  }
  return body["error"];
}

httplib::Result PostJob(httplib::Client& client, const std::string& body) {
  return client.Post("/api/v1/jobs", Bearer(), body, "application/json");
}

TEST_F(ApiServerTest, HealthzAnswersOkWithoutAToken) {
  StartServer(kToken, "read-token");
  auto client = Raw();
  auto result = client.Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "ok\n");
}

TEST_F(ApiServerTest, CreateAnswers201WithTheJobAndItsLocation) {
  auto client = Raw();
  auto result = PostJob(client, R"({"commit": "main", "kind": "baseline"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201) << result->body;
  nlohmann::json job = nlohmann::json::parse(result->body);
  EXPECT_EQ(job["commit"], kMainSha);
  EXPECT_EQ(job["state"], "queued");
  EXPECT_EQ(job["duplicate"], false);
  EXPECT_EQ(result->get_header_value("Location"), "/api/v1/jobs/" + job["id"].dump());

  auto duplicate = PostJob(client, R"({"commit": "main", "kind": "baseline"})");
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 200);
  EXPECT_EQ(nlohmann::json::parse(duplicate->body)["duplicate"], true);
}

TEST_F(ApiServerTest, NewAndRetriedJobsAreToldToTheWorkersButDuplicatesAreNot) {
  auto client = Raw();
  auto created = PostJob(client, R"({"commit": "main", "kind": "experiment"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(jobs_queued_, 1);
  auto duplicate = PostJob(client, R"({"commit": "main", "kind": "experiment"})");
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 200);
  ErrorOf(PostJob(client, R"({"commit": "nowhere", "kind": "experiment"})"), 422);
  EXPECT_EQ(jobs_queued_, 1);

  std::string job = "/api/v1/jobs/" + nlohmann::json::parse(created->body)["id"].dump();
  auto cancelled = client.Post(job + "/cancel", Bearer(), "", "text/plain");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, 200) << cancelled->body;
  EXPECT_EQ(jobs_queued_, 1);
  auto retried = client.Post(job + "/retry", Bearer(), "", "text/plain");
  ASSERT_TRUE(retried);
  EXPECT_EQ(retried->status, 201) << retried->body;
  EXPECT_EQ(jobs_queued_, 2);
  std::string again = "/api/v1/jobs/" + nlohmann::json::parse(retried->body)["id"].dump();
  ErrorOf(client.Post(again + "/retry", Bearer(), "", "text/plain"), 409);  // still queued
  EXPECT_EQ(jobs_queued_, 2);
}

TEST_F(ApiServerTest, MalformedJsonIs400) {
  auto client = Raw();
  for (const char* body : {"{\"commit\": ", "not json", "{\"a\": 1}}", "\xff\xfe"}) {
    nlohmann::json error = ErrorOf(PostJob(client, body), 400);
    EXPECT_EQ(error["code"], "bad_request") << body;
  }
  EXPECT_EQ(ErrorOf(PostJob(client, ""), 400)["message"], "the request has no body");
}

TEST_F(ApiServerTest, InvalidFieldsAre422NamingEachField) {
  auto client = Raw();
  nlohmann::json error =
      ErrorOf(PostJob(client, R"({"commit": 7, "kind": "nightly", "scenarios": ["nope"],
                                  "pull_request": "x", "extra": true})"),
              422);
  EXPECT_EQ(error["code"], "invalid_fields");
  std::vector<std::string> fields;
  for (const auto& field : error["fields"]) fields.push_back(field["field"]);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"extra", "commit", "kind", "scenarios[0]", "pull_request"}));
  EXPECT_NE(
      error["message"].get<std::string>().find("kind: must be one of baseline, test, experiment"),
      std::string::npos);
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());
}

TEST_F(ApiServerTest, UnknownRevisionsAre422ForEachField) {
  auto client = Raw();
  nlohmann::json error =
      ErrorOf(PostJob(client, R"({"commit": "nope", "kind": "test", "base": "gone"})"), 422);
  ASSERT_EQ(error["fields"].size(), 2u);
  EXPECT_EQ(error["fields"][0]["field"], "commit");
  EXPECT_EQ(error["fields"][1]["field"], "base");
}

TEST_F(ApiServerTest, DeeplyNestedJsonIsRefusedWithoutCrashing) {
  auto client = Raw();
  std::string nested = std::string(100000, '[') + std::string(100000, ']');
  ErrorOf(PostJob(client, nested), 422);
}

TEST_F(ApiServerTest, ABodyOverTheLimitIs413) {
  auto client = Raw();
  std::string huge =
      R"({"commit": "main", "kind": "test", "padding": ")" + std::string(2 << 20, 'x') + "\"}";
  nlohmann::json error = ErrorOf(PostJob(client, huge), 413);
  EXPECT_EQ(error["code"], "payload_too_large");
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());
  // The server still serves afterwards.
  auto health = Raw().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ApiServerTest, UnknownRoutesAre404AndWrongMethods405) {
  auto client = Raw();
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/nothing"), 404)["code"], "not_found");
  EXPECT_EQ(ErrorOf(client.Get("/api/v2/jobs"), 404)["code"], "not_found");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs/abc"), 404)["code"], "not_found");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs/99999999999999999999999"), 404)["code"], "not_found");
  EXPECT_EQ(ErrorOf(client.Delete("/api/v1/jobs", Bearer()), 405)["code"], "method_not_allowed");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs/1/cancel"), 405)["fix"], "use POST");
  EXPECT_EQ(ErrorOf(client.Put("/healthz", "", "text/plain"), 405)["fix"], "use GET");
}

TEST_F(ApiServerTest, BadQueryParametersAre422) {
  auto client = Raw();
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs?limit=abc"), 422)["fields"][0]["field"], "limit");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs?limit=0"), 422)["fields"][0]["field"], "limit");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs?state=done"), 422)["fields"][0]["field"], "state");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs?before=-3"), 422)["fields"][0]["field"], "before");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/jobs/1/log?offset=-1"), 422)["fields"][0]["field"],
            "offset");
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/history?metric=latency"), 422)["fields"][0]["field"],
            "scenario");
}

TEST_F(ApiServerTest, MutationsNeedTheApiToken) {
  auto client = Raw();
  const std::string body = R"({"commit": "main", "kind": "test"})";
  auto missing = client.Post("/api/v1/jobs", body, "application/json");
  EXPECT_EQ(ErrorOf(missing, 401)["code"], "unauthorized");
  EXPECT_EQ(missing->get_header_value("WWW-Authenticate"), "Bearer");
  auto wrong = client.Post("/api/v1/jobs", Bearer("guess"), body, "application/json");
  EXPECT_EQ(ErrorOf(wrong, 403)["code"], "forbidden");
  EXPECT_EQ(
      ErrorOf(client.Post("/api/v1/jobs/1/cancel", Bearer("guess"), "", "text/plain"), 403)["code"],
      "forbidden");
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());
  // Reads stay open without a read token.
  auto list = client.Get("/api/v1/jobs");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
}

TEST_F(ApiServerTest, WithoutAnApiTokenEveryMutationIsRefusedNamingTheVariable) {
  StartServer("", "");
  auto client = Raw();
  nlohmann::json error = ErrorOf(PostJob(client, R"({"commit": "main", "kind": "test"})"), 403);
  EXPECT_NE(error["fix"].get<std::string>().find("PERFGATE_TEST_API_TOKEN"), std::string::npos);
}

TEST_F(ApiServerTest, AReadTokenGuardsReads) {
  StartServer(kToken, "read-token");
  auto client = Raw();
  ErrorOf(client.Get("/api/v1/jobs"), 401);
  ErrorOf(client.Get("/api/v1/jobs", Bearer("guess")), 403);
  ErrorOf(client.Get("/metrics"), 401);
  for (const char* token : {"read-token", kToken}) {
    auto result = client.Get("/api/v1/jobs", Bearer(token));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << token;
  }
}

TEST_F(ApiServerTest, LogAnswersTextWithOffsetAndStateHeaders) {
  auto client = Raw();
  auto created = PostJob(client, R"({"commit": "main", "kind": "experiment"})");
  ASSERT_TRUE(created);
  JobId id = nlohmann::json::parse(created->body)["id"];
  AppendLog(id, "line one\n");
  auto log = client.Get("/api/v1/jobs/" + std::to_string(id) + "/log?offset=5");
  ASSERT_TRUE(log);
  EXPECT_EQ(log->status, 200);
  EXPECT_EQ(log->body, "one\n");
  EXPECT_EQ(log->get_header_value("X-Log-Offset"), "9");
  EXPECT_EQ(log->get_header_value("X-Job-State"), "queued");
  EXPECT_EQ(log->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  ErrorOf(client.Get("/api/v1/jobs/12345/log"), 404);
}

TEST_F(ApiServerTest, RunsAreFoundByTheirId) {
  Job job = FinishedJob(JobKind::kBaseline, Sha('b'), {1.0, 3.0});
  auto runs = store_->ListRuns(job.id);
  ASSERT_TRUE(runs && runs->size() == 1u);
  auto client = Raw();
  auto result = client.Get("/api/v1/runs/" + std::to_string((*runs)[0].id));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json run = nlohmann::json::parse(result->body);
  EXPECT_EQ(run["job"], job.id);
  EXPECT_EQ(run["scenario"], "http-api");
  ASSERT_EQ(run["results"].size(), 1u);
  EXPECT_EQ(run["results"][0]["median"], 2.0);
  ErrorOf(client.Get("/api/v1/runs/777"), 404);
}

TEST_F(ApiServerTest, ComparisonsCompareTwoJobsByIdOrRevision) {
  Job base = FinishedJob(JobKind::kBaseline, kMainSha, {1.0, 1.1, 0.9, 1.0, 1.05});
  Job head = FinishedJob(JobKind::kExperiment, kFeatureSha, {2.0, 2.1, 1.9, 2.0, 2.05});
  auto client = Raw();
  for (const std::string& query :
       {"base=" + std::to_string(base.id) + "&head=" + std::to_string(head.id),
        std::string("base=main&head=feature")}) {
    auto result = client.Get("/api/v1/comparisons?" + query);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << query << ": " << result->body;
    nlohmann::json comparison = nlohmann::json::parse(result->body);
    EXPECT_EQ(comparison["base"]["job"], base.id);
    EXPECT_EQ(comparison["candidate"]["job"], head.id);
    ASSERT_EQ(comparison["series"].size(), 1u);
    EXPECT_EQ(comparison["series"][0]["verdict"], "regression");
  }
  EXPECT_EQ(ErrorOf(client.Get("/api/v1/comparisons?base=main"), 422)["fields"][0]["field"],
            "head");
  ErrorOf(client.Get("/api/v1/comparisons?base=main&head=nope"), 422);
  ErrorOf(client.Get("/api/v1/comparisons?base=main&head=" + Sha('9')), 404);  // never measured
  ErrorOf(client.Get("/api/v1/comparisons?base=main&head=4242"), 404);
}

TEST_F(ApiServerTest, HistoryListsTheMediansOfBaselineJobs) {
  FinishedJob(JobKind::kBaseline, Sha('1'), {1.0, 2.0, 3.0});
  FinishedJob(JobKind::kBaseline, Sha('2'), {4.0, 5.0, 6.0});
  FinishedJob(JobKind::kExperiment, Sha('3'), {9.0});  // not history
  auto result = Raw().Get("/api/v1/history?scenario=http-api&metric=latency");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json history = nlohmann::json::parse(result->body);
  ASSERT_EQ(history["points"].size(), 2u);
  EXPECT_EQ(history["points"][0]["commit"], Sha('1'));
  EXPECT_EQ(history["points"][0]["median"], 2.0);
  EXPECT_EQ(history["points"][1]["median"], 5.0);
}

TEST_F(ApiServerTest, MetricsReportQueueAndRequests) {
  auto client = Raw();
  ASSERT_TRUE(PostJob(client, R"({"commit": "main", "kind": "test"})"));
  ASSERT_TRUE(client.Get("/api/v1/jobs/1"));
  ASSERT_TRUE(client.Get("/api/v1/jobs/2"));  // unknown: 404
  FinishedJob(JobKind::kBaseline, Sha('b'), {1.0});
  auto result = client.Get("/metrics");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = result->body;
  auto has = [&](const std::string& line) { return text.find(line + "\n") != std::string::npos; };
  EXPECT_TRUE(has("perfgate_jobs{state=\"queued\"} 1")) << text;
  EXPECT_TRUE(has("perfgate_jobs{state=\"succeeded\"} 1")) << text;
  EXPECT_TRUE(has("perfgate_runs_total{state=\"succeeded\"} 1")) << text;
  EXPECT_TRUE(has("perfgate_job_duration_seconds_count{outcome=\"succeeded\"} 1")) << text;
  EXPECT_TRUE(
      has("perfgate_http_requests_total{code=\"201\",method=\"POST\",route=\"/api/v1/jobs\"} 1"))
      << text;
  EXPECT_TRUE(has(
      "perfgate_http_requests_total{code=\"200\",method=\"GET\",route=\"/api/v1/jobs/{id}\"} 1"))
      << text;
  EXPECT_TRUE(has(
      "perfgate_http_requests_total{code=\"404\",method=\"GET\",route=\"/api/v1/jobs/{id}\"} 1"))
      << text;
}

TEST_F(ApiServerTest, ConcurrentPostsAreAllStored) {
  constexpr int kThreads = 8;
  constexpr int kJobsPerThread = 10;
  std::vector<std::thread> threads;
  std::vector<int> created(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = Raw();
      for (int i = 0; i < kJobsPerThread; ++i) {
        std::string commit = fmt::format("{:040x}", t * 1000 + i + 1);
        auto result = PostJob(client, R"({"kind": "experiment", "commit": ")" + commit + "\"}");
        if (result && result->status == 201) ++created[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(created[t], kJobsPerThread) << "thread " << t;
  JobFilter all;
  all.limit = 1000;
  EXPECT_EQ(store_->ListJobs(all)->size(), static_cast<size_t>(kThreads * kJobsPerThread));
}

TEST_F(ApiServerTest, StartRefusesAnAddressInUseAndBadAddresses) {
  ApiServer second(Context(kToken, ""));
  auto in_use = second.Start("127.0.0.1:" + std::to_string(server_->port()));
  ASSERT_FALSE(in_use);
  EXPECT_EQ(in_use.error().kind, ErrorKind::kUnavailable);
  for (const char* bad : {"", "8080", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:http"}) {
    auto started = second.Start(bad);
    ASSERT_FALSE(started) << bad;
    EXPECT_EQ(started.error().kind, ErrorKind::kInvalidInput) << bad;
  }
  auto again = server_->Start("127.0.0.1:0");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kFailedPrecondition);
}

}  // namespace
}  // namespace perfgate::testing
