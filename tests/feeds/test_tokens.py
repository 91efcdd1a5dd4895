"""Feed tokens: deterministic, bound to key, user, scope and secret, and long enough."""

import base64
import re

import pytest

from editorial.feeds.tokens import TOKEN_LENGTH, feed_token, new_user_secret, token_matches

KEY = b"server-key-for-tests-0123456789abcdef"
SECRET = "per-user-secret-AAAAAAAAAAAAAAAAAAAAAAAAAAAA"


def test_new_user_secret_is_random_and_long():
    secrets = {new_user_secret() for _ in range(50)}
    assert len(secrets) == 50
    for secret in secrets:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", secret)  # 32 random bytes


def test_token_is_deterministic_and_url_safe():
    token = feed_token(KEY, 7, "me", SECRET)
    assert token == feed_token(KEY, 7, "me", SECRET)
    assert len(token) == TOKEN_LENGTH == 43
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)


def test_token_carries_at_least_128_bits():
    token = feed_token(KEY, 7, "me", SECRET)
    raw = base64.urlsafe_b64decode(token + "=")
    assert len(raw) * 8 >= 128


def test_str_and_bytes_keys_agree():
    assert feed_token(KEY.decode(), 7, "me", SECRET) == feed_token(KEY, 7, "me", SECRET)


@pytest.mark.parametrize(
    "changed",
    [
        {"server_key": b"another-server-key-0123456789abcdef"},
        {"user_id": 8},
        {"scope": "province"},
        {"scope": "unit-12"},
        {"scope": "public"},
        {"user_secret": SECRET + "x"},
    ],
)
def test_token_differs_when_any_input_differs(changed):
    base = {"server_key": KEY, "user_id": 7, "scope": "me", "user_secret": SECRET}
    assert feed_token(**(base | changed)) != feed_token(**base)


def test_fields_cannot_be_shifted_into_each_other():
    assert feed_token(KEY, 1, "unit-2", SECRET) != feed_token(KEY, 12, "unit-", SECRET)
    assert feed_token(KEY, 1, "me", "a" + SECRET) != feed_token(KEY, 1, "mea", SECRET)


def test_matching_token_is_accepted():
    token = feed_token(KEY, 7, "unit-12", SECRET)
    assert token_matches(token, KEY, 7, "unit-12", SECRET)


@pytest.mark.parametrize(
    "token",
    ["", "x", "A" * 43, "ü" * 43, None, 42],
)
def test_wrong_or_malformed_token_is_refused(token):
    assert not token_matches(token, KEY, 7, "me", SECRET)


def test_token_for_another_scope_or_user_is_refused():
    token = feed_token(KEY, 7, "me", SECRET)
    assert not token_matches(token, KEY, 7, "province", SECRET)
    assert not token_matches(token, KEY, 8, "me", SECRET)


def test_truncated_or_extended_token_is_refused():
    token = feed_token(KEY, 7, "me", SECRET)
    assert not token_matches(token[:-1], KEY, 7, "me", SECRET)
    assert not token_matches(token + "A", KEY, 7, "me", SECRET)


def test_resetting_the_user_secret_kills_the_old_token():
    old_secret, new_secret = new_user_secret(), new_user_secret()
    old_token = feed_token(KEY, 7, "me", old_secret)
    assert token_matches(old_token, KEY, 7, "me", old_secret)
    assert not token_matches(old_token, KEY, 7, "me", new_secret)
    assert token_matches(feed_token(KEY, 7, "me", new_secret), KEY, 7, "me", new_secret)


def test_database_values_alone_do_not_give_the_token():
    # Without the server key, the stored secret and id must not be the token or its key.
    token = feed_token(KEY, 7, "me", SECRET)
    assert SECRET not in token and token != feed_token(SECRET, 7, "me", SECRET)


@pytest.mark.parametrize("scope", ["", "Me", "unit 12", "a:b", "x" * 65, "đơn-vị"])
def test_invalid_scope_is_rejected(scope):
    with pytest.raises(ValueError):
        feed_token(KEY, 7, scope, SECRET)


def test_empty_key_or_secret_is_rejected():
    with pytest.raises(ValueError):
        feed_token(b"", 7, "me", SECRET)
    with pytest.raises(ValueError):
        feed_token(KEY, 7, "me", "")


def test_non_integer_user_id_is_rejected():
    with pytest.raises(TypeError):
        feed_token(KEY, "7", "me", SECRET)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        feed_token(KEY, True, "me", SECRET)
