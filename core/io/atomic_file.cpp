// Atomic file writes: a temporary file, flushed, then renamed over the target.
#include "io/atomic_file.h"

#include "util/error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ft {

namespace {
std::string directoryOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}
} // namespace

AtomicFileWriter::AtomicFileWriter(std::string path) : m_path(std::move(path)) {
    std::string tmpl = m_path + ".tmp-XXXXXX";
    m_fd = ::mkstemp(tmpl.data());
    if (m_fd < 0)
        throw Error(format("cannot create a temporary file next to %s: %s", m_path.c_str(), std::strerror(errno)),
                    "check that the folder exists and is writable");
    ::fchmod(m_fd, 0644);
    m_tmpPath = tmpl;
}

AtomicFileWriter::~AtomicFileWriter() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_tmpPath.empty()) ::unlink(m_tmpPath.c_str());
}

void AtomicFileWriter::write(const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            throw Error(format("writing %s failed: %s", m_path.c_str(), std::strerror(err)),
                        err == ENOSPC ? "the disk is full; free some space and try again" : "");
        }
        p += n;
        size -= size_t(n);
    }
}

void AtomicFileWriter::commit() {
    if (::fsync(m_fd) != 0) throw Error(format("writing %s failed at fsync: %s", m_path.c_str(), std::strerror(errno)));
    ::close(m_fd);
    m_fd = -1;
    if (::rename(m_tmpPath.c_str(), m_path.c_str()) != 0)
        throw Error(format("cannot replace %s: %s", m_path.c_str(), std::strerror(errno)));
    m_tmpPath.clear();
    const int dirFd = ::open(directoryOf(m_path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

void writeFileAtomic(const std::string& path, const std::string& contents) {
    AtomicFileWriter w(path);
    w.write(contents);
    w.commit();
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool isDirectory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(format("cannot open %s: %s", path.c_str(), std::strerror(errno)));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(format("cannot read %s", path.c_str()));
    return ss.str();
}

} // namespace ft
