// HistogramChart: the distribution of a list of values as bars (QCustomPlot), with an optional
// vertical limit line (a maximum length, say) and the share of values beyond it in the title.
#pragma once
#include <QVector>
#include <QWidget>

class QCustomPlot;

namespace ft::widgets {

class HistogramChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramChart)

public:
    explicit HistogramChart(const QString& xLabel, QWidget* parent = nullptr);

    void setValues(const QVector<double>& values, int bins = 40);
    void setLimit(double limit); // <= 0 hides the line
    int valueCount() const { return int(m_values.size()); }
    int overLimit() const; // values > limit
    QString title() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void rebuild();

    QCustomPlot* m_plot = nullptr;
    QVector<double> m_values;
    int m_bins = 40;
    double m_limit = 0;
};

} // namespace ft::widgets
