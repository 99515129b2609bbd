// The glue between the trusted side and a C++ `function` solution: compiled into solution.so beside it (never
// into the solution's own translation unit), it exports two C symbols that worker.py calls through ctypes in a
// child of the zygote, after "go":
//
//   int hpceval_call(const unsigned char* in, size_t n, unsigned char** out, size_t* out_n)
//     decodes the arguments, calls the entry point, encodes its result (0), or the exception's text (1)
//   int hpceval_echo(in, n, answer, answer_n, out, out_n)
//     the same exchange with no solution code in it: decodes the arguments and the expected answer, encodes the
//     answer (the trusted side subtracts its cost from every run)
//
// glue.cpp, which jobs.py writes, is this header, the problem's prompt (its declaration) and HPCEVAL_ENTRY(name).
// The byte format (native.py is the Python side): a tag, then the value, little-endian:
//   'b' u8 | 'i' i64 | 'f' f64 | 's' u64 length + bytes | 'l' u64 count + items |
//   'I' u64 count + i64[count] | 'F' u64 count + f64[count]   (packed lists of integers or floats)
// Arguments travel as one 'l' with an item per parameter. Everything here has internal linkage, so a solution
// cannot replace it by defining the same names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace {
namespace hpceval_glue {

struct Reader {
    const unsigned char* at;
    const unsigned char* end;

    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end - at) < n) throw std::runtime_error("hpceval: the input is truncated");
    }
    unsigned char tag() {
        need(1);
        return *at++;
    }
    template <class T> T raw() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, at, sizeof(T));
        at += sizeof(T);
        return value;
    }
    std::size_t count(std::size_t item_bytes) {
        const auto n = raw<std::uint64_t>();
        if (n > static_cast<std::size_t>(end - at) / item_bytes) throw std::runtime_error("hpceval: bad length");
        return static_cast<std::size_t>(n);
    }
};

struct Writer {
    std::string bytes;
    void tag(char t) { bytes.push_back(t); }
    template <class T> void raw(T value) { bytes.append(reinterpret_cast<const char*>(&value), sizeof(T)); }
};

[[noreturn]] inline void mismatch(const char* wanted, unsigned char got) {
    throw std::runtime_error(std::string("hpceval: the value is not ") + wanted + " (tag '" +
                             static_cast<char>(got) + "')");
}

template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class A, class B> struct is_tuple<std::pair<A, B>> : std::true_type {};

template <class T> constexpr bool is_integer = std::is_integral_v<T> && !std::is_same_v<T, bool>;

template <class T> T get(Reader& r);
template <class T> void put(Writer& w, const T& value);

template <class Tuple, std::size_t... I> Tuple get_items(Reader& r, std::index_sequence<I...>) {
    return Tuple{get<std::tuple_element_t<I, Tuple>>(r)...};  // a braced list: read left to right
}

template <class T> T get_number(Reader& r, unsigned char packed) {
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
        if (packed == 'I') return static_cast<T>(r.raw<std::int64_t>());
        return static_cast<T>(r.raw<double>());
    } else {
        mismatch("a tuple of numbers", packed);
    }
}

template <class Tuple, std::size_t... I> Tuple get_packed(Reader& r, unsigned char packed, std::index_sequence<I...>) {
    return Tuple{get_number<std::tuple_element_t<I, Tuple>>(r, packed)...};
}

template <class T> T get(Reader& r) {
    const unsigned char t = r.tag();
    if constexpr (std::is_same_v<T, bool>) {
        if (t == 'b' || t == 'i') return t == 'b' ? r.raw<std::uint8_t>() != 0 : r.raw<std::int64_t>() != 0;
        mismatch("a bool", t);
    } else if constexpr (is_integer<T>) {
        if (t == 'i') return static_cast<T>(r.raw<std::int64_t>());
        if (t == 'b') return static_cast<T>(r.raw<std::uint8_t>());
        mismatch("an integer", t);
    } else if constexpr (std::is_floating_point_v<T>) {
        if (t == 'f') return static_cast<T>(r.raw<double>());
        if (t == 'i') return static_cast<T>(r.raw<std::int64_t>());
        mismatch("a number", t);
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (t != 's') mismatch("a string", t);
        const std::size_t n = r.count(1);
        std::string s(reinterpret_cast<const char*>(r.at), n);
        r.at += n;
        return s;
    } else if constexpr (is_vector<T>::value) {
        using Item = typename T::value_type;
        T items;
        if constexpr (is_integer<Item> || std::is_floating_point_v<Item>) {
            if (t == (is_integer<Item> ? 'I' : 'F')) {
                const std::size_t n = r.count(8);
                items.resize(n);
                for (std::size_t k = 0; k < n; ++k) {
                    if constexpr (is_integer<Item>) items[k] = static_cast<Item>(r.raw<std::int64_t>());
                    else items[k] = static_cast<Item>(r.raw<double>());
                }
                return items;
            }
        }
        if (t != 'l') mismatch("a list", t);
        const std::size_t n = r.count(1);
        items.reserve(n);
        for (std::size_t k = 0; k < n; ++k) items.push_back(get<Item>(r));
        return items;
    } else if constexpr (is_tuple<T>::value) {
        if (t == 'I' || t == 'F') {  // a packed list of numbers, each item one of the tuple's numbers
            if (r.count(8) != std::tuple_size_v<T>) throw std::runtime_error("hpceval: a tuple of the wrong length");
            return get_packed<T>(r, t, std::make_index_sequence<std::tuple_size_v<T>>{});
        }
        if (t != 'l') mismatch("a tuple", t);
        if (r.count(1) != std::tuple_size_v<T>) throw std::runtime_error("hpceval: a tuple of the wrong length");
        return get_items<T>(r, std::make_index_sequence<std::tuple_size_v<T>>{});
    } else {
        static_assert(sizeof(T) == 0, "hpceval: use bool, integers, double, std::string, std::vector, std::pair or "
                                      "std::tuple in a function problem's signature");
    }
}

template <class T> void put(Writer& w, const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        w.tag('b');
        w.raw<std::uint8_t>(value ? 1 : 0);
    } else if constexpr (is_integer<T>) {
        w.tag('i');
        w.raw<std::int64_t>(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_floating_point_v<T>) {
        w.tag('f');
        w.raw<double>(static_cast<double>(value));
    } else if constexpr (std::is_same_v<T, std::string>) {
        w.tag('s');
        w.raw<std::uint64_t>(value.size());
        w.bytes.append(value);
    } else if constexpr (is_vector<T>::value) {
        using Item = typename T::value_type;
        if constexpr (is_integer<Item> || std::is_floating_point_v<Item>) {
            w.tag(is_integer<Item> ? 'I' : 'F');
            w.raw<std::uint64_t>(value.size());
            for (const Item& item : value) {
                if constexpr (is_integer<Item>) w.raw<std::int64_t>(static_cast<std::int64_t>(item));
                else w.raw<double>(static_cast<double>(item));
            }
        } else {
            w.tag('l');
            w.raw<std::uint64_t>(value.size());
            for (auto&& item : value) put<Item>(w, item);
        }
    } else if constexpr (is_tuple<T>::value) {
        w.tag('l');
        w.raw<std::uint64_t>(std::tuple_size_v<T>);
        std::apply([&w](const auto&... items) { (put<std::decay_t<decltype(items)>>(w, items), ...); }, value);
    } else {
        static_assert(sizeof(T) == 0, "hpceval: return bool, an integer, double, std::string, std::vector, "
                                      "std::pair or std::tuple from a function problem");
    }
}

template <class... A> std::tuple<std::decay_t<A>...> get_arguments(Reader& r) {
    const unsigned char t = r.tag();
    if (t != 'l' || r.count(1) != sizeof...(A)) throw std::runtime_error("hpceval: the arguments do not match");
    return std::tuple<std::decay_t<A>...>{get<std::decay_t<A>>(r)...};
}

template <class T> inline void keep(T& value) { asm volatile("" : : "r"(&value) : "memory"); }

inline int finish(Writer& w, unsigned char** out, std::size_t* out_n, int status) {
    auto* bytes = static_cast<unsigned char*>(std::malloc(w.bytes.size() + 1));
    if (bytes == nullptr) return 2;
    std::memcpy(bytes, w.bytes.data(), w.bytes.size());
    *out = bytes;
    *out_n = w.bytes.size();
    return status;
}

inline int failure(const char* what, unsigned char** out, std::size_t* out_n) {
    Writer w;
    w.bytes = what;
    return finish(w, out, out_n, 1);
}

template <class R, class... A>
int call(R (*entry)(A...), const unsigned char* in, std::size_t n, unsigned char** out, std::size_t* out_n) {
    static_assert(!std::is_void_v<R>, "hpceval: a function problem's entry point returns its answer");
    try {
        Reader r{in, in + n};
        auto arguments = get_arguments<A...>(r);
        Writer w;
        put<std::decay_t<R>>(w, std::apply(entry, arguments));
        return finish(w, out, out_n, 0);
    } catch (const std::exception& error) {
        return failure(error.what(), out, out_n);
    } catch (...) {
        return failure("the solution threw something that is not a std::exception", out, out_n);
    }
}

template <class R, class... A>
int echo(R (*)(A...), const unsigned char* in, std::size_t n, const unsigned char* answer, std::size_t answer_n,
         unsigned char** out, std::size_t* out_n) {
    try {
        Reader r{in, in + n};
        auto arguments = get_arguments<A...>(r);
        keep(arguments);
        Reader a{answer, answer + answer_n};
        auto expected = get<std::decay_t<R>>(a);
        Writer w;
        put<std::decay_t<R>>(w, expected);
        return finish(w, out, out_n, 0);
    } catch (const std::exception& error) {
        return failure(error.what(), out, out_n);
    }
}

}  // namespace hpceval_glue
}  // namespace

#define HPCEVAL_ENTRY(entry)                                                                                     \
    extern "C" __attribute__((visibility("default"))) int hpceval_call(const unsigned char* in, std::size_t n,  \
                                                                       unsigned char** out, std::size_t* out_n) { \
        return hpceval_glue::call(&entry, in, n, out, out_n);                                                    \
    }                                                                                                            \
    extern "C" __attribute__((visibility("default"))) int hpceval_echo(                                          \
        const unsigned char* in, std::size_t n, const unsigned char* answer, std::size_t answer_n,               \
        unsigned char** out, std::size_t* out_n) {                                                               \
        return hpceval_glue::echo(&entry, in, n, answer, answer_n, out, out_n);                                  \
    }
