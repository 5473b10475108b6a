// PropertyList: read-only name/value rows under optional headings.
#include "property_list.h"

#include <QHeaderView>

namespace ft::widgets {

PropertyList::PropertyList(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Property"), tr("Value")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

void PropertyList::addGroup(const QString& title) {
    m_group = new QTreeWidgetItem(this, {title});
    QFont bold = m_group->font(0);
    bold.setBold(true);
    m_group->setFont(0, bold);
    m_group->setFirstColumnSpanned(true);
    m_group->setExpanded(true);
    setRootIsDecorated(true);
}

void PropertyList::addRow(const QString& name, const QString& value) {
    auto* item = m_group ? new QTreeWidgetItem(m_group, {name, value}) : new QTreeWidgetItem(this, {name, value});
    item->setToolTip(1, value);
}

QString PropertyList::value(const QString& name) const {
    const auto found = findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? QString() : found.first()->text(1);
}

void PropertyList::clearRows() {
    clear();
    m_group = nullptr;
}

} // namespace ft::widgets
