// Writes signed GitHub deliveries for bench/webhook_bench to send with wrk, one per line:
//
//   perfgate_webhook_deliveries PAYLOAD SECRET COUNT MODE > deliveries.tsv
//
// Each line is "delivery id<TAB>X-Hub-Signature-256<TAB>body". PAYLOAD is GitHub's example of
// a push (tests/testdata/github-payloads/push-payload.json), made a push of commit i to:
//   baseline  the default branch (main): each delivery queues a baseline job of its own;
//   ignored   another branch: each is answered 202, and nothing stored;
//   refused   the default branch, signed with another secret: each is answered 401.
// Bodies are compact JSON, which holds no tab or newline.
#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "github/signature.h"

namespace {

int Usage() {
  std::cerr << "usage: perfgate_webhook_deliveries PAYLOAD SECRET COUNT baseline|ignored|refused\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) return Usage();
  std::string mode = argv[4];
  int count = 0;
  std::string_view count_text = argv[3];
  auto [end, parsed] = std::from_chars(count_text.begin(), count_text.end(), count);
  if (parsed != std::errc() || end != count_text.end() || count <= 0 ||
      (mode != "baseline" && mode != "ignored" && mode != "refused")) {
    return Usage();
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json payload = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!in || payload.is_discarded()) {
    std::cerr << "perfgate_webhook_deliveries: " << argv[1] << " is not a JSON payload\n";
    return 1;
  }
  std::string secret = mode == "refused" ? std::string("not-") + argv[2] : argv[2];
  payload["ref"] = mode == "ignored" ? "refs/heads/elsewhere" : "refs/heads/main";
  payload["deleted"] = false;
  payload["created"] = false;
  for (int i = 0; i < count; ++i) {
    payload["after"] = fmt::format("{:040x}", i + 1);
    std::string body = payload.dump();
    std::string id = fmt::format("{:08x}-0000-4000-8000-{:012x}", i, i);
    std::cout << id << '\t' << perfgate::WebhookSignature(secret, body) << '\t' << body << '\n';
  }
  return std::cout.good() ? 0 : 1;
}
