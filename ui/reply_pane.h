// ReplyPane: one side of the Compare view. A titled box that loads a chat model (kept loaded while
// its source stays the same), streams its reply to a conversation from a worker thread, says how
// fast and why it ended, and can be stopped. The view lays two of them side by side and marks the
// words that differ once both are done.
#pragma once
#include <QGroupBox>

#include "chat/chat_template.h"  // ChatMessage (plain types)
#include "generate/chat_model.h" // ChatModelOptions, ReplySettings (torch-free)

#include <atomic>
#include <memory>
#include <string>
#include <vector>

class QLabel;
class QTextBrowser;

namespace ft::ui {

class ReplyPane final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplyPane)

public:
    explicit ReplyPane(const QString& title, QWidget* parent = nullptr);

    // Starts a reply on a worker (loading the model first when the options changed); finished follows.
    void start(const ChatModelOptions& options, const std::vector<ChatMessage>& conversation, const ReplySettings& settings);
    void fail(const QString& message); // no reply this time (the source is unusable), shown in the status
    void stop();
    void clear();

    bool isRunning() const { return m_running; }
    bool failed() const { return m_failed; }
    QString text() const { return m_text; }
    void showText(const QString& plain); // the reply as is
    void showHtml(const QString& html);  // the reply with the differences marked
    // Judges the reply against a reference reply: field by field when the reference is JSON (right
    // ones ticked, wrong ones with what came and what was expected), else whether it matches it
    // (normalised). An empty reference hides the verdict.
    void judge(const QString& reference);
    QString verdictText() const;

Q_SIGNALS:
    void finished();
    void logLine(const QString& line);

private:
    QTextBrowser* m_view = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_verdict = nullptr;
    std::shared_ptr<ChatModel> m_model; // loaded with m_key
    std::string m_key;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_text;
    bool m_failed = false;
    bool m_running = false;
};

} // namespace ft::ui
