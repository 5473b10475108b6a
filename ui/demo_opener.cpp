// Making the demo on a worker and opening it in the main window.
#include "demo_opener.h"

#include "background.h"
#include "demo/demo_workspace.h"
#include "main_window.h"
#include "model_view.h"
#include "qt_std.h"
#include "setup_view.h"

#include <QMessageBox>
#include <exception>

namespace ft::ui {

namespace {

struct DemoOutcome {
    DemoResources resources;
    DemoWorkspace workspace;
    QString error;
};

} // namespace

void openDemo(MainWindow* window, const QString& dir, std::function<void(const QString& error)> done) {
    window->appendLog(MainWindow::tr("Preparing the demo…"));
    const std::string target = dir.isEmpty() ? defaultDemoDir() : str(dir);
    runInBackground<DemoOutcome>(
        window,
        [target] {
            DemoOutcome o;
            try {
                o.resources = findDemoResources();
                o.workspace = makeDemoWorkspace(o.resources, target);
            } catch (const std::exception& e) {
                o.error = errorMessage(e);
            }
            return o;
        },
        [window, done](const DemoOutcome& o) {
            QString error = o.error;
            if (error.isEmpty()) {
                if (!o.workspace.movedAside.empty())
                    window->appendLog(MainWindow::tr("%1 was made by an earlier version of the demo; it is now %2, unchanged")
                                          .arg(qstr(o.workspace.dir), qstr(o.workspace.movedAside)));
                if (!window->openWorkspace(qstr(o.workspace.dir))) { // it has told the user why
                    if (done) done(MainWindow::tr("Cannot open the demo workspace %1").arg(qstr(o.workspace.dir)));
                    return;
                }
                window->modelView()->openModel(qstr(o.resources.starterDir));
                if (window->setupView()->loadConfigFile(qstr(o.workspace.configPath), &error)) window->showView(window->setupView());
            }
            if (!error.isEmpty()) {
                window->appendLog(MainWindow::tr("Cannot open the demo: %1").arg(error));
                if (window->isVisible()) QMessageBox::warning(window, MainWindow::tr("Cannot Open the Demo"), error);
            } else {
                window->appendLog(MainWindow::tr("Opened the demo: press Start in Setup to fine-tune the starter model"));
            }
            if (done) done(error);
        });
}

} // namespace ft::ui
