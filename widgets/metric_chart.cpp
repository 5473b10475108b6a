// MetricChart: training curves, live, with several runs overlaid.
#include "metric_chart.h"

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace ft::widgets {

MetricChart::MetricChart(const QString& yLabel, QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(yLabel);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QBrush(QColor(255, 255, 255, 200)));
    m_plot->setMinimumHeight(140);
    m_plot->installEventFilter(this);
    // Any user pan or zoom stops following the data; a double-click resumes it.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_follow = true;
        scheduleReplot();
    });
}

int MetricChart::addSeries(const QString& name, const QColor& color, bool points, double smoothing) {
    Series s;
    s.graph = m_plot->addGraph();
    s.graph->setName(name);
    if (points) {
        s.graph->setLineStyle(QCPGraph::lsNone);
        s.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
    } else {
        QColor c = color;
        if (smoothing > 0) c.setAlpha(90); // the raw curve stays in the background
        s.graph->setPen(QPen(c, 1));
    }
    if (smoothing > 0) {
        s.weight = smoothing;
        s.smoothed = m_plot->addGraph();
        s.smoothed->setName(name + tr(" (smoothed)"));
        s.smoothed->setPen(QPen(color, 2));
    }
    m_series.push_back(s);
    return int(m_series.size()) - 1;
}

void MetricChart::addPoint(int index, double step, double value) {
    if (index < 0 || index >= int(m_series.size()) || !std::isfinite(value)) return;
    Series& s = m_series[size_t(index)];
    s.graph->addData(step, value);
    if (s.smoothed) {
        s.ema = s.weight * s.ema + (1 - s.weight) * value;
        s.emaNorm = s.weight * s.emaNorm + (1 - s.weight);
        s.smoothed->addData(step, s.ema / s.emaNorm);
    }
    scheduleReplot();
}

void MetricChart::clear() {
    for (auto& s : m_series) {
        s.graph->data()->clear();
        if (s.smoothed) s.smoothed->data()->clear();
        s.ema = s.emaNorm = 0;
    }
    m_follow = true;
    scheduleReplot();
}

void MetricChart::removeAllSeries() {
    m_plot->clearGraphs();
    m_series.clear();
    m_follow = true;
    scheduleReplot();
}

void MetricChart::setLogScale(bool on) {
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_plot->yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    scheduleReplot();
}

bool MetricChart::logScale() const {
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

int MetricChart::pointCount(int index) const {
    return index >= 0 && index < int(m_series.size()) ? m_series[size_t(index)].graph->dataCount() : 0;
}

double MetricChart::firstValue(int index) const {
    if (pointCount(index) == 0) return std::numeric_limits<double>::quiet_NaN();
    return m_series[size_t(index)].graph->data()->constBegin()->value;
}

double MetricChart::lastValue(int index) const {
    if (pointCount(index) == 0) return std::numeric_limits<double>::quiet_NaN();
    const auto& data = m_series[size_t(index)].graph->data();
    return (data->constEnd() - 1)->value;
}

double MetricChart::smoothedValue(int index) const {
    if (index < 0 || index >= int(m_series.size()) || !m_series[size_t(index)].smoothed || pointCount(index) == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const auto& s = m_series[size_t(index)];
    return s.ema / s.emaNorm;
}

void MetricChart::scheduleReplot() {
    if (m_replotPending) return;
    m_replotPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_replotPending = false;
            if (m_follow) m_plot->rescaleAxes();
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        },
        Qt::QueuedConnection);
}

bool MetricChart::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::MouseMove) {
        // The nearest point of any series, by step, as a tooltip.
        const auto* e = static_cast<QMouseEvent*>(event);
        const double step = m_plot->xAxis->pixelToCoord(e->position().x());
        QString text;
        for (const auto& s : m_series)
            for (QCPGraph* g : {s.graph, s.smoothed}) {
                if (!g || g->dataCount() == 0) continue;
                auto it = g->data()->findBegin(step, true);
                if (it == g->data()->constEnd()) continue;
                text += QStringLiteral("%1 @ %2: %3\n").arg(g->name()).arg(it->key).arg(it->value, 0, 'g', 5);
            }
        if (!text.isEmpty()) QToolTip::showText(e->globalPosition().toPoint(), text.trimmed(), m_plot);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ft::widgets
