// PropertyList: a read-only two-column list of name/value rows, grouped under optional headings.
// Knows nothing about models or training; callers fill it.
#pragma once
#include <QTreeWidget>

namespace ft::widgets {

class PropertyList final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyList)

public:
    explicit PropertyList(QWidget* parent = nullptr);

    void addGroup(const QString& title); // subsequent rows go under this heading
    void addRow(const QString& name, const QString& value);
    QString value(const QString& name) const; // first row with this name, or empty
    void clearRows();

private:
    QTreeWidgetItem* m_group = nullptr;
};

} // namespace ft::widgets
