// The dataset file types, and classifyDrop: by what is on disk, not by the drag's MIME type.
#include "dropped_files.h"

#include <QDir>
#include <QFileInfo>

namespace ft::ui {

const QStringList& datasetFileSuffixes() {
    static const QStringList suffixes{QStringLiteral("jsonl"), QStringLiteral("json"), QStringLiteral("csv"),
                                      QStringLiteral("tsv"),   QStringLiteral("txt"),  QStringLiteral("md")};
    return suffixes;
}

QString datasetFilePatterns() {
    QStringList patterns;
    for (const QString& suffix : datasetFileSuffixes()) patterns << QStringLiteral("*.") + suffix;
    return patterns.join(QLatin1Char(' '));
}

DroppedFiles classifyDrop(const QList<QUrl>& urls) {
    DroppedFiles out;
    for (const QUrl& url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
        const QFileInfo info(path);
        if (!url.isLocalFile() || !info.exists()) out.unusable << path;
        else if (info.isDir() && QFileInfo::exists(QDir(path).filePath(QStringLiteral("config.json")))) out.modelDirs << path;
        else if (info.isFile() && datasetFileSuffixes().contains(info.suffix().toLower())) out.datasetFiles << path;
        else out.unusable << path;
    }
    return out;
}

} // namespace ft::ui
