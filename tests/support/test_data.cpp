// Test support: test data folders, fixtures, and small file and example makers (see test_data.h).
#include "test_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ft::test {

std::string dataDir() {
    const char* d = std::getenv("FT_TEST_DATA");
    if (!d || !*d) throw std::runtime_error("FT_TEST_DATA is not set (run the tests through ctest)");
    return d;
}

std::string fixturesDir() {
    const char* d = std::getenv("FT_FIXTURES");
    if (!d || !*d) throw std::runtime_error("FT_FIXTURES is not set (run the tests through ctest)");
    return d;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Example chatExample(const std::string& user, const std::string& reply, const std::string& system) {
    Example e;
    if (!system.empty()) e.messages.push_back({"system", system});
    e.messages.push_back({"user", user});
    e.messages.push_back({"assistant", reply});
    return e;
}

} // namespace ft::test
