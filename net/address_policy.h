// Which network addresses lede may fetch from: the SSRF guard's one decision, as pure functions.
// Knows addresses only (no DNS, no sockets, no URLs): fetch.cc resolves names and asks this file about
// every address it could connect to.
#pragma once

#include <sys/socket.h>

#include <string>

namespace lede::net {

// Why an address is refused, or `public_address` when it may be fetched from.
enum class AddressClass {
  public_address,
  loopback,        // 127.0.0.0/8, ::1
  private_range,   // 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7
  link_local,      // 169.254/16 (cloud metadata lives there: 169.254.169.254), fe80::/10
  unspecified,     // 0.0.0.0/8, ::
  special,         // multicast, broadcast, documentation, benchmarking, reserved, 192.0.0/24, fec0::/10
  unknown_family,  // not IPv4 nor IPv6
};

// Classifies an IPv4 or IPv6 socket address. IPv6 forms that carry an IPv4 address (IPv4-mapped
// ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by it.
AddressClass classify_address(const sockaddr* address);

// Classifies a numeric address string ("10.0.0.1", "::1"); unknown_family when it is not one.
AddressClass classify_numeric_address(const std::string& text);

// Stable lowercase name of the class ("loopback", "private_range", ...), for error messages.
const char* address_class_name(AddressClass address_class);

// The numeric text of an address ("93.184.216.34", "2606:2800::1"), for logs and CURLOPT_RESOLVE.
std::string address_to_string(const sockaddr* address);

}  // namespace lede::net
