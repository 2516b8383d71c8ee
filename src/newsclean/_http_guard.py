"""Refusing private, loopback and link-local addresses (server-side request forgery guard).

Two checks work together: the host name is resolved and checked before a request (a clear
error, no connection), and the address a socket actually connected to is checked before
anything is sent on it, so a name that resolves differently the second time (DNS
rebinding) is caught too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ._deadline import getaddrinfo_within

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


# IPv6 forms that carry an IPv4 address in their last 32 bits and reach it: NAT64's
# well-known prefix, IPv4-translated and the deprecated IPv4-compatible addresses.
# (IPv4-mapped and 6to4 have ipaddress properties of their own.)
_LAST_32_BITS = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("::ffff:0:0:0/96"),
    ipaddress.IPv6Network("::/96"),
)
_IPV4_BITS = 0xFFFFFFFF
# NAT64 for local use (RFC 8215): never public, and where it embeds the IPv4 address
# depends on a prefix length the address does not tell.
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it embeds one."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if int(ip) > 1 and any(ip in net for net in _LAST_32_BITS):  # not :: or ::1
        return ipaddress.IPv4Address(int(ip) & _IPV4_BITS)
    return None


class AddressPolicy:
    """Which addresses may be contacted: public ones, plus any explicitly allowed network."""

    def __init__(self, allowed_networks: Iterable[str] = ()) -> None:
        self.allowed: tuple[Network, ...] = tuple(
            ipaddress.ip_network(n, strict=False) for n in allowed_networks
        )

    def refusal(self, address: str) -> str | None:
        """Why `address` is refused, or None when it may be contacted."""
        try:
            ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return f"{address!r} is not an IP address"
        if any(ip in net for net in self.allowed):
            return None
        if isinstance(ip, ipaddress.IPv6Address):
            if ip in _LOCAL_NAT64:
                return "non-public"
            embedded = _embedded_ipv4(ip)
            if embedded is not None:  # judged as the IPv4 address it reaches
                ip = embedded
                if any(ip in net for net in self.allowed):
                    return None
        if ip.is_loopback:
            return "loopback"
        if ip.is_link_local:
            return "link-local"
        if ip.is_private:
            return "private"
        if ip.is_multicast or not ip.is_global:
            return "non-public"
        return None


def resolve(host: str, port: int, timeout: float | None = None) -> list[str]:
    """All addresses `host` resolves to (empty when it does not resolve); raises
    `NameLookupTimeout` when the lookup takes longer than `timeout` seconds."""
    try:
        infos = getaddrinfo_within(timeout, host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


class ForbiddenPeer(Exception):
    """A socket connected to a refused address; raised before any byte is sent."""

    def __init__(self, address: str, reason: str) -> None:
        self.address = address
        self.reason = reason
        super().__init__(f"connected to {reason} address {address}")


def _checked(sock: socket.socket, policy: AddressPolicy) -> socket.socket:
    peer = str(sock.getpeername()[0])
    reason = policy.refusal(peer)
    if reason is not None:
        sock.close()
        raise ForbiddenPeer(peer, reason)
    return sock


def guarded_adapter(policy: AddressPolicy, **kwargs: Any) -> HTTPAdapter:
    """An HTTPAdapter whose direct (non-proxy) connections refuse addresses `policy` refuses."""

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(super()._new_conn(), policy)

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(super()._new_conn(), policy)

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **pool_kwargs: Any) -> None:
            super().init_poolmanager(*args, **pool_kwargs)
            # A proxy configured by the user is trusted; only direct connections are checked.
            self.poolmanager.pool_classes_by_scheme = {
                "http": GuardedHTTPPool,
                "https": GuardedHTTPSPool,
            }

    return GuardedAdapter(**kwargs)


def mount_guard(session: requests.Session, policy: AddressPolicy,
                pool_maxsize: int = 10) -> None:
    for prefix in ("http://", "https://"):
        session.mount(prefix, guarded_adapter(policy, pool_maxsize=pool_maxsize))


__all__ = ["AddressPolicy", "ForbiddenPeer", "mount_guard", "resolve"]
