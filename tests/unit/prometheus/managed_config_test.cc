#include "prometheus/managed_config.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace perfgate {
namespace {

TEST(ManagedPrometheusYamlTest, ScrapesAndEvaluatesAtTheConfiguredInterval) {
  YAML::Node config = YAML::Load(ManagedPrometheusYaml(std::chrono::seconds(1), "/tmp/t"));
  EXPECT_EQ(config["global"]["scrape_interval"].as<std::string>(), "1s");
  EXPECT_EQ(config["global"]["evaluation_interval"].as<std::string>(), "1s");
  EXPECT_EQ(config["global"]["scrape_timeout"].as<std::string>(), "1s");
}

TEST(ManagedPrometheusYamlTest, ScrapeTimeoutNeverExceedsTenSeconds) {
  YAML::Node config = YAML::Load(ManagedPrometheusYaml(std::chrono::minutes(1), "/tmp/t"));
  EXPECT_EQ(config["global"]["scrape_interval"].as<std::string>(), "60s");
  EXPECT_EQ(config["global"]["scrape_timeout"].as<std::string>(), "10s");
}

TEST(ManagedPrometheusYamlTest, OneJobDiscoversTheJsonFilesOfTheTargetsDir) {
  YAML::Node config =
      YAML::Load(ManagedPrometheusYaml(std::chrono::milliseconds(1500), "/work dir/\"t\""));
  ASSERT_EQ(config["scrape_configs"].size(), 1u);
  YAML::Node job = config["scrape_configs"][0];
  EXPECT_EQ(job["job_name"].as<std::string>(), kManagedScrapeJob);
  ASSERT_EQ(job["file_sd_configs"].size(), 1u);
  YAML::Node file_sd = job["file_sd_configs"][0];
  ASSERT_EQ(file_sd["files"].size(), 1u);
  EXPECT_EQ(file_sd["files"][0].as<std::string>(), "/work dir/\"t\"/*.json");
  EXPECT_EQ(file_sd["refresh_interval"].as<std::string>(), "1s");
  EXPECT_EQ(config["global"]["scrape_interval"].as<std::string>(), "1500ms");
}

}  // namespace
}  // namespace perfgate
