// PreferencesDialog: the language (at the next start) and the theme (at once), kept in QSettings.
#pragma once
#include <QDialog>

class QComboBox;

namespace ft::ui {

class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;

    QComboBox* languageBox() const { return m_language; }
    QComboBox* themeBox() const { return m_theme; }

private:
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
};

} // namespace ft::ui
