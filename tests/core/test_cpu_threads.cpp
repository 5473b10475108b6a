// tuneCpuThreads: with OpenBLAS in the process (Debian's libtorch) and no thread count set by the
// person, libtorch's loops get one thread and OpenBLAS keeps the cores; a count the person set, or
// a libtorch without OpenBLAS (PyTorch's), is left alone. Runs in both builds (scripts/test).
#include "util/cpu_threads.h"

#include <ATen/Parallel.h>
#include <QtTest>
#include <dlfcn.h>

using namespace ft;

class TestCpuThreads final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void leavesAThreadCountThePersonSet() {
        qputenv("OMP_NUM_THREADS", "2");
        at::set_num_threads(2);
        QCOMPARE(QString::fromStdString(tuneCpuThreads()), QString());
        QCOMPARE(at::get_num_threads(), 2);
        qunsetenv("OMP_NUM_THREADS");
        qputenv("OPENBLAS_NUM_THREADS", "1");
        QCOMPARE(QString::fromStdString(tuneCpuThreads()), QString());
        QCOMPARE(at::get_num_threads(), 2);
        qunsetenv("OPENBLAS_NUM_THREADS");
    }

    void givesOpenBlasTheCores() {
        qunsetenv("OMP_NUM_THREADS"); // scripts/test runs the tests with OMP_NUM_THREADS=1
        qunsetenv("OPENBLAS_NUM_THREADS");
        at::set_num_threads(2);
        const bool openblas = dlsym(RTLD_DEFAULT, "openblas_get_num_threads") != nullptr;
        const std::string changed = tuneCpuThreads();
        qInfo() << "OpenBLAS in the process:" << openblas << "; changed:" << QString::fromStdString(changed);
        QCOMPARE(!changed.empty(), openblas);
        QCOMPARE(at::get_num_threads(), openblas ? 1 : 2);
    }
};

QTEST_GUILESS_MAIN(TestCpuThreads)
#include "test_cpu_threads.moc"
