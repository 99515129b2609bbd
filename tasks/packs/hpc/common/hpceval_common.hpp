// hpceval_common.hpp -- what the trusted driver and the worker stub of the `hpc` pack share:
// deterministic random numbers, the byte layout of a problem's inputs, and the control messages.
//
// Inputs travel in a memfd that the trusted side fills and every worker rank maps; control messages
// travel over one Unix stream socket per rank. Nothing in this file decides a verdict or a time.
#ifndef HPCEVAL_COMMON_HPP
#define HPCEVAL_COMMON_HPP

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <vector>

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace hpceval {

// ---------------------------------------------------------------- random numbers
// splitmix64: tiny, portable and fully deterministic across compilers and platforms.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL) {}

    std::uint64_t next_u64() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
    // Uniform in [-1, 1).
    double uniform() { return 2.0 * unit() - 1.0; }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // Integer in [0, n), n > 0 (modulo; the bias of at most n / 2^64 is irrelevant here).
    std::uint64_t below(std::uint64_t n) { return next_u64() % n; }

private:
    std::uint64_t state_;
};

// Fills v with uniform values in [lo, hi).
inline void fill_uniform(std::vector<double> &v, Rng &rng, double lo = -1.0, double hi = 1.0) {
    for (double &e : v) e = rng.uniform(lo, hi);
}

// ---------------------------------------------------------------- input layout
// A problem's Input lists its fields once, `template <class F> void fields(F &&f) { f(n); f(x); }`;
// scalars and std::vector<T> of trivially copyable T are laid out as raw bytes, a vector behind
// its element count (u64).
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};

struct SizeOf {
    std::size_t bytes = 0;
    template <class T> void operator()(T &v) {
        if constexpr (is_vector<T>::value) {
            static_assert(std::is_trivially_copyable<typename T::value_type>::value, "vector of plain values");
            bytes += sizeof(std::uint64_t) + v.size() * sizeof(typename T::value_type);
        } else {
            static_assert(std::is_trivially_copyable<T>::value, "input fields are plain values or vectors");
            bytes += sizeof(T);
        }
    }
};

struct Writer {
    unsigned char *at;
    template <class T> void operator()(T &v) {
        if constexpr (is_vector<T>::value) {
            const std::uint64_t count = v.size();
            std::memcpy(at, &count, sizeof count);
            at += sizeof count;
            if (count) std::memcpy(at, v.data(), count * sizeof(typename T::value_type));
            at += count * sizeof(typename T::value_type);
        } else {
            std::memcpy(at, &v, sizeof(T));
            at += sizeof(T);
        }
    }
};

struct Reader {
    const unsigned char *at, *end;
    bool ok = true;
    template <class T> void operator()(T &v) {
        if constexpr (is_vector<T>::value) {
            std::uint64_t count = 0;
            if (!take(&count, sizeof count)) return;
            using E = typename T::value_type;
            if (count > static_cast<std::uint64_t>(end - at) / sizeof(E)) { ok = false; return; }
            v.resize(count);
            if (count) take(v.data(), count * sizeof(E));
        } else {
            take(&v, sizeof(T));
        }
    }
    bool take(void *dst, std::size_t n) {
        if (!ok || static_cast<std::size_t>(end - at) < n) return ok = false;
        std::memcpy(dst, at, n);
        at += n;
        return true;
    }
};

// ---------------------------------------------------------------- control messages
enum Op : std::uint32_t {
    OP_HELLO = 1,  // worker -> trusted: a = rank, b = number of ranks
    OP_MEMFD,      // trusted -> worker: the input/output memfd rides along (SCM_RIGHTS)
    OP_PING,       // trusted -> worker: answer at once (handshake cost); nothing of the candidate runs
    OP_PONG,
    OP_LOAD,       // trusted -> worker: a = bytes of input at offset 0; build a fresh Input from them
    OP_LOADED,
    OP_GO,         // trusted -> worker: call the entry point once
    OP_DONE,
    OP_STORE,      // trusted -> rank 0: copy the output (doubles) to offset a, at most b of them
    OP_STORED,     // a = the output's element count
    OP_QUIT,
};

struct Msg {
    std::uint32_t op = 0;
    std::uint32_t pad = 0;
    std::uint64_t a = 0;
    std::uint64_t b = 0;
};

// Sends one message, optionally passing a file descriptor along.
inline bool send_msg(int sock, const Msg &m, int pass_fd = -1) {
    struct iovec iov;
    iov.iov_base = const_cast<Msg *>(&m);
    iov.iov_len = sizeof m;
    struct msghdr hdr;
    std::memset(&hdr, 0, sizeof hdr);
    hdr.msg_iov = &iov;
    hdr.msg_iovlen = 1;
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    if (pass_fd >= 0) {
        std::memset(control, 0, sizeof control);
        hdr.msg_control = control;
        hdr.msg_controllen = sizeof control;
        struct cmsghdr *c = CMSG_FIRSTHDR(&hdr);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
    }
    for (;;) {
        const ssize_t n = sendmsg(sock, &hdr, MSG_NOSIGNAL);
        if (n == static_cast<ssize_t>(sizeof m)) return true;
        if (n < 0 && errno == EINTR) continue;
        return false;
    }
}

// Receives one whole message (false on EOF or error); a passed descriptor lands in *got_fd.
inline bool recv_msg(int sock, Msg &m, int *got_fd = nullptr) {
    struct iovec iov;
    iov.iov_base = &m;
    iov.iov_len = sizeof m;
    struct msghdr hdr;
    std::memset(&hdr, 0, sizeof hdr);
    hdr.msg_iov = &iov;
    hdr.msg_iovlen = 1;
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    hdr.msg_control = control;
    hdr.msg_controllen = sizeof control;
    ssize_t n;
    do n = recvmsg(sock, &hdr, MSG_WAITALL | MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n != static_cast<ssize_t>(sizeof m)) return false;
    if (got_fd) {
        *got_fd = -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&hdr); c; c = CMSG_NXTHDR(&hdr, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) std::memcpy(got_fd, CMSG_DATA(c), sizeof(int));
    }
    return true;
}

}  // namespace hpceval

#endif  // HPCEVAL_COMMON_HPP
