// Example: one training conversation as the dataset store keeps it. Plain types only (the studio's
// dataset view includes this).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft {

enum class Split { Train, Validation, Test, Unassigned };
const char* splitName(Split split);           // "train", "validation", "test", "unassigned"
Split splitFromName(const std::string& name); // throws ft::Error naming the value

struct Message {
    std::string role; // "system", "user", "assistant"; "text" for raw documents (continued pre-training)
    std::string content;
};

struct Example {
    int64_t id = 0;
    int64_t datasetId = 0;
    std::vector<Message> messages; // an optional leading system message, then user/assistant turns
    Split split = Split::Unassigned;
    std::vector<std::string> tags;
    std::string note;
    std::string sourceFile;
    int64_t sourceLine = 0;
    int64_t created = 0, modified = 0; // Unix seconds
    std::string hash;                  // contentHash(messages)
    std::string problems;              // structural problems, "; "-separated ("" = valid); see curation.h
};

// A hash of the normalised text (roles kept, whitespace runs collapsed, ends trimmed): two examples
// with the same hash are exact duplicates. 32 hex digits.
std::string contentHash(const std::vector<Message>& messages);

} // namespace ft
