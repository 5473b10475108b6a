// ConfigProblem: one thing wrong with a setting, naming its field ("train.lr"), so that a form can
// mark every bad field at once and the CLI can list them all in one error.
#pragma once
#include <string>
#include <vector>

namespace ft {

struct ConfigProblem {
    std::string field;   // the JSON key at fault ("train.lr", "lora.targets", "data")
    std::string message; // a whole sentence that starts with the field
    std::string hint;    // what to do about it ("" when the message says it)
};

// A problem whose message starts with the field it names ("train.lr must be ..." -> "train.lr").
ConfigProblem problemFromMessage(const std::string& message, const std::string& hint = {});

// The problems' messages, one per line.
std::string problemsText(const std::vector<ConfigProblem>& problems);

// Throws ft::Error listing every problem (one per line) with the first one's hint; returns when
// there is none.
void throwIfAny(const std::vector<ConfigProblem>& problems);

} // namespace ft
