// MessageEditor: edit one conversation as a column of turns, each a role and its text. Add a turn
// (the role alternates user/assistant), remove one, change roles. Knows nothing about datasets: the
// caller loads turns, reads them back and decides when to save (isModified tells it).
#pragma once
#include <QList>
#include <QString>
#include <QWidget>

class QVBoxLayout;
class QLabel;

namespace ft::widgets {

struct Turn {
    QString role; // "system", "user", "assistant" or "text"
    QString content;
};

class MessageEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageEditor)

public:
    explicit MessageEditor(QWidget* parent = nullptr);

    void setTurns(const QList<Turn>& turns); // clears the modified flag
    QList<Turn> turns() const;
    int turnCount() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    void setProblems(const QString& problems); // shown as a badge above the turns ("" hides it)

    void setTurnText(int index, const QString& text); // as if typed (tests, scripted edits)

public Q_SLOTS:
    void addTurn();
    void removeTurn(int index);

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    void appendTurnWidget(const Turn& turn);
    void markModified();

    QVBoxLayout* m_turnsLayout = nullptr;
    QLabel* m_problems = nullptr;
    QList<QWidget*> m_turnWidgets;
    bool m_modified = false;
    bool m_loading = false;
};

} // namespace ft::widgets
