// ConfigBinder: ties form widgets to keys of a JSON document ("train.lr" -> a line edit), both ways,
// and gives the widget of a key, so that a form can mark the fields a validation names. Values are written into a JSON object that already
// holds every other key, so a form never drops a setting it does not show.
#pragma once
#include <QString>
#include <QWidget>

#include "util/config_problem.h"

#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace ft::ui {

class ConfigBinder {
public:
    void bind(const QString& path, QSpinBox* widget);
    void bind(const QString& path, QDoubleSpinBox* widget);
    void bind(const QString& path, QCheckBox* widget);
    void bind(const QString& path, QLineEdit* widget);       // text
    void bindNumber(const QString& path, QLineEdit* widget); // a number in any notation (2e-4); bad text is an error
    void bind(const QString& path, QComboBox* widget);       // the item whose data (or text) is the value

    // Widgets -> json. A number field that holds no number is left out and reported in *problems;
    // without `problems`, it throws ft::Error naming the field.
    void store(nlohmann::json& config, std::vector<ConfigProblem>* problems = nullptr) const;
    // json -> widgets (keys absent from `config` leave their widget alone).
    void load(const nlohmann::json& config);

    QWidget* widget(const QString& path) const; // null when no widget is bound to the key

private:
    struct Binding {
        QString path;
        QWidget* widget;
        std::function<void(nlohmann::json&)> store;
        std::function<void(const nlohmann::json&)> load;
    };
    void add(const QString& path, QWidget* widget, std::function<void(nlohmann::json&)> store,
             std::function<void(const nlohmann::json&)> load);
    std::vector<Binding> m_bindings;
};

// "/train/lr" for "train.lr".
nlohmann::json::json_pointer jsonPointer(const QString& path);

} // namespace ft::ui
