// MessageEditor: a conversation's turns edited in place.
#include "message_editor.h"

#include "tone.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace ft::widgets {

namespace {
const char* const kRoles[] = {"system", "user", "assistant", "text"};
}

MessageEditor::MessageEditor(QWidget* parent) : QWidget(parent) {
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: %1; border-radius: 4px; padding: 3px; }")
            .arg(toneColorName(Tone::Failed, QPalette(QColor(Qt::white))))); // the light theme's red under white text, on either theme
    m_problems->hide();

    auto* content = new QWidget(this);
    m_turnsLayout = new QVBoxLayout(content);
    m_turnsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto* add = new QPushButton(tr("Add Turn"), this);
    add->setObjectName(QStringLiteral("addTurn"));
    connect(add, &QPushButton::clicked, this, &MessageEditor::addTurn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problems);
    layout->addWidget(scroll, 1);
    layout->addWidget(add, 0, Qt::AlignLeft);
}

void MessageEditor::setTurns(const QList<Turn>& turns) {
    m_loading = true;
    for (QWidget* w : m_turnWidgets) delete w;
    m_turnWidgets.clear();
    for (const Turn& t : turns) appendTurnWidget(t);
    m_loading = false;
    setModified(false);
}

QList<Turn> MessageEditor::turns() const {
    QList<Turn> out;
    for (QWidget* w : m_turnWidgets) {
        auto* role = w->findChild<QComboBox*>();
        auto* text = w->findChild<QPlainTextEdit*>();
        out.push_back({role->currentText().trimmed(), text->toPlainText()});
    }
    return out;
}

int MessageEditor::turnCount() const {
    return int(m_turnWidgets.size());
}

void MessageEditor::setModified(bool modified) {
    if (m_modified == modified) return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void MessageEditor::setProblems(const QString& problems) {
    m_problems->setText(problems);
    m_problems->setVisible(!problems.isEmpty());
}

void MessageEditor::setTurnText(int index, const QString& text) {
    if (index < 0 || index >= m_turnWidgets.size()) return;
    m_turnWidgets[index]->findChild<QPlainTextEdit*>()->setPlainText(text);
}

void MessageEditor::addTurn() {
    const QList<Turn> current = turns();
    QString role = QStringLiteral("user");
    if (!current.isEmpty() && current.back().role == QLatin1String("user")) role = QStringLiteral("assistant");
    appendTurnWidget({role, {}});
    m_turnWidgets.back()->findChild<QPlainTextEdit*>()->setFocus();
    markModified();
}

void MessageEditor::removeTurn(int index) {
    if (index < 0 || index >= m_turnWidgets.size()) return;
    delete m_turnWidgets.takeAt(index);
    markModified();
}

void MessageEditor::appendTurnWidget(const Turn& turn) {
    auto* box = new QWidget(this);
    auto* role = new QComboBox(box);
    role->setEditable(true); // templates accept other roles ("tool", ...)
    for (const char* r : kRoles) role->addItem(QString::fromLatin1(r));
    role->setCurrentText(turn.role);
    auto* remove = new QToolButton(box);
    remove->setText(QStringLiteral("×"));
    remove->setToolTip(tr("Remove this turn"));
    auto* text = new QPlainTextEdit(box);
    text->setPlainText(turn.content);
    text->setTabChangesFocus(true);
    text->setMinimumHeight(70);

    auto* header = new QHBoxLayout;
    header->addWidget(role);
    header->addStretch(1);
    header->addWidget(remove);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addLayout(header);
    layout->addWidget(text);

    connect(role, &QComboBox::currentTextChanged, this, &MessageEditor::markModified);
    connect(text, &QPlainTextEdit::textChanged, this, &MessageEditor::markModified);
    connect(remove, &QToolButton::clicked, this, [this, box] { removeTurn(int(m_turnWidgets.indexOf(box))); });
    m_turnsLayout->insertWidget(m_turnsLayout->count() - 1, box); // before the stretch
    m_turnWidgets.push_back(box);
}

void MessageEditor::markModified() {
    if (!m_loading) setModified(true);
}

} // namespace ft::widgets
