// Conversions between Qt's and the standard library's types at the boundary of core, in one place
// (UTF-8 both ways).
#pragma once
#include <QString>
#include <QStringList>

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

} // namespace ft::ui
