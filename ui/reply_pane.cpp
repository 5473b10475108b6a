// ReplyPane: one streamed reply of a chat model, with its status (see reply_pane.h).
#include "reply_pane.h"

#include "background.h"
#include "eval/structured_metrics.h"
#include "eval/text_metrics.h"
#include "qt_std.h"
#include "tone.h"

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
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(m_status);
}

void ReplyPane::clear() {
    m_text.clear();
    m_failed = false;
    m_view->clear();
    m_verdict->hide();
}

void ReplyPane::judge(const QString& reference) {
    if (reference.trimmed().isEmpty() || m_failed) return m_verdict->hide();
    const QString right = widgets::toneHtml(widgets::Tone::Done, QStringLiteral("✓ %1"), palette());
    const QString wrong = widgets::toneHtml(widgets::Tone::Failed, QStringLiteral("✗ %1"), palette());
    const auto verdicts = eval::jsonFieldVerdicts(str(m_text), str(reference));
    QStringList parts;
    if (verdicts.empty()) {
        const bool same = eval::normalizedExactMatch(str(m_text), str(reference)) > 0.5;
        parts << (same ? right.arg(tr("matches the reference")) : wrong.arg(tr("differs from the reference")));
    } else {
        int good = 0;
        for (const auto& v : verdicts) {
            good += v.right;
            if (v.right) parts << right.arg(qstr(v.field).toHtmlEscaped());
            else
                parts << wrong.arg(
                    v.got.empty() ? tr("%1 (missing; expected %2)").arg(qstr(v.field).toHtmlEscaped(), qstr(v.expected).toHtmlEscaped())
                                  : tr("%1: %2 (expected %3)")
                                        .arg(qstr(v.field).toHtmlEscaped(), qstr(v.got).toHtmlEscaped(), qstr(v.expected).toHtmlEscaped()));
        }
        parts.prepend(tr("<b>%1 of %2 fields right</b>").arg(good).arg(verdicts.size()));
    }
    m_verdict->setText(parts.join(QStringLiteral(" &nbsp; ")));
    m_verdict->show();
}

QString ReplyPane::verdictText() const {
    return m_verdict->isHidden() ? QString() : m_verdict->text();
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
                m_status->setText(widgets::toneHtml(widgets::Tone::Failed, o.error.toHtmlEscaped(), palette()));
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
