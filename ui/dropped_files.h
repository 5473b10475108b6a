// What was dropped on the window: dataset files to import and model folders to open (a folder with
// a config.json); anything else is named back to the person, not silently ignored.
#pragma once
#include <QList>
#include <QStringList>
#include <QUrl>

namespace ft::ui {

struct DroppedFiles {
    QStringList datasetFiles; // .jsonl .json .csv .tsv .txt .md
    QStringList modelDirs;
    QStringList unusable; // neither
};

DroppedFiles classifyDrop(const QList<QUrl>& urls);

} // namespace ft::ui
