// Word-level differences between two texts (longest common subsequence over words, whitespace kept
// with the word before it), and their rendering as HTML with the changed words highlighted.
#pragma once
#include <QList>
#include <QString>

namespace ft::widgets {

struct DiffSpan {
    enum Op { Equal, Removed, Added } op;
    QString text;
};

// Spans that rebuild `before` (Equal + Removed) and `after` (Equal + Added), in order. Texts of more
// than maxWords words each are compared as one changed block (the table is words x words).
QList<DiffSpan> wordDiff(const QString& before, const QString& after, int maxWords = 3000);

// HTML of one side: side 0 shows `before` with removed words marked, side 1 `after` with added ones.
QString diffHtml(const QList<DiffSpan>& spans, int side);

} // namespace ft::widgets
