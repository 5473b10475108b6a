// HintBar: one line across the top of a view that says where the work stands and what comes next
// ("Dataset ready: 2,000 training examples. Next: choose the model"), coloured by its tone, with at
// most one button that takes the step. Hidden while it has no text.
#pragma once
#include <QFrame>
#include <functional>

#include "tone.h"

class QLabel;
class QPushButton;

namespace ft::widgets {

class HintBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HintBar)

public:
    explicit HintBar(QWidget* parent = nullptr);

    // An empty text hides the bar; an empty actionText hides the button.
    void setHint(const QString& text, Tone tone = Tone::Neutral, const QString& actionText = {}, std::function<void()> action = {});
    QString text() const;
    Tone tone() const { return m_tone; }
    QPushButton* actionButton() const { return m_button; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateColours();

    QLabel* m_label = nullptr;
    QPushButton* m_button = nullptr;
    Tone m_tone = Tone::Neutral;
    std::function<void()> m_action;
    bool m_updating = false;
};

} // namespace ft::widgets
