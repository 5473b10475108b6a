// Metrics for structured replies: JSON agreement and labels (detected, and their report).
#include "eval/structured_metrics.h"

#include "eval/text_metrics.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace ft::eval {

using json = nlohmann::json;

namespace {

std::optional<json> parse(const std::string& text) {
    std::string t = text;
    const auto fence = t.find("```");
    if (fence != std::string::npos) {
        const auto bodyStart = t.find('\n', fence);
        const auto close = bodyStart == std::string::npos ? std::string::npos : t.find("```", bodyStart);
        if (close != std::string::npos) t = t.substr(bodyStart + 1, close - bodyStart - 1);
    }
    try {
        return json::parse(t);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void leaves(const json& j, const std::string& path, std::vector<std::pair<std::string, json>>& out) {
    if (j.is_object() && !j.empty()) {
        for (auto it = j.begin(); it != j.end(); ++it) leaves(it.value(), path + "/" + it.key(), out);
    } else if (j.is_array() && !j.empty()) {
        for (size_t i = 0; i < j.size(); ++i) leaves(j[i], path + "/" + std::to_string(i), out);
    } else {
        out.emplace_back(path, j);
    }
}

bool sameValue(const json& a, const json& b) {
    if (a.is_number() && b.is_number())
        return std::fabs(a.get<double>() - b.get<double>()) <= 1e-9 * std::max(1.0, std::fabs(a.get<double>()));
    return a == b;
}

} // namespace

bool isJson(const std::string& text) {
    return parse(text).has_value();
}

std::vector<FieldVerdict> jsonFieldVerdicts(const std::string& prediction, const std::string& reference) {
    const auto ref = parse(reference);
    if (!ref || !(ref->is_object() || ref->is_array())) return {};
    const auto pred = parse(prediction);
    std::vector<std::pair<std::string, json>> refLeaves;
    leaves(*ref, "", refLeaves);
    std::vector<FieldVerdict> out;
    for (const auto& [path, value] : refLeaves) {
        FieldVerdict v;
        v.field = path.empty() ? std::string("(value)") : path.substr(1);
        v.expected = value.is_string() ? value.get<std::string>() : value.dump();
        try {
            const json::json_pointer ptr(path.empty() ? "" : path);
            if (pred && pred->contains(ptr)) {
                const json& got = pred->at(ptr);
                v.got = got.is_string() ? got.get<std::string>() : got.dump();
                v.right = sameValue(got, value);
            }
        } catch (const std::exception&) { // a path through a value of another type
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::optional<double> jsonAgreement(const std::string& prediction, const std::string& reference) {
    const auto ref = parse(reference);
    if (!ref || !(ref->is_object() || ref->is_array())) return std::nullopt;
    const std::vector<FieldVerdict> verdicts = jsonFieldVerdicts(prediction, reference);
    if (verdicts.empty()) return 1.0;
    const auto right = std::count_if(verdicts.begin(), verdicts.end(), [](const FieldVerdict& v) { return v.right; });
    return double(right) / double(verdicts.size());
}

std::vector<std::string> detectLabels(const std::vector<std::string>& references) {
    if (references.size() < 4) return {};
    std::set<std::string> distinct;
    for (const auto& r : references) {
        if (normalizedWords(r).size() > 4 || normalize(r).empty()) return {};
        distinct.insert(normalize(r));
    }
    const size_t most = std::min<size_t>(20, references.size() / 2);
    if (distinct.size() < 2 || distinct.size() > most) return {};
    return {distinct.begin(), distinct.end()};
}

LabelReport labelReport(const std::vector<std::string>& predictions, const std::vector<std::string>& references,
                        const std::vector<std::string>& labels) {
    LabelReport r;
    for (const auto& l : labels) r.labels.push_back(normalize(l));
    const size_t k = r.labels.size();
    r.confusion.assign(k, std::vector<int64_t>(k + 1, 0));
    auto indexOf = [&](const std::string& text) {
        const std::string n = normalize(text);
        const auto it = std::find(r.labels.begin(), r.labels.end(), n);
        return it == r.labels.end() ? k : size_t(it - r.labels.begin());
    };
    int64_t correct = 0, counted = 0;
    for (size_t i = 0; i < references.size() && i < predictions.size(); ++i) {
        const size_t ref = indexOf(references[i]);
        if (ref == k) continue; // a reference outside the label set is not a classification case
        const size_t pred = indexOf(predictions[i]);
        ++r.confusion[ref][pred];
        correct += ref == pred;
        ++counted;
    }
    r.accuracy = counted ? double(correct) / double(counted) : 0.0;
    for (size_t l = 0; l < k; ++l) {
        int64_t predicted = 0, actual = 0;
        for (size_t x = 0; x < k; ++x) predicted += r.confusion[x][l];
        for (size_t y = 0; y <= k; ++y) actual += r.confusion[l][y];
        r.precision[r.labels[l]] = predicted ? double(r.confusion[l][l]) / double(predicted) : 0.0;
        r.recall[r.labels[l]] = actual ? double(r.confusion[l][l]) / double(actual) : 0.0;
    }
    r.labels.push_back("(other)");
    return r;
}

} // namespace ft::eval
