// Small builders for form rows: number fields with a range and a tooltip, a combo box of values,
// a line edit with a Browse… button. Shared by the forms of the studio.
#pragma once
#include <QString>
#include <QStringList>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace ft::ui {

QSpinBox* spin(int lo, int hi, const QString& tip = {});
QDoubleSpinBox* dspin(double lo, double hi, int decimals, double step, const QString& tip = {});
QComboBox* combo(const QStringList& values); // each item's data is its text
QWidget* withBrowse(QLineEdit* edit, const std::function<void()>& browse);

} // namespace ft::ui
