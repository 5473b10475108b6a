// The training methods' names.
#include "train/train_method.h"

#include "util/error.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ft {

const char* trainMethodName(TrainMethod m) {
    switch (m) {
    case TrainMethod::Lora: return "lora";
    case TrainMethod::Qlora: return "qlora";
    case TrainMethod::Dora: return "dora";
    case TrainMethod::Full: return "full";
    }
    return "lora";
}

TrainMethod trainMethodFromName(const std::string& n) {
    for (TrainMethod m : {TrainMethod::Lora, TrainMethod::Qlora, TrainMethod::Dora, TrainMethod::Full})
        if (n == trainMethodName(m)) return m;
    throw Error("\"" + n + "\" is not a training method", "use lora, qlora, dora or full");
}

std::vector<int64_t> parseLayerList(const std::string& text) {
    std::set<int64_t> layers;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        const auto first = part.find_first_not_of(" \t"), last = part.find_last_not_of(" \t");
        if (first == std::string::npos) continue;
        part = part.substr(first, last - first + 1);
        const auto dash = part.find('-', 1);
        try {
            size_t used = 0;
            const int64_t from = std::stoll(part.substr(0, dash), &used);
            if (used != (dash == std::string::npos ? part.size() : dash)) throw std::invalid_argument(part);
            int64_t to = from;
            if (dash != std::string::npos) {
                const std::string rest = part.substr(dash + 1);
                to = std::stoll(rest, &used);
                if (used != rest.size()) throw std::invalid_argument(part);
            }
            if (from < 0 || to < from) throw std::invalid_argument(part);
            for (int64_t l = from; l <= to; ++l) layers.insert(l);
        } catch (const std::logic_error&) {
            throw Error("\"" + part + "\" is not a layer number or a range of them", "write layers as 0, 5, 20-23");
        }
    }
    return {layers.begin(), layers.end()};
}

std::string layerListText(const std::vector<int64_t>& layers) {
    std::vector<int64_t> sorted(layers);
    std::sort(sorted.begin(), sorted.end());
    std::string out;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(sorted[i]) + (j > i ? "-" + std::to_string(sorted[j]) : "");
        i = j + 1;
    }
    return out;
}

} // namespace ft
