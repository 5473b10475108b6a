// Runs work on Qt's thread pool and hands its result back on the owner's thread. The work must not
// touch widgets or the UI thread's store; it catches its own errors (the result carries them).
#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent>
#include <functional>
#include <memory>

namespace ft::ui {

template <typename Result, typename Work, typename Done>
void runInBackground(QObject* owner, Work work, Done done) {
    auto* watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// Lets work on another thread run small pieces (streamed text, progress) on `owner`'s thread. Copy it
// into the work and call it with a function; the call is queued through a relay object that outlives
// the owner if need be, and dropped when the owner has gone meanwhile.
class PostToOwner {
public:
    explicit PostToOwner(QObject* owner) : m_owner(owner), m_relay(new QObject, [](QObject* relay) { relay->deleteLater(); }) {}

    void operator()(std::function<void()> f) const {
        QMetaObject::invokeMethod(
            m_relay.get(),
            [owner = m_owner, f = std::move(f)] {
                if (owner) f();
            },
            Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_owner;
    std::shared_ptr<QObject> m_relay; // created on the owner's thread, so queued calls run there
};

} // namespace ft::ui
