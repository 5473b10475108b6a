// Notifier: tells the person that long work ended (a run, an evaluation) while the studio's window
// is in the background: a desktop notification (the freedesktop notification service on the
// session bus, which GNOME, KDE and the others run; else the system tray's balloon) and the taskbar
// entry's attention flag. Nothing while the window is active: the view shows it.
#pragma once
#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace ft::ui {

class Notifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(QWidget* window);

    enum class Kind { Success, Failure };
    // True when the person was notified (the window was not active). The desktop notification is
    // sent without waiting; notificationShown or, where neither service answers, nothing follows.
    bool notify(const QString& title, const QString& body, Kind kind);

    int count() const { return m_count; } // notifications raised so far
    QString lastTitle() const { return m_lastTitle; }
    QString lastBody() const { return m_lastBody; }
    QString deliveryError() const { return m_deliveryError; } // why the last desktop notification did not go through ("" if it did)

Q_SIGNALS:
    void notificationShown(const QString& how); // "desktop" (the notification service) or "tray"

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showInTray(const QString& title, const QString& body, Kind kind); // nothing where the desktop has no tray

    QWidget* m_window;
    QSystemTrayIcon* m_tray = nullptr; // made when first needed; hidden when the window is active again
    int m_count = 0;
    QString m_lastTitle, m_lastBody, m_deliveryError;
};

} // namespace ft::ui
