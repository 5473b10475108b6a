// Notifier: org.freedesktop.Notifications.Notify over D-Bus, called asynchronously (the UI thread
// never waits on the bus); where no service answers, QSystemTrayIcon::showMessage; and
// QApplication::alert for the taskbar in any case.
#include "notifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QEvent>
#include <QSystemTrayIcon>
#include <QWidget>

namespace ft::ui {

namespace {
const char* const kService = "org.freedesktop.Notifications";
const char* const kPath = "/org/freedesktop/Notifications";
const char* const kDesktopEntry = "io.github.finetune_studio.FinetuneStudio"; // the .desktop file's name: its icon and name
} // namespace

Notifier::Notifier(QWidget* window) : QObject(window), m_window(window) {
    window->installEventFilter(this);
}

bool Notifier::notify(const QString& title, const QString& body, Kind kind) {
    if (m_window->isActiveWindow()) return false;
    ++m_count;
    m_lastTitle = title;
    m_lastBody = body;
    QApplication::alert(m_window); // the taskbar entry asks for attention until the window is activated

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        showInTray(title, body, kind);
        return true;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath), QLatin1String(kService), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(kind == Kind::Failure ? 2 : 1))); // critical : normal
    hints.insert(QStringLiteral("desktop-entry"), QLatin1String(kDesktopEntry));
    call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("finetune-studio") << title << body << QStringList()
         << hints << int(-1);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body, kind] {
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            m_deliveryError = reply.error().name() + QStringLiteral(": ") + reply.error().message();
            showInTray(title, body, kind); // no notification service on this desktop
        } else {
            m_deliveryError.clear();
            Q_EMIT notificationShown(QStringLiteral("desktop"));
        }
        watcher->deleteLater();
    });
    return true;
}

void Notifier::showInTray(const QString& title, const QString& body, Kind kind) {
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages()) return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        auto raiseWindow = [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        };
        connect(m_tray, &QSystemTrayIcon::activated, this, raiseWindow);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, raiseWindow);
    }
    m_tray->show();
    m_tray->showMessage(title, body, kind == Kind::Failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 15000);
    Q_EMIT notificationShown(QStringLiteral("tray"));
}

bool Notifier::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::WindowActivate && m_tray) m_tray->hide();
    return QObject::eventFilter(watched, event);
}

} // namespace ft::ui
