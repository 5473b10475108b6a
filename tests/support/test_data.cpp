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

} // namespace ft::test
