// What was dropped on the window: dataset files to import and model folders to open (a folder with
// a config.json); anything else is named back to the person, not silently ignored.
#pragma once
#include <QList>
#include <QStringList>
#include <QUrl>

namespace ft::ui {

// The extensions of the dataset files the studio imports ("jsonl", "json", "csv", "tsv", "txt",
// "md"): the import dialog's filter and what a drop takes as a dataset.
const QStringList& datasetFileSuffixes();
// The same as patterns for a file dialog or a message: "*.jsonl *.json ...".
QString datasetFilePatterns();

struct DroppedFiles {
    QStringList datasetFiles; // with one of datasetFileSuffixes()
    QStringList modelDirs;
    QStringList unusable; // neither
};

DroppedFiles classifyDrop(const QList<QUrl>& urls);

} // namespace ft::ui
