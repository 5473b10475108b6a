// ConfigBinder: form widgets <-> JSON keys (see config_binder.h).
#include "config_binder.h"

#include "util/error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>

namespace ft::ui {

using json = nlohmann::json;

json::json_pointer jsonPointer(const QString& path) {
    return json::json_pointer("/" + QString(path).replace(QLatin1Char('.'), QLatin1Char('/')).toStdString());
}

void ConfigBinder::add(const QString& path, QWidget* widget, std::function<void(json&)> store, std::function<void(const json&)> load) {
    widget->setObjectName(path); // tests and error marks find fields by their key
    m_bindings.push_back({path, widget, std::move(store), std::move(load)});
}

void ConfigBinder::bind(const QString& path, QSpinBox* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w, [w, ptr](json& j) { j[ptr] = w->value(); },
        [w, ptr](const json& j) {
            if (j.contains(ptr) && j[ptr].is_number()) w->setValue(j[ptr].get<int>());
        });
}

void ConfigBinder::bind(const QString& path, QDoubleSpinBox* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w, [w, ptr](json& j) { j[ptr] = w->value(); },
        [w, ptr](const json& j) {
            if (j.contains(ptr) && j[ptr].is_number()) w->setValue(j[ptr].get<double>());
        });
}

void ConfigBinder::bind(const QString& path, QCheckBox* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w, [w, ptr](json& j) { j[ptr] = w->isChecked(); },
        [w, ptr](const json& j) {
            if (j.contains(ptr) && j[ptr].is_boolean()) w->setChecked(j[ptr].get<bool>());
        });
}

void ConfigBinder::bind(const QString& path, QLineEdit* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w, [w, ptr](json& j) { j[ptr] = w->text().trimmed().toStdString(); },
        [w, ptr](const json& j) {
            if (j.contains(ptr) && j[ptr].is_string()) w->setText(QString::fromStdString(j[ptr].get<std::string>()));
        });
}

void ConfigBinder::bindNumber(const QString& path, QLineEdit* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w,
        [w, ptr, path](json& j) {
            bool ok = false;
            const double v = w->text().trimmed().toDouble(&ok);
            if (!ok) throw Error(path.toStdString() + ": \"" + w->text().toStdString() + "\" is not a number");
            j[ptr] = v;
        },
        [w, ptr](const json& j) {
            if (j.contains(ptr) && j[ptr].is_number()) w->setText(QString::number(j[ptr].get<double>(), 'g', 6));
        });
}

void ConfigBinder::bind(const QString& path, QComboBox* w) {
    const auto ptr = jsonPointer(path);
    add(
        path, w,
        [w, ptr](json& j) {
            const QVariant data = w->currentData();
            j[ptr] = (data.isValid() ? data.toString() : w->currentText()).toStdString();
        },
        [w, ptr](const json& j) {
            if (!j.contains(ptr) || !j[ptr].is_string()) return;
            const QString v = QString::fromStdString(j[ptr].get<std::string>());
            int index = w->findData(v);
            if (index < 0) index = w->findText(v);
            if (index >= 0) w->setCurrentIndex(index);
            else if (w->isEditable()) w->setEditText(v);
        });
}

void ConfigBinder::store(json& config, std::vector<ConfigProblem>* problems) const {
    for (const auto& b : m_bindings) {
        try {
            b.store(config);
        } catch (const Error& e) {
            if (!problems) throw;
            problems->push_back({b.path.toStdString(), e.what(), {}});
        }
    }
}

void ConfigBinder::load(const json& config) {
    for (const auto& b : m_bindings) b.load(config);
}

QWidget* ConfigBinder::widget(const QString& path) const {
    for (const auto& b : m_bindings)
        if (b.path == path) return b.widget;
    return nullptr;
}

} // namespace ft::ui
