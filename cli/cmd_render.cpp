#include "commands.h"
#include "util/error.h"
namespace ft::cli {
int runRender(const Argv&) { throw Error("render: chat templates are not built yet"); }
}
