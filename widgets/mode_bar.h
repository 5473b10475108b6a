// ModeBar: the column of modes at a window's left edge (as Qt Creator's mode bar): for each mode an
// icon, a label and a one-line status under it in its tone's colour, and a thin progress bar while
// work in that mode runs. One mode is current; clicking, or Up/Down with the focus on the bar (the
// buttons form an exclusive group, which Qt moves through with the arrow keys), changes it. Knows nothing about what the modes are.
#pragma once
#include <QWidget>

#include "tone.h"

class QButtonGroup;
class QVBoxLayout;

namespace ft::widgets {

class ModeButton;

class ModeBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModeBar)

public:
    explicit ModeBar(QWidget* parent = nullptr);

    // `svgIcon`: a single-colour SVG (file or resource), drawn in the palette's colours.
    int addMode(const QString& svgIcon, const QString& label);
    int count() const;
    int currentIndex() const;
    void setCurrentIndex(int index);

    void setStatus(int index, const QString& text, Tone tone = Tone::Neutral);
    void setProgress(int index, int percent);             // 0..100; -1 hides the bar
    void setShortcutHint(int index, const QString& hint); // shown in the tooltip ("Ctrl+1")
    QString label(int index) const;
    QString status(int index) const;
    Tone tone(int index) const;
    int progress(int index) const;
    QWidget* button(int index) const; // for tests and focus

Q_SIGNALS:
    void currentChanged(int index);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ModeButton* at(int index) const;

    QVBoxLayout* m_layout = nullptr;
    QButtonGroup* m_group = nullptr;
};

} // namespace ft::widgets
