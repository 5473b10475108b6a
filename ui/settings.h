// Every persisted preference, with its key and default, in one place. Nothing else in ui/ calls
// QSettings with a raw string. Run hyperparameters live in the JSON run config, not here.
#pragma once
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ft::ui {

template <typename T>
class SettingValue {
public:
    SettingValue(const char* key, T fallback) : m_key(key), m_fallback(std::move(fallback)) {}
    T get() const { return QSettings().value(m_key, QVariant::fromValue(m_fallback)).template value<T>(); }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

private:
    const char* m_key;
    T m_fallback;
};

namespace settings {
inline const SettingValue<QByteArray> windowGeometry{"MainWindow/geometry", {}};
inline const SettingValue<QByteArray> windowState{"MainWindow/state", {}};
inline const SettingValue<QString> lastModelDir{"Model/lastDir", {}};
inline const SettingValue<QStringList> recentModels{"Model/recent", {}};
inline const SettingValue<QString> lastWorkspace{"Workspace/last", {}};
inline const SettingValue<QStringList> recentWorkspaces{"Workspace/recent", {}};
inline const SettingValue<QString> theme{"Preferences/theme", QStringLiteral("system")};
inline const SettingValue<QString> language{"Preferences/language", {}}; // "" = follow the system
inline const SettingValue<bool> lossLogScale{"Training/lossLogScale", false};
} // namespace settings

} // namespace ft::ui
