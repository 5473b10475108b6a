// Test support: running the built finetune executable and capturing its output.
#include "cli_runner.h"

#include "tiny_model.h"

#include <QProcess>
#include <stdexcept>

namespace ft::test {

CliResult runCli(const QStringList& args, const std::string& input, int timeoutMs) {
    QProcess p;
    p.start(QString::fromStdString(cliPath()), args);
    p.write(QByteArray::fromStdString(input));
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) throw std::runtime_error("finetune did not finish: " + args.join(' ').toStdString());
    return {p.exitCode(), p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

} // namespace ft::test
