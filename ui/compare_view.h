// CompareView: the base model and a tuned one (a run's final or best adapter, one of its
// checkpoints, or any PEFT adapter folder) answer the same prompt side by side, at the same time,
// streaming, with the same sampling settings; the words that differ are highlighted when both are
// done. A run's validation examples can be stepped through with the reference reply beside them,
// and each side is judged against it: field by field for JSON replies, right or wrong otherwise.
// Models load and generate on worker threads; each side keeps its model loaded until its source
// changes.
#pragma once
#include <QWidget>
#include <memory>
#include <vector>

#include "chat/chat_template.h" // ChatMessage (plain types)

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace ft {
class ChatModel;
struct ChatModelOptions;
} // namespace ft

namespace ft::ui {

class ReplyPane;
class Workspace;

class CompareView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    explicit CompareView(Workspace* workspace, QWidget* parent = nullptr);
    ~CompareView() override;

    void setBaseModel(const QString& dir);
    void setAdapterDir(const QString& dir);                                                // a PEFT adapter folder
    bool selectRun(const QString& runDir, const QString& which = QStringLiteral("final")); // final|best|step-N
    void setPrompt(const QString& user, const QString& system = {});
    // Loads the validation examples of a workspace dataset for stepping (a run does this itself).
    int loadExamples(const QString& workspaceDir, const QString& dataset);
    void showExample(int index); // sets the prompt and the reference, and generates

    QString baseText() const;
    QString tunedText() const;
    QString referenceText() const;
    QString verdictText(bool tuned) const; // a side judged against the reference ("" without one)
    bool isBusy() const;
    bool hasBaseModel() const;
    QString tunedName() const; // the run (or adapter) on the tuned side, "" for none
    int exampleCount() const { return int(m_examples.size()); }

public Q_SLOTS:
    void generate();
    void stop();
    void refreshRuns();

Q_SIGNALS:
    void generationFinished(); // both sides are done (or failed)
    void logLine(const QString& line);

private:
    void runSide(ReplyPane* side, const std::vector<ChatMessage>& conversation);
    void sideDone();
    void updateDiff();
    void updateExampleLabel();
    bool tunedOptions(ChatModelOptions* out, QString* error) const;

    Workspace* m_workspace;
    QLineEdit* m_baseModel = nullptr;
    QComboBox* m_tuned = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QSpinBox* m_topK = nullptr;
    QDoubleSpinBox* m_repetition = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_system = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_stop = nullptr;
    QCheckBox* m_diff = nullptr;
    QTextBrowser* m_reference = nullptr;
    QLabel* m_exampleLabel = nullptr;
    ReplyPane* m_base = nullptr;
    ReplyPane* m_tunedSide = nullptr;
    std::vector<std::vector<ChatMessage>> m_examples; // conversations; the last turn is the reference
    int m_exampleIndex = -1;
    QString m_runChatTemplate;
};

} // namespace ft::ui
