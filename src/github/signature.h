// The signature GitHub puts on every webhook delivery: X-Hub-Signature-256 is "sha256=" and
// the lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's secret.
#pragma once

#include <string>
#include <string_view>

namespace perfgate {

inline constexpr char kSignatureHeader[] = "X-Hub-Signature-256";

// "sha256=<64 hex>" of `body` under `secret`.
std::string WebhookSignature(std::string_view secret, std::string_view body);

// Whether `header` is the signature of `body` under `secret`, compared in constant time so
// that the answer's timing does not tell how much of a forgery was right. False for an empty
// secret: no delivery is trusted without one.
bool VerifyWebhookSignature(std::string_view secret, std::string_view body,
                            std::string_view header);

}  // namespace perfgate
