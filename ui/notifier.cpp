// Notifier: QApplication::alert for the taskbar, QSystemTrayIcon::showMessage for the desktop's
// notification (on Linux it goes to the freedesktop notification service).
#include "notifier.h"

#include <QApplication>
#include <QEvent>
#include <QSystemTrayIcon>
#include <QWidget>

namespace ft::ui {

Notifier::Notifier(QWidget* window) : QObject(window), m_window(window) {
    window->installEventFilter(this);
}

bool Notifier::notify(const QString& title, const QString& body, Kind kind) {
    if (m_window->isActiveWindow()) return false;
    ++m_count;
    m_lastTitle = title;
    m_lastBody = body;
    QApplication::alert(m_window); // the taskbar entry asks for attention until the window is activated
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationDisplayName());
            connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            });
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                m_window->raise();
                m_window->activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(title, body, kind == Kind::Failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 15000);
    }
    return true;
}

bool Notifier::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::WindowActivate && m_tray) m_tray->hide();
    return QObject::eventFilter(watched, event);
}

} // namespace ft::ui
