// ExampleEditorPanel: one example's turns, split, tags and note (see example_editor_panel.h).
#include "example_editor_panel.h"

#include "data/dataset_store.h"
#include "message_editor.h"
#include "qt_std.h"
#include "workspace.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ft::ui {

namespace {

std::vector<std::string> parseTags(const QString& text) {
    std::vector<std::string> tags;
    for (const QString& t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty()) tags.push_back(str(t.trimmed()));
    return tags;
}

} // namespace

ExampleEditorPanel::ExampleEditorPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    m_title = new QLabel(tr("No example selected"), this);
    m_editor = new widgets::MessageEditor(this);
    m_split = new QComboBox(this);
    for (Split s : {Split::Train, Split::Validation, Split::Test, Split::Unassigned})
        m_split->addItem(QString::fromLatin1(splitName(s)), int(s));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_note = new QLineEdit(this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the edit (%1). Moving to another example also saves it.")
                           .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert = new QPushButton(tr("Revert"), this);
    auto markMeta = [this] {
        m_metaModified = true;
        m_save->setEnabled(true);
        m_revert->setEnabled(true);
    };
    connect(m_split, &QComboBox::activated, this, markMeta);
    connect(m_tags, &QLineEdit::textEdited, this, markMeta);
    connect(m_note, &QLineEdit::textEdited, this, markMeta);
    connect(m_editor, &widgets::MessageEditor::modifiedChanged, this, [this](bool modified) {
        m_save->setEnabled(modified || m_metaModified);
        m_revert->setEnabled(modified || m_metaModified);
    });
    connect(m_save, &QPushButton::clicked, this, &ExampleEditorPanel::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { load(m_currentId); });

    auto* meta = new QFormLayout;
    meta->addRow(tr("Split"), m_split);
    meta->addRow(tr("Tags"), m_tags);
    meta->addRow(tr("Note"), m_note);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_editor, 1);
    layout->addLayout(meta);
    layout->addLayout(buttons);
    load(0);
}

void ExampleEditorPanel::load(int64_t id) {
    m_currentId = 0;
    m_metaModified = false;
    DatasetStore* store = m_workspace->store();
    Example e;
    bool found = false;
    if (store && id > 0) {
        try {
            e = store->get(id);
            found = true;
        } catch (const std::exception&) {}
    }
    QList<widgets::Turn> turns;
    for (const auto& m : e.messages) turns.push_back({qstr(m.role), qstr(m.content)});
    m_editor->setTurns(turns);
    m_editor->setProblems(found && !e.problems.empty() ? tr("Problems: %1").arg(qstr(e.problems)) : QString());
    for (QWidget* w :
         {static_cast<QWidget*>(m_editor), static_cast<QWidget*>(m_split), static_cast<QWidget*>(m_tags), static_cast<QWidget*>(m_note)})
        w->setEnabled(found);
    m_split->setCurrentIndex(m_split->findData(int(e.split)));
    m_tags->setText(qstrList(e.tags).join(QStringLiteral(", ")));
    m_note->setText(qstr(e.note));
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    if (!found) {
        m_title->setText(tr("No example selected"));
        return;
    }
    m_currentId = id;
    QString title = tr("Example #%1").arg(id);
    if (!e.sourceFile.empty()) title += tr(" (from %1, line %2)").arg(QFileInfo(qstr(e.sourceFile)).fileName()).arg(e.sourceLine);
    m_title->setText(title);
}

void ExampleEditorPanel::reloadIfUnchanged() {
    if (m_currentId && !m_editor->isModified() && !m_metaModified) load(m_currentId);
}

bool ExampleEditorPanel::save() {
    if (!m_currentId || (!m_editor->isModified() && !m_metaModified)) return true;
    const int64_t id = m_currentId;
    const bool textModified = m_editor->isModified();
    const QList<widgets::Turn> turns = m_editor->turns();
    const Split split = Split(m_split->currentData().toInt());
    const std::vector<std::string> tags = parseTags(m_tags->text());
    const std::string note = str(m_note->text());
    QString error;
    const bool ok = m_workspace->edit(
        [&](DatasetStore& store) { // the whole example in one edit: one undo step
            Example e = store.get(id);
            if (textModified) {
                e.messages.clear();
                for (const auto& t : turns) e.messages.push_back({str(t.role), str(t.content)});
            }
            e.split = split;
            e.tags = tags;
            e.note = note;
            store.edit(e);
        },
        &error);
    if (!ok) {
        Q_EMIT failed(tr("Cannot save example #%1").arg(id), error);
        return false;
    }
    m_editor->setModified(false);
    m_metaModified = false;
    load(id); // shows the problems the store found
    return true;
}

} // namespace ft::ui
