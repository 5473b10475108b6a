// Test support: run something that must throw ft::Error, and check that the message (with its
// hint) names every fragment.
#pragma once
#include "util/error.h"

#include <QtTest>

#include <initializer_list>
#include <string>

namespace ft::test {

template <typename F>
void expectError(F&& f, std::initializer_list<const char*> fragments) {
    try {
        f();
        QFAIL("expected an ft::Error");
    } catch (const Error& e) {
        const std::string msg = std::string(e.what()) + " / " + e.hint();
        for (const char* frag : fragments)
            QVERIFY2(msg.find(frag) != std::string::npos, qPrintable(QString("'%1' lacks '%2'").arg(msg.c_str(), frag)));
    }
}

} // namespace ft::test
