// Runs work on Qt's thread pool and hands its result back on the owner's thread. The work must not
// touch widgets or the UI thread's store; it catches its own errors (the result carries them).
#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

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

} // namespace ft::ui
