// Conversions between Qt's and the standard library's types at the boundary of core, in one place
// (UTF-8 both ways).
#pragma once
#include "util/error.h"

#include <QString>
#include <QStringList>

#include <exception>
#include <string>
#include <vector>

namespace ft::ui {

inline QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}
inline std::string str(const QString& s) {
    return s.toStdString();
}

inline QStringList qstrList(const std::vector<std::string>& v) {
    QStringList out;
    out.reserve(qsizetype(v.size()));
    for (const auto& s : v) out << qstr(s);
    return out;
}

inline std::vector<std::string> strList(const QStringList& list) {
    std::vector<std::string> out;
    out.reserve(size_t(list.size()));
    for (const auto& s : list) out.push_back(str(s));
    return out;
}

// An error as the user reads it: the message, and on the next line an ft::Error's hint if it has one.
inline QString errorMessage(const std::exception& e) {
    QString text = qstr(e.what());
    if (const auto* fe = dynamic_cast<const Error*>(&e); fe && !fe->hint().empty()) text += QStringLiteral("\n") + qstr(fe->hint());
    return text;
}

} // namespace ft::ui
