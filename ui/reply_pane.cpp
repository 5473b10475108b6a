// ReplyPane: one streamed reply of a chat model, with its status (see reply_pane.h).
#include "reply_pane.h"

#include "background.h"
#include "qt_std.h"

#include <QDir>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ft::ui {

namespace {

std::string optionsKey(const ChatModelOptions& o) {
    return o.modelDir + "|" + o.adapterDir + "|" + o.tokenizerDir + "|" + o.chatTemplate + "|" + o.device + "|" + o.dtype;
}

} // namespace

ReplyPane::ReplyPane(const QString& title, QWidget* parent) : QGroupBox(title, parent) {
    m_view = new QTextBrowser(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void ReplyPane::clear() {
    m_text.clear();
    m_failed = false;
    m_view->clear();
}

void ReplyPane::fail(const QString& message) {
    clear();
    m_failed = true;
    m_status->setText(message);
}

void ReplyPane::stop() {
    if (m_cancel) m_cancel->store(true);
}

void ReplyPane::showText(const QString& plain) {
    m_view->setPlainText(plain);
}

void ReplyPane::showHtml(const QString& html) {
    m_view->setHtml(html);
}

void ReplyPane::start(const ChatModelOptions& options, const std::vector<ChatMessage>& conversation, const ReplySettings& settings) {
    clear();
    const std::string key = optionsKey(options);
    std::shared_ptr<ChatModel> model = m_key == key ? m_model : nullptr;
    m_status->setText(
        model ? tr("Generating…")
              : tr("Loading %1…").arg(QDir(qstr(options.adapterDir.empty() ? options.modelDir : options.adapterDir)).dirName()));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    struct Outcome {
        std::shared_ptr<ChatModel> model;
        ChatReply reply;
        QString error;
    };
    auto cancel = m_cancel;
    const PostToOwner post(this); // streamed pieces, dropped if the pane has gone meanwhile
    runInBackground<Outcome>(
        this,
        [this, model, options, conversation, settings, cancel, post]() mutable {
            Outcome o;
            try {
                if (!model) model = ChatModel::load(options);
                o.model = model;
                post([this, d = qstr(model->description())] { m_status->setText(tr("Generating with %1…").arg(d)); });
                o.reply = model->reply(
                    conversation, settings,
                    [this, post](const std::string& piece) {
                        post([this, p = qstr(piece)] {
                            m_text += p;
                            m_view->moveCursor(QTextCursor::End);
                            m_view->insertPlainText(p);
                        });
                    },
                    cancel.get());
            } catch (const std::exception& e) {
                o.error = qstr(e.what());
            }
            return o;
        },
        [this, key](const Outcome& o) {
            m_running = false;
            if (o.model) m_model = o.model, m_key = key;
            if (!o.error.isEmpty()) {
                m_failed = true;
                m_status->setText(tr("<span style='color:#c0392b'>%1</span>").arg(o.error.toHtmlEscaped()));
                Q_EMIT logLine(tr("Compare (%1): %2").arg(title(), o.error));
            } else {
                m_text = qstr(o.reply.text); // the decoded whole, in case a piece was split oddly
                const double rate = o.reply.seconds > 0 ? double(o.reply.newTokens) / o.reply.seconds : 0;
                m_status->setText(tr("%1 tokens, %2 tokens/s, %3 (prompt %4 tokens)")
                                      .arg(o.reply.newTokens)
                                      .arg(rate, 0, 'f', 1)
                                      .arg(qstr(o.reply.finishReason))
                                      .arg(o.reply.promptTokens));
            }
            Q_EMIT finished();
        });
}

} // namespace ft::ui
