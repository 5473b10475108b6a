// Training a SentencePiece model. The trainer runs as Debian's spm_train program in a child process:
// inside our process it would share libstdc++'s stream objects across the RTLD_DEEPBIND boundary
// that keeps SentencePiece's protobuf apart from libtorch's, and crash on its first log line.
#pragma once
#include <string>
#include <vector>

namespace ft {

// `args` as spm_train takes them ("--input=FILE", "--model_prefix=PREFIX", ...). Throws ft::Error
// with spm_train's own message when it fails, or when it is not installed.
void trainSentencePiece(const std::vector<std::string>& args);

} // namespace ft
