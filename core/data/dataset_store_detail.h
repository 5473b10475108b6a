// Internals of DatasetStore shared by its .cpp files (dataset_store.cpp: schema, rows, edits and
// history; dataset_store_queries.cpp: reads): the schema and the conversions between examples and
// their rows. Not part of the API.
#pragma once
#include "data/example.h"

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft::store_detail {

extern const char* const kSchemaV1;
extern const char* const kSchemaV2; // structural problems, token-count cache

std::string problemsOf(const std::vector<Message>& messages); // "; "-joined, "" when valid
int64_t now();                                                // Unix seconds
nlohmann::json messagesJson(const std::vector<Message>& messages);
std::vector<Message> messagesFrom(const nlohmann::json& arr);
std::string ftsText(const std::vector<Message>& messages); // what full-text search indexes
std::string ftsQuery(const std::string& search);           // a user's words as an FTS5 query

} // namespace ft::store_detail
