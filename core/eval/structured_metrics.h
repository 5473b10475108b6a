// Metrics for structured replies: JSON (is the reply valid JSON; how many of the reference's leaf
// values it reproduces) and labels (replies drawn from a small set: accuracy, per-label precision
// and recall, confusion matrix; the label set is detected from the references or given).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ft::eval {

// Reply text as JSON: surrounding whitespace and a Markdown code fence (```json ... ```) are allowed.
bool isJson(const std::string& text);
// Of the reference's leaves (values reached through object keys and array indices), the fraction
// the prediction has at the same path with an equal value (numbers compare as numbers).
// Empty when the reference is not JSON; 0 when the prediction is not.
std::optional<double> jsonAgreement(const std::string& prediction, const std::string& reference);

// The same comparison leaf by leaf, for showing: each of the reference's fields ("item",
// "items/0/qty"), the value expected, the value the prediction has there ("" when it has none) and
// whether they agree. Empty when the reference is not JSON; every field wrong when the prediction
// is not.
struct FieldVerdict {
    std::string field, expected, got;
    bool right = false;
};
std::vector<FieldVerdict> jsonFieldVerdicts(const std::string& prediction, const std::string& reference);

// The labels when the references look like a classification: at least 4 references, between 2 and
// min(20, n/2) distinct normalised values, none longer than 4 words. Empty otherwise.
std::vector<std::string> detectLabels(const std::vector<std::string>& references);

struct LabelReport {
    std::vector<std::string> labels;             // normalised; the matrix's rows and columns, then "(other)"
    std::vector<std::vector<int64_t>> confusion; // [reference label][predicted label or other]
    std::map<std::string, double> precision, recall;
    double accuracy = 0;
};
LabelReport labelReport(const std::vector<std::string>& predictions, const std::vector<std::string>& references,
                        const std::vector<std::string>& labels);

} // namespace ft::eval
