// HintBar: a label and a flat button on a faint band of the tone's colour.
#include "hint_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ft::widgets {

HintBar::HintBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("hintBar"));
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_button = new QPushButton(this);
    m_button->hide();
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_action) m_action();
    });
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 5, 6, 5);
    row->addWidget(m_label, 1);
    row->addWidget(m_button);
    hide();
}

void HintBar::setHint(const QString& text, Tone tone, const QString& actionText, std::function<void()> action) {
    m_label->setText(text);
    m_tone = tone;
    m_action = std::move(action);
    m_button->setText(actionText);
    m_button->setVisible(!actionText.isEmpty() && m_action);
    setVisible(!text.isEmpty());
    updateColours();
}

QString HintBar::text() const {
    return m_label->text();
}

void HintBar::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) updateColours();
}

void HintBar::updateColours() {
    if (m_updating) return; // setPalette below raises PaletteChange again
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    QColor band = m_tone == Tone::Neutral ? base.color(QPalette::Highlight) : toneColor(m_tone, base);
    band.setAlphaF(isDarkPalette(base) ? 0.22f : 0.12f);
    QPalette p = palette();
    // The band over the window colour, computed so that the label's own palette stays readable.
    const QColor window = base.color(QPalette::Window);
    const qreal a = band.alphaF();
    p.setColor(QPalette::Window, QColor::fromRgbF(window.redF() * (1 - a) + band.redF() * a, window.greenF() * (1 - a) + band.greenF() * a,
                                                  window.blueF() * (1 - a) + band.blueF() * a));
    m_updating = true;
    setPalette(p);
    m_updating = false;
}

} // namespace ft::widgets
