// Help > Open the Demo (and `finetune-studio --demo`): makes the demo workspace on a worker when it
// is not there yet (core's makeDemoWorkspace), then opens it with the starter model and the demo's
// run configuration in the Setup view, ready to train.
#pragma once
#include <QString>
#include <functional>

namespace ft::ui {

class MainWindow;

// `dir` "" is the default demo folder. `done` runs on the UI thread with "" on success, else the
// error (also logged and, with the window shown, put in a message box).
void openDemo(MainWindow* window, const QString& dir = {}, std::function<void(const QString& error)> done = {});

} // namespace ft::ui
