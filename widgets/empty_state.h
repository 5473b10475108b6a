// EmptyState: what a view shows while it has nothing to show: an icon, a title, a sentence on what
// belongs here, and the buttons that fill it. Centred in the space the view would take.
#pragma once
#include <QWidget>
#include <functional>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace ft::widgets {

class EmptyState final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(const QString& svgIcon, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setText(const QString& text); // rich text allowed
    // The first button added is the default one. Returns it so callers can name or disable it.
    QPushButton* addAction(const QString& text, const std::function<void()>& action);
    void clearActions();

    QString title() const;
    QString text() const;
    QList<QPushButton*> actions() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateIcon();

    QString m_svg;
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttons = nullptr;
};

} // namespace ft::widgets
