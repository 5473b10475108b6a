// Training a SentencePiece model on text, through the isolated module.
#include "tokenizer/spm_trainer.h"

#include "util/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace ft {

void trainSentencePiece(const std::vector<std::string>& args) {
    const char* program = std::getenv("FT_SPM_TRAIN") ? std::getenv("FT_SPM_TRAIN") : "spm_train";
    std::vector<char*> argv{const_cast<char*>(program)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    // Its log goes to a pipe we read, so that a failure can be reported with spm_train's own words.
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) throw Error(std::string("cannot start spm_train: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, program, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (rc != 0) {
        ::close(pipeFds[0]);
        throw Error(std::string("cannot run ") + program + ": " + std::strerror(rc),
                    "install Debian's sentencepiece package (apt-get install sentencepiece)");
    }
    std::string output;
    char buf[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR);)
        if (n > 0) output.append(buf, size_t(n));
    ::close(pipeFds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        // SentencePiece states the reason on a "[_status.ok()] Internal: ..." line; otherwise the
        // last lines say what went wrong.
        const size_t status = output.rfind("[_status.ok()]");
        if (status != std::string::npos) {
            const size_t begin = output.find(' ', status) + 1, end = output.find('\n', status);
            throw Error("spm_train failed: " + output.substr(begin, end == std::string::npos ? std::string::npos : end - begin),
                        "check the vocabulary size: it must hold 256 byte pieces, the special pieces and the text's characters, and a "
                        "small text cannot fill a large one");
        }
        const size_t keep = output.size() > 1500 ? output.size() - 1500 : 0;
        throw Error("spm_train failed: " + output.substr(keep));
    }
}

} // namespace ft
