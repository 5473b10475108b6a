// Word-level differences between two texts, and their rendering as highlighted HTML.
#include "word_diff.h"

#include <QRegularExpression>
#include <vector>

namespace ft::widgets {

namespace {

QStringList words(const QString& text) {
    QStringList out;
    static const QRegularExpression word(QStringLiteral("\\S+\\s*|\\s+"));
    auto it = word.globalMatch(text);
    while (it.hasNext()) out << it.next().captured(0);
    return out;
}

void push(QList<DiffSpan>& spans, DiffSpan::Op op, const QString& text) {
    if (!spans.isEmpty() && spans.back().op == op) spans.back().text += text;
    else spans.push_back({op, text});
}

} // namespace

QList<DiffSpan> wordDiff(const QString& before, const QString& after, int maxWords) {
    const QStringList a = words(before), b = words(after);
    QList<DiffSpan> spans;
    if (a.size() > maxWords || b.size() > maxWords) {
        if (before == after) return {{DiffSpan::Equal, before}};
        if (!before.isEmpty()) spans.push_back({DiffSpan::Removed, before});
        if (!after.isEmpty()) spans.push_back({DiffSpan::Added, after});
        return spans;
    }
    // Words compare without their trailing whitespace, so a changed line break is not a changed word.
    auto same = [&](qsizetype i, qsizetype j) { return a[i].trimmed() == b[j].trimmed(); };
    const size_t n = size_t(a.size()), m = size_t(b.size());
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0)); // suffix LCS lengths
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = same(qsizetype(i), qsizetype(j)) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(qsizetype(i), qsizetype(j))) {
            push(spans, DiffSpan::Equal, b[qsizetype(j)]);
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            push(spans, DiffSpan::Added, b[qsizetype(j++)]);
        } else {
            push(spans, DiffSpan::Removed, a[qsizetype(i++)]);
        }
    }
    return spans;
}

QString diffHtml(const QList<DiffSpan>& spans, int side) {
    QString html = QStringLiteral("<div style='white-space: pre-wrap;'>");
    for (const DiffSpan& s : spans) {
        const QString text = s.text.toHtmlEscaped();
        if (s.op == DiffSpan::Equal) html += text;
        else if (side == 0 && s.op == DiffSpan::Removed)
            html += QStringLiteral("<span style='background:#f8c9c4;color:#000'>%1</span>").arg(text);
        else if (side == 1 && s.op == DiffSpan::Added)
            html += QStringLiteral("<span style='background:#c8ecc9;color:#000'>%1</span>").arg(text);
    }
    return html + QStringLiteral("</div>");
}

} // namespace ft::widgets
