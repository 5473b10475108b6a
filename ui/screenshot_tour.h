// A tour of the main window for the documentation: shows each view in a prepared state (a dataset
// example selected with its token lengths counted, the model read, the setup estimated, a run's
// curves, base and tuned compared on a validation example, the evaluation report, the runs) and
// saves one PNG per view, in the light theme and again in the dark one ("-dark"); then a first
// start's empty state and a run in progress. scripts/screenshots runs it under Xvfb on the demo.
#pragma once
#include <QString>

namespace ft::ui {

class MainWindow;

// Returns the number of screenshots written; problems go to the window's log and stderr.
int runScreenshotTour(MainWindow& window, const QString& outDir, const QString& runDir);

} // namespace ft::ui
