// Test support: where the committed test data and the fetched fixtures live.
#pragma once
#include <string>

namespace ft::test {

std::string dataDir();       // tests/data in the source tree ($FT_TEST_DATA)
std::string fixturesDir();   // fetched tokenizer files ($FT_FIXTURES), see scripts/fetch-fixtures
std::string readText(const std::string& path);

} // namespace ft::test
