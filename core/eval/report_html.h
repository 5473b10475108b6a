// The evaluation report as one self-contained HTML page (no scripts, no external files): headline
// metrics with their intervals as inline SVG, likelihood, differences, confusion matrices,
// regressions first, every example, and the settings and fingerprints. Input: report.json.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace ft::eval {

std::string reportHtml(const nlohmann::json& report);
std::string escapeHtml(const std::string& text);

} // namespace ft::eval
