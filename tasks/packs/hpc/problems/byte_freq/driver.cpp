// Driver of the byte_freq problem: how often each of the 256 byte values occurs in a byte array.
// size -> n = size bytes, made of segments of 1..4096 bytes of three kinds: uniform random bytes
// (every value, 0 and 255 included), runs of one repeated byte (the same counter hit over and
// over), and text-like bytes (lower-case letters, spaces and a few punctuation marks, letters
// weighted like English).
#include "hpceval_driver.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

void byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq);
void hpceval_baseline_byte_freq(const std::vector<uint8_t> &data, std::vector<int64_t> &freq);

struct ByteFreqProblem {
    struct Input {
        std::vector<std::uint8_t> data;
        std::vector<std::int64_t> freq0;  // arbitrary contents of freq on entry; must be overwritten
        template <class F> void fields(F &&f) { f(data); f(freq0); }
    };

    static Input generate(std::size_t size, std::uint64_t seed) {
        hpceval::Rng rng(seed);
        Input in;
        // A 256-entry table of text bytes: each letter repeated by its rough English weight.
        static const char letters[] = "etaoinshrdlcumwfgypbvkjxqz";
        static const int weight[26] = {25, 18, 16, 15, 14, 14, 13, 12, 12, 9, 8, 6, 6,
                                       5,  5,  5,  4,  4,  3,  3,  2,  1,  1, 1, 1, 1};
        std::uint8_t text[256];
        int t = 0;
        for (int l = 0; l < 26; ++l)
            for (int k = 0; k < weight[l] && t < 256; ++k) text[t++] = static_cast<std::uint8_t>(letters[l]);
        static const char extra[] = " .,\n";
        while (t < 256) text[t] = static_cast<std::uint8_t>(extra[t % 4]), ++t;

        in.data.resize(size);
        std::uint8_t *d = in.data.data();
        std::size_t i = 0;
        while (i < size) {
            const std::uint64_t r = rng.next_u64();
            const std::size_t len = std::min<std::size_t>(size - i, 1 + ((r >> 8) & 4095));
            const std::uint64_t kind = r % 3;
            if (kind == 1) {  // a run of one byte
                std::fill(d + i, d + i + len, static_cast<std::uint8_t>(r >> 24));
                i += len;
                continue;
            }
            for (std::size_t j = 0; j < len; j += 8) {
                std::uint64_t bits = rng.next_u64();
                const std::size_t m = std::min<std::size_t>(8, len - j);
                for (std::size_t k = 0; k < m; ++k, bits >>= 8) {
                    const std::uint8_t b = static_cast<std::uint8_t>(bits);
                    d[i + j + k] = kind == 0 ? b : text[b];
                }
            }
            i += len;
        }
        in.freq0.resize(256);
        for (std::int64_t &c : in.freq0) c = static_cast<std::int64_t>(rng.below(1000)) - 500;
        return in;
    }
    static void reset_output(const Input &in, std::vector<double> &out) { out.assign(in.freq0.size(), -1.0); }
    static void candidate(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> freq(in.freq0);
        byte_freq(in.data, freq);
        out.assign(freq.begin(), freq.end());
    }
    static void baseline(const Input &in, std::vector<double> &out) {
        std::vector<int64_t> freq(in.freq0);
        hpceval_baseline_byte_freq(in.data, freq);
        out.assign(freq.begin(), freq.end());
    }
};

HPCEVAL_MAIN(ByteFreqProblem)
