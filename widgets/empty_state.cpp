// EmptyState: a centred column, the icon in a muted text colour.
#include "empty_state.h"

#include "svg_icon.h"
#include "typography.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ft::widgets {

namespace {
constexpr int kIconSize = 64;
}

EmptyState::EmptyState(const QString& svgIcon, QWidget* parent) : QWidget(parent), m_svg(svgIcon) {
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setFont(titleFont(m_title->font()));
    m_text = new QLabel(this);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setFixedWidth(520); // a fixed width: a wrapped label's height follows it (an aligned, shrinkable one is cut)
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(true);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(8);

    auto* column = new QVBoxLayout(this);
    column->addStretch(2);
    column->addWidget(m_icon);
    column->addSpacing(12);
    column->addWidget(m_title);
    column->addSpacing(6);
    auto* textRow = new QHBoxLayout; // centred by stretches: an aligned item loses the label's height-for-width
    textRow->addStretch(1);
    textRow->addWidget(m_text);
    textRow->addStretch(1);
    column->addLayout(textRow);
    column->addSpacing(16);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(m_buttons);
    row->addStretch(1);
    column->addLayout(row);
    column->addStretch(3);
    updateIcon();
}

void EmptyState::setTitle(const QString& title) {
    m_title->setText(title);
}

void EmptyState::setText(const QString& text) {
    m_text->setText(text);
}

QPushButton* EmptyState::addAction(const QString& text, const std::function<void()>& action) {
    auto* button = new QPushButton(text, this);
    if (m_buttons->count() == 0) button->setDefault(true);
    connect(button, &QPushButton::clicked, this, [action] { action(); });
    m_buttons->addWidget(button);
    return button;
}

void EmptyState::clearActions() {
    for (QPushButton* b : actions()) {
        m_buttons->removeWidget(b);
        delete b;
    }
}

QString EmptyState::title() const {
    return m_title->text();
}

QString EmptyState::text() const {
    return m_text->text();
}

QList<QPushButton*> EmptyState::actions() const {
    QList<QPushButton*> out;
    for (int i = 0; i < m_buttons->count(); ++i)
        if (auto* b = qobject_cast<QPushButton*>(m_buttons->itemAt(i)->widget())) out << b;
    return out;
}

void EmptyState::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) updateIcon();
}

void EmptyState::updateIcon() {
    QColor muted = palette().color(QPalette::WindowText);
    muted.setAlphaF(0.35f);
    m_icon->setPixmap(tintedSvgPixmap(m_svg, {kIconSize, kIconSize}, devicePixelRatioF(), muted));
}

} // namespace ft::widgets
