// TokenLengthsPanel: the Dataset view's Token Lengths tab. Counts every example's tokens with a
// model's tokenizer and chat template, exactly as training encodes it (on a worker, cached in the
// workspace), and shows their histogram against the run's max length.
#pragma once
#include <QWidget>

#include <cstdint>
#include <functional>
#include <string>

class QLabel;
class QSpinBox;

namespace ft::widgets {
class HistogramChart;
}

namespace ft::ui {

class Workspace;

class TokenLengthsPanel final : public QWidget {
    Q_OBJECT

public:
    // `datasetId` names the dataset to count (0: none); `idle` says whether the view has no other
    // work on a worker (one at a time).
    TokenLengthsPanel(Workspace* workspace, std::function<int64_t()> datasetId, std::function<bool()> idle, QWidget* parent = nullptr);

    void setTokenizerModel(const QString& modelDir); // whose tokenizer and template count tokens
    widgets::HistogramChart* histogram() const { return m_histogram; }

public Q_SLOTS:
    void count();

Q_SIGNALS:
    void busyChanged(bool busy);
    void counted(int examples, const QString& tokenCountKey); // newly counted; the cache key of all counts
    void failed(const QString& what, const QString& error);

private:
    void updateHistogram();

    Workspace* m_workspace;
    std::function<int64_t()> m_datasetId;
    std::function<bool()> m_idle;
    widgets::HistogramChart* m_histogram = nullptr;
    QSpinBox* m_maxLength = nullptr;
    QLabel* m_tokenizerLabel = nullptr;
    QString m_tokenizerModel;
    std::string m_tokenKey;
};

} // namespace ft::ui
