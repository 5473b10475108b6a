// finetune-studio: the desktop application.
#include "appearance.h"
#include "demo_opener.h"
#include "main_window.h"
#include "model_view.h"
#include "screenshot_tour.h"
#include "setup_view.h"
#include "settings.h"
#include "workspace.h"
#include "util/cpu_threads.h"
#include "util/host_allocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv) {
    ft::keepFreedHostMemory();
    const std::string threads = ft::tuneCpuThreads();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FinetuneStudio"));
    QApplication::setApplicationName(QStringLiteral("finetune-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Finetune Studio"));
    QApplication::setApplicationVersion(QStringLiteral(FT_VERSION));

    // The language preference wins; otherwise the system locale picks the translation.
    const QString language = ft::ui::settings::language.get();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // English is the fallback (its file holds the plural forms: "1 example", "3 examples").
    if (appTranslator.load(locale, QStringLiteral("finetune_studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        appTranslator.load(QStringLiteral("finetune_studio_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Fine-tune local language models with LoRA."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption modelOption(QStringLiteral("model"), QApplication::translate("main", "Open this model folder."),
                                   QStringLiteral("dir"));
    parser.addOption(modelOption);
    QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Open this workspace folder (created when needed)."),
                                       QStringLiteral("dir"));
    parser.addOption(workspaceOption);
    QCommandLineOption configOption(QStringLiteral("config"),
                                    QApplication::translate("main", "Load this run configuration (JSON) into the Setup view."),
                                    QStringLiteral("file"));
    parser.addOption(configOption);
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QApplication::translate("main",
                                                          "Open the demo (made the first time): the order-messages dataset, the "
                                                          "starter model and a run configuration ready to train."));
    parser.addOption(demoOption);
    // For scripts/screenshots: walk the views, save one PNG each to DIR, quit.
    QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                         QApplication::translate("main", "Save a screenshot of every view to this folder and quit."),
                                         QStringLiteral("dir"));
    QCommandLineOption tourRunOption(QStringLiteral("tour-run"),
                                     QApplication::translate("main", "The run folder the screenshot tour shows."), QStringLiteral("dir"));
    parser.addOption(screenshotsOption);
    parser.addOption(tourRunOption);
    parser.process(app);

    ft::ui::applyTheme(ft::ui::settings::theme.get());
    ft::ui::MainWindow window;
    if (!threads.empty()) window.appendLog(QApplication::translate("main", "CPU threads: %1").arg(QString::fromStdString(threads)));
    window.show();
    // --demo, and the very first start (no workspace named, none opened before): the demo.
    const bool firstStart = !parser.isSet(workspaceOption) && ft::ui::settings::lastWorkspace.get().isEmpty() &&
                            !parser.isSet(screenshotsOption) && !parser.isSet(modelOption) && !parser.isSet(configOption);
    if (parser.isSet(demoOption) || firstStart) {
        ft::ui::openDemo(&window, {}, [&window](const QString& error) {
            if (!error.isEmpty() && !window.workspace()->isOpen())
                window.openWorkspace(QDir::home().filePath(QStringLiteral("FinetuneStudio")));
        });
        return app.exec();
    }
    // The workspace given, else the last one, else a default folder in the home directory.
    QString workspace = parser.value(workspaceOption);
    if (workspace.isEmpty()) workspace = ft::ui::settings::lastWorkspace.get();
    if (workspace.isEmpty() || !QDir(workspace).exists()) workspace = QDir::home().filePath(QStringLiteral("FinetuneStudio"));
    window.openWorkspace(workspace);
    if (parser.isSet(screenshotsOption)) {
        window.resize(1280, 800); // the smallest size the layouts are made for
        QTimer::singleShot(0, &window, [&] {
            const int written = ft::ui::runScreenshotTour(window, parser.value(screenshotsOption), parser.value(tourRunOption));
            QApplication::exit(written > 0 ? 0 : 1);
        });
    }
    if (parser.isSet(modelOption)) window.modelView()->openModel(parser.value(modelOption));
    if (parser.isSet(configOption)) {
        QString error;
        if (window.setupView()->loadConfigFile(parser.value(configOption), &error)) window.showView(window.setupView());
        else window.appendLog(QApplication::translate("main", "Cannot load %1: %2").arg(parser.value(configOption), error));
    }
    return app.exec();
}
