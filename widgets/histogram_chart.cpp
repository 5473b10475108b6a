// HistogramChart: a histogram with a marker line.
#include "histogram_chart.h"

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace ft::widgets {

HistogramChart::HistogramChart(const QString& xLabel, QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(tr("examples"));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString()));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    rebuild();
}

void HistogramChart::setValues(const QVector<double>& values, int bins) {
    m_values = values;
    m_bins = std::max(1, bins);
    rebuild();
}

void HistogramChart::setLimit(double limit) {
    m_limit = limit;
    rebuild();
}

int HistogramChart::overLimit() const {
    if (m_limit <= 0) return 0;
    return int(std::count_if(m_values.begin(), m_values.end(), [this](double v) { return v > m_limit; }));
}

QString HistogramChart::title() const {
    auto* text = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    return text ? text->text() : QString();
}

void HistogramChart::rebuild() {
    m_plot->clearPlottables();
    m_plot->clearItems();
    auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    if (m_values.isEmpty()) {
        title->setText(tr("No values"));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const auto [minIt, maxIt] = std::minmax_element(m_values.begin(), m_values.end());
    const double lo = std::floor(*minIt), hi = std::max(lo + 1, std::ceil(*maxIt) + 1);
    const double width = std::max(1.0, std::ceil((hi - lo) / m_bins));
    const int bins = int(std::ceil((hi - lo) / width));
    QVector<double> keys(bins), counts(bins, 0);
    for (int i = 0; i < bins; ++i) keys[i] = lo + (i + 0.5) * width;
    for (double v : m_values) counts[std::min(bins - 1, int((v - lo) / width))] += 1;
    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setWidth(width * 0.9);
    bars->setData(keys, counts, true);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(31, 119, 180, 200));

    double xmax = hi;
    if (m_limit > 0) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(m_limit, 0);
        line->point2->setCoords(m_limit, 1);
        line->setPen(QPen(QColor(214, 39, 40), 2, Qt::DashLine));
        // A limit far beyond every value would squash the bars into a corner: the title says it instead.
        if (m_limit <= hi * 1.5) xmax = std::max(xmax, m_limit * 1.05);
    }
    const int over = overLimit();
    QString text = tr("%n value(s), median %1, max %2", nullptr, int(m_values.size()))
                       .arg(m_values.size() ? [&] {
                           QVector<double> sorted = m_values;
                           std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
                           return sorted[sorted.size() / 2];
                       }() : 0)
                       .arg(*maxIt);
    if (m_limit > 0) text += tr("; %1 over the limit of %2 (%3%)").arg(over).arg(m_limit).arg(100.0 * over / m_values.size(), 0, 'f', 1);
    title->setText(text);
    m_plot->xAxis->setRange(std::min(0.0, lo), xmax);
    m_plot->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ft::widgets
