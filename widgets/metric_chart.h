// MetricChart: a live line chart of one or more series against the step (QCustomPlot). A series can
// be drawn as a line or as points, and can get a smoothed companion (exponential moving average,
// bias-corrected) for noisy curves such as the training loss. Drag to pan, wheel to zoom, hover for
// values, double-click to follow the data again. Points may arrive at any rate: replots are
// coalesced into the event loop.
#pragma once
#include <QColor>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace ft::widgets {

class MetricChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)

public:
    explicit MetricChart(const QString& yLabel, QWidget* parent = nullptr);

    // Returns the series index. smoothing in (0, 1): also draw an EMA with that weight on the past.
    int addSeries(const QString& name, const QColor& color, bool points = false, double smoothing = 0);
    void addPoint(int series, double step, double value);
    void clear(); // empties every series, keeps them
    void removeAllSeries();
    void setLogScale(bool on); // the value axis; for the loss, whose late changes are small
    bool logScale() const;

    int pointCount(int series) const;
    int seriesCount() const { return int(m_series.size()); }
    double firstValue(int series) const;    // NaN when empty
    double lastValue(int series) const;     // NaN when empty
    double smoothedValue(int series) const; // NaN when the series has no smoothing

    QCustomPlot* plot() const { return m_plot; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void scheduleReplot();

    struct Series {
        QCPGraph* graph = nullptr;
        QCPGraph* smoothed = nullptr;
        double weight = 0, ema = 0, emaNorm = 0;
    };
    QCustomPlot* m_plot = nullptr;
    std::vector<Series> m_series;
    bool m_follow = true; // rescale to the data until the user pans or zooms
    bool m_replotPending = false;
};

} // namespace ft::widgets
