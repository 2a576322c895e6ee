// The SSRF guard's address classes (address_policy.h): IPv4 and IPv6 ranges that a fetch must never
// reach. Pure functions of the address bytes; no resolving, no I/O.
#include "address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace lede::net {
namespace {

using Ipv4 = std::uint32_t;  // host byte order
using Ipv6 = std::array<std::uint8_t, 16>;

bool in_range(Ipv4 address, Ipv4 network, int prefix_bits) {
  const Ipv4 mask = prefix_bits == 0 ? 0 : ~Ipv4{0} << (32 - prefix_bits);
  return (address & mask) == (network & mask);
}

constexpr Ipv4 ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  return (Ipv4{a} << 24) | (Ipv4{b} << 16) | (Ipv4{c} << 8) | Ipv4{d};
}

AddressClass classify_ipv4(Ipv4 address) {
  if (in_range(address, ipv4(127, 0, 0, 0), 8)) return AddressClass::loopback;
  if (in_range(address, ipv4(0, 0, 0, 0), 8)) return AddressClass::unspecified;
  if (in_range(address, ipv4(10, 0, 0, 0), 8) || in_range(address, ipv4(172, 16, 0, 0), 12) ||
      in_range(address, ipv4(192, 168, 0, 0), 16) || in_range(address, ipv4(100, 64, 0, 0), 10)) {
    return AddressClass::private_range;
  }
  if (in_range(address, ipv4(169, 254, 0, 0), 16)) return AddressClass::link_local;
  const bool special = in_range(address, ipv4(192, 0, 0, 0), 24) ||     // IETF protocol assignments
                       in_range(address, ipv4(192, 0, 2, 0), 24) ||     // documentation
                       in_range(address, ipv4(198, 51, 100, 0), 24) ||  // documentation
                       in_range(address, ipv4(203, 0, 113, 0), 24) ||   // documentation
                       in_range(address, ipv4(198, 18, 0, 0), 15) ||    // benchmarking
                       in_range(address, ipv4(224, 0, 0, 0), 4) ||     // multicast
                       in_range(address, ipv4(240, 0, 0, 0), 4);        // reserved and broadcast
  return special ? AddressClass::special : AddressClass::public_address;
}

Ipv4 ipv4_at(const Ipv6& bytes, int offset) {
  return ipv4(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

bool starts_with(const Ipv6& bytes, std::initializer_list<std::uint8_t> prefix) {
  return std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

AddressClass classify_ipv6(const Ipv6& bytes) {
  const bool first_ten_zero = std::all_of(bytes.begin(), bytes.begin() + 10, [](auto b) { return b == 0; });
  if (first_ten_zero && bytes[10] == 0xff && bytes[11] == 0xff) return classify_ipv4(ipv4_at(bytes, 12));
  if (first_ten_zero && bytes[10] == 0 && bytes[11] == 0) {
    const Ipv4 tail = ipv4_at(bytes, 12);
    if (tail == 0) return AddressClass::unspecified;
    if (tail == 1) return AddressClass::loopback;
    return classify_ipv4(tail);  // deprecated IPv4-compatible form
  }
  if (starts_with(bytes, {0x00, 0x64, 0xff, 0x9b}) &&
      std::all_of(bytes.begin() + 4, bytes.begin() + 12, [](auto b) { return b == 0; })) {
    return classify_ipv4(ipv4_at(bytes, 12));  // NAT64
  }
  if (starts_with(bytes, {0x20, 0x02})) return classify_ipv4(ipv4_at(bytes, 2));  // 6to4
  if ((bytes[0] & 0xfe) == 0xfc) return AddressClass::private_range;               // fc00::/7
  if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return AddressClass::link_local;  // fe80::/10
  if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0xc0) return AddressClass::special;     // fec0::/10
  if (bytes[0] == 0xff) return AddressClass::special;                                  // multicast
  if (starts_with(bytes, {0x20, 0x01, 0x0d, 0xb8})) return AddressClass::special;      // documentation
  return AddressClass::public_address;
}

}  // namespace

AddressClass classify_address(const sockaddr* address) {
  if (address == nullptr) return AddressClass::unknown_family;
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return classify_ipv4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    Ipv6 bytes;
    std::memcpy(bytes.data(), &v6->sin6_addr, bytes.size());
    return classify_ipv6(bytes);
  }
  return AddressClass::unknown_family;
}

AddressClass classify_numeric_address(const std::string& text) {
  sockaddr_in v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    return classify_address(reinterpret_cast<const sockaddr*>(&v4));
  }
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    return classify_address(reinterpret_cast<const sockaddr*>(&v6));
  }
  return AddressClass::unknown_family;
}

const char* address_class_name(AddressClass address_class) {
  switch (address_class) {
    case AddressClass::public_address: return "public";
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_range: return "private_range";
    case AddressClass::link_local: return "link_local";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::special: return "special_purpose";
    case AddressClass::unknown_family: return "unknown_family";
  }
  return "unknown_family";
}

std::string address_to_string(const sockaddr* address) {
  char buffer[INET6_ADDRSTRLEN] = {0};
  if (address == nullptr) return {};
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, buffer, sizeof buffer);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, buffer, sizeof buffer);
  }
  return buffer;
}

}  // namespace lede::net
