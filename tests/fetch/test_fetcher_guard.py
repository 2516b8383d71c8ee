"""The address guard (refusing private, loopback and link-local hosts) and TLS settings."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsclean
import newsclean.fetcher
from newsclean import FetchConfig, FetchError, ForbiddenAddressError
from newsclean._http_guard import AddressPolicy
from tests.http_server import LocalServer, html, redirect, running_server

PAGE = "<html><body><p>Story.</p></body></html>"
LOOPBACK_ONLY = ("127.0.0.1/32",)


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)


def guarded(*allowed: str) -> FetchConfig:
    return FetchConfig(allow_private_addresses=False, allowed_networks=allowed,
                       min_host_interval=0, backoff_base=0.01, max_retries=1)


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fc00::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("100.64.0.1", "non-public"), ("0.0.0.0", "private"), ("224.0.0.1", "non-public"),
    ("8.8.8.8", None), ("2606:4700::1111", None),
    # IPv6 addresses that embed an IPv4 one are judged as that IPv4 address
    ("64:ff9b::7f00:1", "loopback"), ("64:ff9b::127.0.0.1", "loopback"),
    ("64:ff9b::a9fe:a9fe", "link-local"), ("64:ff9b::808:808", None),
    ("2002:7f00:1::", "loopback"), ("2002:a00:1::1", "private"), ("2002:808:808::", None),
    ("::127.0.0.1", "loopback"), ("::7f00:1", "loopback"), ("::10.0.0.1", "private"),
    ("::8.8.8.8", None), ("::ffff:0:127.0.0.1", "loopback"), ("::ffff:0:808:808", None),
    ("64:ff9b:1::808:808", "non-public"), ("::", "private"),
])
def test_policy_classifies_addresses(address: str, reason: str | None) -> None:
    assert AddressPolicy().refusal(address) == reason


def test_allowed_networks_are_exceptions() -> None:
    policy = AddressPolicy(["127.0.0.0/8", "10.0.0.0/24"])
    assert policy.refusal("127.0.0.5") is None
    assert policy.refusal("10.0.0.9") is None
    assert policy.refusal("10.0.1.9") == "private"
    assert policy.refusal("64:ff9b::7f00:5") is None  # the loopback address it reaches
    assert policy.refusal("2002:7f00:1::") is None
    assert AddressPolicy(["64:ff9b::/96"]).refusal("64:ff9b::7f00:1") is None


def test_loopback_is_refused_before_any_request(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    with pytest.raises(ForbiddenAddressError, match=r"loopback address 127\.0\.0\.1") as info:
        newsclean.fetch(server.url("/story"), config=guarded())
    assert server.url("/story") in str(info.value)
    assert server.log == []  # not even robots.txt
    with pytest.raises(ForbiddenAddressError):
        newsclean.fetch(f"http://localhost:{server.port}/story", config=guarded())


def test_loopback_enabled_explicitly(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    assert newsclean.fetch(server.url("/story"), config=guarded(*LOOPBACK_ONLY)).text == PAGE


@pytest.mark.parametrize(("target", "reason"), [
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.0.0.1/admin", "private"),
    ("http://[::1]:9/", "loopback"),
    ("http://127.0.0.2:9/", "loopback"),
])
def test_redirects_to_refused_addresses_are_stopped(target: str, reason: str,
                                                    server: LocalServer) -> None:
    server.route("/r", redirect(302, target))
    with pytest.raises(ForbiddenAddressError, match=reason):
        newsclean.fetch(server.url("/r"), config=guarded(*LOOPBACK_ONLY))


def test_name_that_resolves_differently_at_connect_time_is_refused(
        server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the check before the request sees a public address, the socket then
    connects to loopback; nothing may be sent on that socket."""
    server.route("/story", html(PAGE))
    monkeypatch.setattr(newsclean.fetcher, "resolve", lambda host, port, timeout=None: ["93.184.216.34"])
    with pytest.raises(ForbiddenAddressError, match="connected to loopback"):
        newsclean.fetch(server.url("/story"), config=guarded())
    assert server.log == []


def test_guard_is_off_by_default_for_library_use(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    assert FetchConfig().allow_private_addresses is True
    assert newsclean.fetch(server.url("/story"), config=FetchConfig(min_host_interval=0)).text \
        == PAGE


# --- certificates from the environment -------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LocalServer, Path]]:
    """An HTTPS LocalServer with a self-signed certificate for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with running_server(lambda sock: context.wrap_socket(sock, server_side=True)) as srv:
        yield srv, cert


def test_ca_bundle_from_the_environment_is_trusted(tls_server: tuple[LocalServer, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    srv, cert = tls_server
    srv.route("/story", html(PAGE))
    url = f"https://127.0.0.1:{srv.port}/story"
    config = FetchConfig(min_host_interval=0, max_retries=0)
    with pytest.raises(FetchError, match="TLS"):
        newsclean.fetch(url, config=config)  # self-signed: not trusted by default
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    assert newsclean.fetch(url, config=config).text == PAGE
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    assert newsclean.fetch(url, config=FetchConfig(min_host_interval=0, verify=str(cert))).text \
        == PAGE


def test_certificate_for_another_host_name_is_refused(tls_server: tuple[LocalServer, Path]) -> None:
    # The certificate names 127.0.0.1 only: reached as "localhost", the same trusted
    # certificate must fail the host-name check, not just the chain check.
    srv, cert = tls_server
    srv.route("/story", html(PAGE))
    config = FetchConfig(min_host_interval=0, max_retries=0, verify=str(cert))
    assert newsclean.fetch(f"https://127.0.0.1:{srv.port}/story", config=config).text == PAGE
    with pytest.raises(FetchError, match="TLS") as caught:
        newsclean.fetch(f"https://localhost:{srv.port}/story", config=config)
    assert caught.value.url == f"https://localhost:{srv.port}/story"
    assert "match" in str(caught.value)  # the host-name check, not a chain error


def test_guard_applies_to_https_connections(tls_server: tuple[LocalServer, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    srv, cert = tls_server
    srv.route("/story", html(PAGE))
    monkeypatch.setattr(newsclean.fetcher, "resolve", lambda host, port, timeout=None: ["93.184.216.34"])
    config = FetchConfig(allow_private_addresses=False, verify=str(cert), min_host_interval=0)
    with pytest.raises(ForbiddenAddressError, match="connected to loopback"):
        newsclean.fetch(f"https://127.0.0.1:{srv.port}/story", config=config)
