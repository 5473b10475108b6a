// Metrics of a reply against its reference: exact match, token F1, ROUGE-L, chrF.
#include "eval/text_metrics.h"

#include "tokenizer/unicode.h"

#include <algorithm>
#include <map>

namespace ft::eval {

namespace {

std::string trim(const std::string& s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    const auto end = s.find_last_not_of(" \t\r\n");
    return s.substr(begin, end - begin + 1);
}

double f1(double precision, double recall, double beta = 1.0) {
    const double b2 = beta * beta;
    const double denom = b2 * precision + recall;
    return denom > 0 ? (1 + b2) * precision * recall / denom : 0.0;
}

} // namespace

std::string normalize(const std::string& text) {
    std::string lowered;
    for (uint32_t cp : unicode::toCodepoints(unicode::nfc(text))) {
        const auto cat = unicode::category(cp);
        if (cat == unicode::Punctuation || unicode::isWhiteSpace(cp)) cp = ' ';
        unicode::appendUtf8(lowered, unicode::simpleLowercase(cp));
    }
    std::string out;
    size_t pos = 0;
    while (pos < lowered.size()) {
        const size_t start = lowered.find_first_not_of(' ', pos);
        if (start == std::string::npos) break;
        size_t end = lowered.find(' ', start);
        if (end == std::string::npos) end = lowered.size();
        const std::string word = lowered.substr(start, end - start);
        if (word != "a" && word != "an" && word != "the") out += (out.empty() ? "" : " ") + word;
        pos = end;
    }
    return out;
}

std::vector<std::string> normalizedWords(const std::string& text) {
    std::vector<std::string> words;
    const std::string n = normalize(text);
    size_t pos = 0;
    while (pos < n.size()) {
        size_t end = n.find(' ', pos);
        if (end == std::string::npos) end = n.size();
        words.push_back(n.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
}

double exactMatch(const std::string& prediction, const std::string& reference) {
    return trim(prediction) == trim(reference) ? 1.0 : 0.0;
}

double normalizedExactMatch(const std::string& prediction, const std::string& reference) {
    return normalize(prediction) == normalize(reference) ? 1.0 : 0.0;
}

double tokenF1(const std::string& prediction, const std::string& reference) {
    const auto p = normalizedWords(prediction), r = normalizedWords(reference);
    if (p.empty() || r.empty()) return p.empty() && r.empty() ? 1.0 : 0.0;
    std::map<std::string, int> counts;
    for (const auto& w : r) ++counts[w];
    int common = 0;
    for (const auto& w : p)
        if (counts[w] > 0) --counts[w], ++common;
    return f1(double(common) / double(p.size()), double(common) / double(r.size()));
}

double rougeL(const std::string& prediction, const std::string& reference) {
    const auto p = normalizedWords(prediction), r = normalizedWords(reference);
    if (p.empty() || r.empty()) return p.empty() && r.empty() ? 1.0 : 0.0;
    std::vector<int> prev(r.size() + 1, 0), cur(r.size() + 1, 0);
    for (size_t i = 1; i <= p.size(); ++i) {
        for (size_t j = 1; j <= r.size(); ++j) cur[j] = p[i - 1] == r[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    const double lcs = prev[r.size()];
    return f1(lcs / double(p.size()), lcs / double(r.size()));
}

double chrF(const std::string& prediction, const std::string& reference, int maxOrder, double beta) {
    auto chars = [](const std::string& s) {
        std::vector<uint32_t> out;
        for (uint32_t cp : unicode::toCodepoints(unicode::nfc(s)))
            if (!unicode::isWhiteSpace(cp)) out.push_back(cp);
        return out;
    };
    const auto p = chars(prediction), r = chars(reference);
    if (p.empty() || r.empty()) return p.empty() && r.empty() ? 1.0 : 0.0;
    double total = 0;
    int orders = 0;
    for (int n = 1; n <= maxOrder; ++n) {
        if (p.size() < size_t(n) || r.size() < size_t(n)) break;
        std::map<std::vector<uint32_t>, int> refCounts;
        for (size_t i = 0; i + size_t(n) <= r.size(); ++i) ++refCounts[std::vector<uint32_t>(r.begin() + long(i), r.begin() + long(i) + n)];
        int matches = 0;
        for (size_t i = 0; i + size_t(n) <= p.size(); ++i) {
            auto it = refCounts.find(std::vector<uint32_t>(p.begin() + long(i), p.begin() + long(i) + n));
            if (it != refCounts.end() && it->second > 0) --it->second, ++matches;
        }
        const double precision = double(matches) / double(p.size() - size_t(n) + 1);
        const double recall = double(matches) / double(r.size() - size_t(n) + 1);
        total += f1(precision, recall, beta);
        ++orders;
    }
    return orders ? total / orders : 0.0;
}

} // namespace ft::eval
