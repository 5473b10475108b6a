// Atomic file writes: data goes to "<path>.tmp-XXXX", is fsync'ed, then renamed over <path>.
// A crash or a full disk at any point leaves either the old file or the new one, never a mix.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace ft {

// Writes through a callback that receives a sink; the sink throws ft::Error on a failed write
// (ENOSPC included) and the temporary file is removed.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::string path);
    ~AtomicFileWriter(); // removes the temp file if commit() was not reached
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(const void* data, size_t size);
    void write(const std::string& text) { write(text.data(), text.size()); }
    void commit(); // fsync + rename + fsync of the directory

private:
    std::string m_path;
    std::string m_tmpPath;
    int m_fd = -1;
};

// Whole-file convenience wrapper.
void writeFileAtomic(const std::string& path, const std::string& contents);

// Reads a whole file; throws ft::Error naming the path when it cannot.
std::string readFile(const std::string& path);

bool fileExists(const std::string& path); // a regular file
bool isDirectory(const std::string& path);

} // namespace ft
