// The evaluation report as one self-contained HTML page.
#include "eval/report_html.h"

#include <cstdio>
#include <filesystem>

namespace ft::eval {

using json = nlohmann::json;

namespace {

std::string num(double v, int digits = 3) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

const char* systemColor(const std::string& s) {
    return s == "tuned" ? "#2ca02c" : s == "few_shot" ? "#ff7f0e" : "#1f77b4";
}

std::string systemName(const std::string& s) {
    return s == "few_shot" ? "few-shot" : s;
}

// Horizontal bars in [0, max] with whiskers for the interval.
std::string barChart(const std::vector<std::tuple<std::string, double, double, double>>& bars, double max, const std::string& title) {
    const int width = 560, row = 34, left = 90, plot = width - left - 70;
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='" + std::to_string(width) + "' height='" +
                      std::to_string(int(bars.size()) * row + 34) + "' role='img' aria-label='" + escapeHtml(title) + "'>";
    svg += "<text x='0' y='14' font-size='13' font-weight='bold'>" + escapeHtml(title) + "</text>";
    int y = 24;
    for (const auto& [name, mean, low, high] : bars) {
        auto x = [&](double v) { return left + int(plot * std::max(0.0, std::min(v, max)) / (max > 0 ? max : 1)); };
        svg += "<text x='0' y='" + std::to_string(y + 17) + "' font-size='12'>" + escapeHtml(systemName(name)) + "</text>";
        svg += "<rect x='" + std::to_string(left) + "' y='" + std::to_string(y + 4) + "' width='" + std::to_string(x(mean) - left) +
               "' height='18' fill='" + systemColor(name) + "'/>";
        if (high > low)
            svg += "<line x1='" + std::to_string(x(low)) + "' x2='" + std::to_string(x(high)) + "' y1='" + std::to_string(y + 13) +
                   "' y2='" + std::to_string(y + 13) + "' stroke='#000' stroke-width='1.5'/>";
        svg += "<text x='" + std::to_string(x(std::max(mean, high)) + 6) + "' y='" + std::to_string(y + 17) + "' font-size='12'>" +
               num(mean) + "</text>";
        y += row;
    }
    return svg + "</svg>";
}

} // namespace

std::string escapeHtml(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string reportHtml(const json& r) {
    const std::vector<std::string> systems = r.value("systems", std::vector<std::string>{});
    const std::string headline = r.value("headline_metric", "");
    const std::string runName = std::filesystem::path(r.value("run", "")).filename().string();
    std::string h =
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Evaluation: " + escapeHtml(runName) +
        "</title><style>"
        "body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}"
        ".reg{background:#fde8e6}.num{text-align:right;font-variant-numeric:tabular-nums}.pre{white-space:pre-wrap;max-width:320px}"
        ".note{color:#666}@media print{.pagebreak{page-break-before:always}}</style></head><body>";
    h += "<h1>Evaluation of " + escapeHtml(runName) + "</h1>";
    h += "<p>" + std::to_string(r.value("examples", 0)) + " " + escapeHtml(r.value("split", "")) +
         " examples; task: " + escapeHtml(r["task"].value("kind", "")) + "; headline metric: <b>" + escapeHtml(headline) + "</b>.</p>";

    // Headline chart and the differences.
    std::vector<std::tuple<std::string, double, double, double>> bars;
    for (const auto& s : systems)
        if (r["metrics"].contains(s) && r["metrics"][s].contains(headline)) {
            const json& m = r["metrics"][s][headline];
            bars.emplace_back(s, m["mean"].get<double>(), m["low"].get<double>(), m["high"].get<double>());
        }
    h += barChart(bars, 1.0, headline + " (95% bootstrap interval)");
    for (auto it = r["differences"].begin(); it != r["differences"].end(); ++it) {
        const json& d = it.value();
        const bool significant = d.value("significant", false);
        h += "<p>" + escapeHtml(it.key()) + ": " + num(d["mean"].get<double>()) + " [" + num(d["low"].get<double>()) + ", " +
             num(d["high"].get<double>()) + "] — " + (significant ? "<b>a real difference</b>" : "<span class='note'>within noise</span>") +
             "</p>";
    }

    // Likelihood.
    if (r.contains("likelihood")) {
        h += "<h2>Likelihood of the reference replies</h2><table><tr><th></th><th>loss</th><th>perplexity</th><th>tokens</th></tr>";
        for (const char* s : {"base", "tuned"})
            if (r["likelihood"].contains(s))
                h += std::string("<tr><td>") + s + "</td><td class='num'>" + num(r["likelihood"][s]["loss"].get<double>(), 4) +
                     "</td><td class='num'>" + num(r["likelihood"][s]["ppl"].get<double>(), 2) + "</td><td class='num'>" +
                     std::to_string(r["likelihood"][s]["tokens"].get<int64_t>()) + "</td></tr>";
        h += "</table>";
    }

    // Every metric.
    h += "<h2>Metrics</h2><table><tr><th>metric</th>";
    for (const auto& s : systems) h += "<th>" + escapeHtml(systemName(s)) + "</th>";
    h += "</tr>";
    if (!systems.empty() && r["metrics"].contains(systems[0]))
        for (auto it = r["metrics"][systems[0]].begin(); it != r["metrics"][systems[0]].end(); ++it) {
            h += "<tr><td>" + escapeHtml(it.key()) + "</td>";
            for (const auto& s : systems) {
                const json& m = r["metrics"][s][it.key()];
                h += "<td class='num'>" + num(m["mean"].get<double>()) + " <span class='note'>[" + num(m["low"].get<double>()) + ", " +
                     num(m["high"].get<double>()) + "]</span></td>";
            }
            h += "</tr>";
        }
    h += "</table>";

    // Confusion matrices.
    for (auto it = r["labels"].begin(); it != r["labels"].end(); ++it) {
        const json& l = it.value();
        h += "<h3>Labels: " + escapeHtml(systemName(it.key())) + " (accuracy " + num(l["accuracy"].get<double>()) +
             ")</h3><table><tr><th>reference \\ reply</th>";
        for (const auto& name : l["labels"]) h += "<th>" + escapeHtml(name.get<std::string>()) + "</th>";
        h += "<th>recall</th></tr>";
        for (size_t row = 0; row < l["confusion"].size(); ++row) {
            const std::string name = l["labels"][row].get<std::string>();
            h += "<tr><th>" + escapeHtml(name) + "</th>";
            for (const auto& c : l["confusion"][row]) h += "<td class='num'>" + std::to_string(c.get<int64_t>()) + "</td>";
            h += "<td class='num'>" + num(l["recall"].value(name, 0.0)) + "</td></tr>";
        }
        h += "</table>";
    }

    // Examples, regressions first.
    h += "<h2 class='pagebreak'>Examples</h2><p>" + std::to_string(r.value("regressions", 0)) +
         " regression(s): examples where the tuned model scores below the base on " + escapeHtml(headline) + " (shaded, listed first).</p>";
    h += "<table><tr><th>#</th><th>prompt</th><th>reference</th>";
    for (const auto& s : systems) h += "<th>" + escapeHtml(systemName(s)) + "</th>";
    h += "<th>winner</th></tr>";
    for (const json& e : r["per_example"]) {
        h += std::string("<tr") + (e.value("regression", false) ? " class='reg'" : "") + "><td>" + std::to_string(e["id"].get<int64_t>()) +
             "</td><td class='pre'>" + escapeHtml(e.value("prompt", "")) + "</td><td class='pre'>" + escapeHtml(e.value("reference", "")) +
             "</td>";
        for (const auto& s : systems)
            h += "<td class='pre'>" + escapeHtml(e[s].value("reply", "")) + "<br><span class='note'>" + escapeHtml(headline) + " " +
                 num(e[s]["metrics"].value(headline, 0.0), 2) + "</span></td>";
        h += "<td>" + escapeHtml(systemName(e.value("winner", ""))) + "</td></tr>";
    }
    h += "</table>";

    // Settings and fingerprints.
    h += "<h2>Settings</h2><table>";
    for (auto it = r["settings"].begin(); it != r["settings"].end(); ++it)
        h += "<tr><th>" + escapeHtml(it.key()) + "</th><td>" + escapeHtml(it.value().dump()) + "</td></tr>";
    for (auto it = r["fingerprints"].begin(); it != r["fingerprints"].end(); ++it)
        h += "<tr><th>" + escapeHtml(it.key()) + "</th><td>" +
             escapeHtml(it.value().is_string() ? it.value().get<std::string>() : it.value().dump()) + "</td></tr>";
    h += "<tr><th>adapter</th><td>" + escapeHtml(r.value("adapter", "")) + "</td></tr></table>";
    h += "<p class='note'>Written by finetune eval. Intervals: percentile bootstrap over examples.</p></body></html>\n";
    return h;
}

} // namespace ft::eval
