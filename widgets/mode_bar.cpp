// ModeBar and its ModeButton, painted by hand: icon, label, status line, progress, and an accent
// stripe on the current mode.
#include "mode_bar.h"

#include "svg_icon.h"
#include "typography.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QPainter>
#include <QStyleOption>
#include <QVBoxLayout>

namespace ft::widgets {

namespace {
constexpr int kIconSize = 26;
constexpr int kPadding = 8;
constexpr int kBarWidth = 112;
} // namespace

class ModeButton final : public QAbstractButton {
public:
    ModeButton(const QString& svgIcon, const QString& label, QWidget* parent) : QAbstractButton(parent), m_svg(svgIcon) {
        setText(label);
        setCheckable(true);
        setFocusPolicy(Qt::TabFocus);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        setAccessibleName(label);
    }

    QString status;
    Tone tone = Tone::Neutral;
    int progress = -1;
    QString shortcutHint;

    void updateToolTip() {
        QString tip = text();
        if (!shortcutHint.isEmpty()) tip += QStringLiteral(" (%1)").arg(shortcutHint);
        if (!status.isEmpty()) tip += QStringLiteral("\n") + status;
        setToolTip(tip);
        setAccessibleDescription(status);
    }

    QSize sizeHint() const override {
        const QFontMetrics fm(font());
        return {kBarWidth, kPadding + kIconSize + 4 + fm.height() + smallMetrics().height() + kPadding + 3};
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QPalette& pal = palette();
        const QRect r = rect();
        if (isChecked()) {
            QColor bg = pal.color(QPalette::Highlight);
            bg.setAlphaF(isDarkPalette(pal) ? 0.28f : 0.16f);
            p.fillRect(r, bg);
            p.fillRect(QRect(r.left(), r.top(), 3, r.height()), pal.color(QPalette::Highlight));
        } else if (underMouse()) {
            QColor bg = pal.color(QPalette::WindowText);
            bg.setAlphaF(0.06f);
            p.fillRect(r, bg);
        }
        const QColor textColor = pal.color(QPalette::WindowText);
        const QColor iconColor = isChecked() ? pal.color(QPalette::Highlight) : textColor;
        const qreal dpr = devicePixelRatioF();
        const QPixmap icon =
            tintedSvgPixmap(m_svg, {kIconSize, kIconSize}, dpr, isChecked() && !isDarkPalette(pal) ? iconColor.darker(115) : iconColor);
        int y = kPadding;
        p.drawPixmap(QRect((r.width() - kIconSize) / 2, y, kIconSize, kIconSize), icon);
        y += kIconSize + 4;

        QFont bold = font();
        bold.setBold(isChecked());
        p.setFont(bold);
        p.setPen(textColor);
        const QFontMetrics fm(bold);
        p.drawText(QRect(2, y, r.width() - 4, fm.height()), Qt::AlignHCenter | Qt::AlignVCenter,
                   fm.elidedText(text(), Qt::ElideRight, r.width() - 4));
        y += fm.height();

        const QFont small = smallFont();
        p.setFont(small);
        const QFontMetrics sm(small);
        p.setPen(tone == Tone::Neutral ? pal.color(QPalette::PlaceholderText) : toneColor(tone, pal));
        p.drawText(QRect(4, y, r.width() - 8, sm.height()), Qt::AlignHCenter | Qt::AlignVCenter,
                   sm.elidedText(status, Qt::ElideRight, r.width() - 8));

        if (progress >= 0) {
            const QRect track(kPadding, r.height() - 5, r.width() - 2 * kPadding, 3);
            QColor trackColor = textColor;
            trackColor.setAlphaF(0.15f);
            p.fillRect(track, trackColor);
            p.fillRect(QRect(track.left(), track.top(), track.width() * std::clamp(progress, 0, 100) / 100, track.height()),
                       toneColor(Tone::Running, pal));
        }
        if (hasFocus()) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.rect = r.adjusted(2, 2, -2, -2);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p, this);
        }
    }
    void enterEvent(QEnterEvent* event) override {
        QAbstractButton::enterEvent(event);
        update();
    }
    void leaveEvent(QEvent* event) override {
        QAbstractButton::leaveEvent(event);
        update();
    }

private:
    QFont smallFont() const { return captionFont(font()); }
    QFontMetrics smallMetrics() const { return QFontMetrics(smallFont()); }

    QString m_svg;
};

ModeBar::ModeBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("modeBar"));
    setAttribute(Qt::WA_StyledBackground);
    setFocusPolicy(Qt::NoFocus);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 4, 0, 4);
    m_layout->setSpacing(0);
    m_layout->addStretch(1);
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked) Q_EMIT currentChanged(id);
    });
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
}

int ModeBar::addMode(const QString& svgIcon, const QString& label) {
    const int index = count();
    auto* button = new ModeButton(svgIcon, label, this);
    button->updateToolTip();
    m_layout->insertWidget(index, button);
    m_group->addButton(button, index);
    if (index == 0) button->setChecked(true);
    return index;
}

int ModeBar::count() const {
    return static_cast<int>(m_group->buttons().size());
}

int ModeBar::currentIndex() const {
    return m_group->checkedId();
}

void ModeBar::setCurrentIndex(int index) {
    if (ModeButton* b = at(index)) b->setChecked(true);
}

ModeButton* ModeBar::at(int index) const {
    return static_cast<ModeButton*>(m_group->button(index));
}

void ModeBar::setStatus(int index, const QString& text, Tone tone) {
    ModeButton* b = at(index);
    if (!b || (b->status == text && b->tone == tone)) return;
    b->status = text;
    b->tone = tone;
    b->updateToolTip();
    b->update();
}

void ModeBar::setProgress(int index, int percent) {
    ModeButton* b = at(index);
    if (!b || b->progress == percent) return;
    b->progress = percent;
    b->update();
}

void ModeBar::setShortcutHint(int index, const QString& hint) {
    if (ModeButton* b = at(index)) {
        b->shortcutHint = hint;
        b->updateToolTip();
    }
}

QString ModeBar::label(int index) const {
    return at(index) ? at(index)->text() : QString();
}

QString ModeBar::status(int index) const {
    return at(index) ? at(index)->status : QString();
}

Tone ModeBar::tone(int index) const {
    return at(index) ? at(index)->tone : Tone::Neutral;
}

int ModeBar::progress(int index) const {
    return at(index) ? at(index)->progress : -1;
}

QWidget* ModeBar::button(int index) const {
    return at(index);
}

void ModeBar::paintEvent(QPaintEvent*) {
    // A slightly darker column than the window, with a hairline on its right edge.
    QPainter p(this);
    const QPalette& pal = palette();
    const QColor window = pal.color(QPalette::Window);
    p.fillRect(rect(), isDarkPalette(pal) ? window.darker(118) : window.darker(106));
    QColor line = pal.color(QPalette::WindowText);
    line.setAlphaF(0.15f);
    p.fillRect(QRect(width() - 1, 0, 1, height()), line);
}

} // namespace ft::widgets
