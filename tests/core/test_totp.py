"""RFC 6238 appendix B test vectors, and the drift window and replay rule."""

import base64

import pytest

from rightslens.core import totp

SHA1_KEY = b"12345678901234567890"
SHA256_KEY = b"12345678901234567890123456789012"
SHA512_KEY = b"1234567890" * 6 + b"1234"
VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("when", "sha1", "sha256", "sha512"), VECTORS)
def test_rfc6238_vectors(when, sha1, sha256, sha512):
    assert totp.totp(SHA1_KEY, when, digits=8) == sha1
    assert totp.totp(SHA256_KEY, when, digits=8, digest="sha256") == sha256
    assert totp.totp(SHA512_KEY, when, digits=8, digest="sha512") == sha512


def test_rfc4226_hotp_vectors():
    expected = ["755224", "287082", "359152", "969429", "338314"]
    assert [totp.hotp(SHA1_KEY, i) for i in range(5)] == expected


SECRET = base64.b32encode(SHA1_KEY).decode()


def test_a_code_is_accepted_one_step_either_side_and_not_two():
    now = 1111111111
    code = totp.totp(SHA1_KEY, now)
    assert totp.code_step(SECRET, code, now) == totp.step_at(now)
    assert totp.code_step(SECRET, code, now + 30) == totp.step_at(now)
    assert totp.code_step(SECRET, code, now - 30) == totp.step_at(now)
    assert totp.code_step(SECRET, code, now + 60) is None


def test_a_code_of_a_used_step_is_refused():
    now = 1111111111
    code = totp.totp(SHA1_KEY, now)
    assert totp.code_step(SECRET, code, now, after_step=totp.step_at(now)) is None


def test_malformed_codes_are_refused():
    for code in ("", "12345", "1234567", "abcdef", "12 34 5x"):
        assert totp.code_step(SECRET, code, 59) is None


def test_new_secrets_are_random_base32_and_round_trip():
    one, two = totp.new_secret(), totp.new_secret()
    assert one != two and len(totp.secret_bytes(one)) == totp.SECRET_BYTES


def test_provisioning_uri_names_issuer_account_and_secret():
    uri = totp.provisioning_uri("ABC", account="ana@example.org", issuer="RightsLens")
    assert uri.startswith("otpauth://totp/RightsLens%3Aana%40example.org?")
    assert "secret=ABC" in uri and "issuer=RightsLens" in uri and "period=30" in uri
