// hpceval_worker.hpp -- the worker stub: the only process in which candidate code runs.
//
// Built from a problem's driver.cpp with -DHPCEVAL_WORKER and linked against libcandidate.so (the
// candidate's object, every symbol but the entry point made local by a version script, so it can
// replace nothing of ours or of the C/C++ libraries). It connects to the trusted driver's socket
// ($HPCEVAL_SOCKET), maps the input memfd it is handed, and obeys: LOAD builds a fresh Input from
// the bytes, GO calls the entry point once, STORE copies the output back. It never sees a seed, a
// tolerance, the expected output or a clock that counts; under MPI every rank does the same and
// rank 0's output is the one stored. Signals stay blocked outside the call, so no handler of the
// candidate's runs while the stub copies data.
#ifndef HPCEVAL_WORKER_HPP
#define HPCEVAL_WORKER_HPP

#include "hpceval_common.hpp"

#include <csignal>
#include <exception>
#include <memory>

#include <pthread.h>
#include <sys/mman.h>
#include <sys/un.h>

#ifdef HPCEVAL_MPI
#ifndef OMPI_SKIP_MPICXX
#define OMPI_SKIP_MPICXX 1
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>
#endif

#ifdef HPCEVAL_KOKKOS
#include <Kokkos_Core.hpp>  // the kokkos model: the stub owns Kokkos's lifetime (OpenMP backend, OMP_NUM_THREADS)
#endif

#ifdef HPCEVAL_CUDA
#include <cuda_runtime_api.h>  // the cuda model: the stub owns the device context (shared CUDA runtime)
#endif

namespace hpceval {

[[noreturn]] inline void worker_fail(const char *what) {
    std::fprintf(stderr, "hpceval worker: %s (%s)\n", what, std::strerror(errno));
    std::fflush(stderr);
    _exit(70);
}

#ifdef HPCEVAL_CUDA
// The device side of the cuda model. The context is made before the first call (its cost is never timed); every
// LOAD overwrites a buffer of twice the L2 cache, so no call finds the previous one's data in L2; after the
// candidate returns, the stub waits for the whole device, inside the timed call, so work the candidate left
// running is paid for, and an error it left (a failed launch, a fault) is its failure.
struct Device {
    void *flush = nullptr;
    std::size_t flush_bytes = 0;
    int fill = 0;

    void open() {
        cudaError_t e = cudaSetDevice(0);
        if (e == cudaSuccess) e = cudaFree(nullptr);  // makes the context
        int l2 = 0;
        if (e == cudaSuccess) e = cudaDeviceGetAttribute(&l2, cudaDevAttrL2CacheSize, 0);
        flush_bytes = 2 * static_cast<std::size_t>(l2 > 0 ? l2 : (1 << 20));
        if (e == cudaSuccess) e = cudaMalloc(&flush, flush_bytes);
        if (e != cudaSuccess) fail("no usable CUDA device", e);
    }
    void flush_l2() {
        cudaError_t e = cudaMemset(flush, ++fill & 0xff, flush_bytes);
        if (e == cudaSuccess) e = cudaDeviceSynchronize();
        if (e != cudaSuccess) fail("the L2 flush failed", e);
    }
    static void finish_call(int rank) {
        cudaError_t e = cudaDeviceSynchronize();
        if (e == cudaSuccess) e = cudaGetLastError();
        if (e != cudaSuccess) {
            std::fprintf(stderr, "hpceval worker: the candidate's CUDA work failed on rank %d: %s\n", rank,
                         cudaGetErrorString(e));
            std::fflush(stderr);
            _exit(3);
        }
    }
    void close() {
        if (flush) cudaFree(flush);
        flush = nullptr;
    }
    [[noreturn]] static void fail(const char *what, cudaError_t e) {
        std::fprintf(stderr, "hpceval worker: %s: %s\n", what, cudaGetErrorString(e));
        std::fflush(stderr);
        _exit(70);
    }
};
#endif

inline int connect_trusted() {
    const char *path = std::getenv("HPCEVAL_SOCKET");
    if (!path || std::strlen(path) >= sizeof(sockaddr_un::sun_path)) worker_fail("no usable $HPCEVAL_SOCKET");
    const int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) worker_fail("socket");
    sockaddr_un addr;
    std::memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    std::strcpy(addr.sun_path, path);
    if (connect(sock, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) worker_fail("connect");
    return sock;
}

template <class P>
int worker_main(int argc, char **argv) {
    int rank = 0, nranks = 1;
#ifdef HPCEVAL_MPI
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
#endif
#ifdef HPCEVAL_KOKKOS
    Kokkos::initialize(argc, argv);  // before the signal mask: its OpenMP threads start here, as the candidate's would
#endif
#if !defined(HPCEVAL_MPI) && !defined(HPCEVAL_KOKKOS)
    (void)argc;
    (void)argv;
#endif
#ifdef HPCEVAL_CUDA
    Device device;
    device.open();  // before the signal mask, as Kokkos: the runtime's own threads start here
#endif
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);

    const int sock = connect_trusted();
    Msg m;
    m.op = OP_HELLO;
    m.a = static_cast<std::uint64_t>(rank);
    m.b = static_cast<std::uint64_t>(nranks);
    if (!send_msg(sock, m)) worker_fail("hello");
    int memfd = -1;
    if (!recv_msg(sock, m, &memfd) || m.op != OP_MEMFD || memfd < 0) worker_fail("no memfd from the trusted driver");

    unsigned char *map = nullptr;
    std::size_t mapped = 0;
    auto ensure_mapped = [&](std::size_t bytes) {
        if (bytes <= mapped) return;
        if (map) munmap(map, mapped);
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
        if (p == MAP_FAILED) worker_fail("mmap");
        map = static_cast<unsigned char *>(p);
        mapped = bytes;
    };

    std::unique_ptr<typename P::Input> in;
    std::unique_ptr<std::vector<double>> out;
    for (;;) {
        if (!recv_msg(sock, m)) worker_fail("the trusted driver went away");
        Msg reply;
        if (m.op == OP_PING) {
            reply.op = OP_PONG;
        } else if (m.op == OP_LOAD) {
            in.reset();  // inputs and output are allocated afresh for every call
            out.reset();
            ensure_mapped(static_cast<std::size_t>(m.a));
            in.reset(new typename P::Input());
            Reader reader{map, map + m.a};
            in->fields(reader);
            if (!reader.ok) worker_fail("malformed input bytes");
            out.reset(new std::vector<double>());
            P::reset_output(*in, *out);
#ifdef HPCEVAL_CUDA
            device.flush_l2();
#endif
            reply.op = OP_LOADED;
        } else if (m.op == OP_GO) {
            if (!in || !out) worker_fail("GO before LOAD");
            pthread_sigmask(SIG_SETMASK, &old, nullptr);
            try {
                P::candidate(*in, *out);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "hpceval worker: the candidate threw on rank %d: %s\n", rank, e.what());
                std::fflush(stderr);
                _exit(3);
            } catch (...) {
                std::fprintf(stderr, "hpceval worker: the candidate threw a non-standard exception on rank %d\n", rank);
                std::fflush(stderr);
                _exit(3);
            }
#ifdef HPCEVAL_CUDA
            Device::finish_call(rank);  // still inside the timed call: the device's queued work is the candidate's
#endif
            pthread_sigmask(SIG_BLOCK, &all, nullptr);
            reply.op = OP_DONE;
        } else if (m.op == OP_STORE) {
            if (!out) worker_fail("STORE before LOAD");
            ensure_mapped(static_cast<std::size_t>(m.a + m.b * sizeof(double)));
            const std::size_t n = out->size() < m.b ? out->size() : static_cast<std::size_t>(m.b);
            if (n) std::memcpy(map + m.a, out->data(), n * sizeof(double));
            reply.op = OP_STORED;
            reply.a = out->size();
        } else if (m.op == OP_QUIT) {
            break;
        } else {
            worker_fail("unknown message");
        }
        if (!send_msg(sock, reply)) worker_fail("reply");
    }
#ifdef HPCEVAL_CUDA
    device.close();
#endif
#ifdef HPCEVAL_KOKKOS
    in.reset();  // no Kokkos object may outlive finalize
    out.reset();
    Kokkos::finalize();
#endif
#ifdef HPCEVAL_MPI
    MPI_Finalize();
#endif
    return 0;
}

}  // namespace hpceval

#define HPCEVAL_MAIN(PROBLEM) \
    int main(int argc, char **argv) { return ::hpceval::worker_main<PROBLEM>(argc, argv); }

#endif  // HPCEVAL_WORKER_HPP
