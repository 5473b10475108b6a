// Test support: where the committed test data and the fetched fixtures live, and small file and
// example makers.
#pragma once
#include "data/example.h"

#include <string>

namespace ft::test {

std::string dataDir();     // tests/data in the source tree ($FT_TEST_DATA)
std::string fixturesDir(); // fetched tokenizer files ($FT_FIXTURES), see scripts/fetch-fixtures
std::string readText(const std::string& path);
void writeText(const std::string& path, const std::string& text); // bytes as given, no atomic rename

// A two- or three-turn conversation: optional system, user, assistant.
Example chatExample(const std::string& user, const std::string& reply, const std::string& system = {});

} // namespace ft::test
