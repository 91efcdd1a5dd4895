"""Secret tokens for personal feed URLs: HMAC-SHA256 under the server key, pure.

A token is HMAC(server key, purpose ‖ user id ‖ scope ‖ per-user secret), so:

- the database alone (user ids and per-user secrets) does not reveal valid URLs;
- the owner can be shown the same URL again (nothing random is stored per URL);
- resetting the per-user secret kills every old URL of that user at once;
- a token for one scope or one user is worthless for another.

The token is the full 256-bit MAC, url-safe base64 without padding (43 characters).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

TOKEN_LENGTH = 43  # 32 bytes of HMAC-SHA256 in unpadded url-safe base64
SCOPE_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,63}")  # "me", "province", "unit-12"
# Domain separation: the server key may be the app's SECRET_KEY, used elsewhere too.
_PURPOSE = b"lich-mttq/feed-token/v1"


def new_user_secret() -> str:
    """A fresh per-user feed secret: 256 random bits, url-safe text."""
    return secrets.token_urlsafe(32)


def feed_token(server_key: bytes | str, user_id: int, scope: str, user_secret: str) -> str:
    """The feed token for this user and scope; the same inputs give the same token."""
    digest = hmac.new(
        _key_bytes(server_key), _message(user_id, scope, user_secret), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def token_matches(
    token: str, server_key: bytes | str, user_id: int, scope: str, user_secret: str
) -> bool:
    """True when token is this user's current token for scope (constant-time compare)."""
    if not isinstance(token, str) or not token.isascii():
        return False  # compare_digest refuses non-ASCII str; such a token is wrong anyway
    expected = feed_token(server_key, user_id, scope, user_secret)
    return hmac.compare_digest(token.encode("ascii"), expected.encode("ascii"))


def _key_bytes(server_key: bytes | str) -> bytes:
    key = server_key.encode("utf-8") if isinstance(server_key, str) else bytes(server_key)
    if not key:
        raise ValueError("the server key must not be empty")
    return key


def _message(user_id: int, scope: str, user_secret: str) -> bytes:
    # The scope pattern has no ":" and the id is an int, so the fields cannot run into
    # each other; the secret, which may hold anything, comes last.
    if isinstance(user_id, bool) or not isinstance(user_id, int):
        raise TypeError("user_id must be an int")
    if not SCOPE_PATTERN.fullmatch(scope):
        raise ValueError(f"invalid feed scope {scope!r}")
    if not user_secret:
        raise ValueError("the per-user secret must not be empty")
    return b":".join((_PURPOSE, str(user_id).encode(), scope.encode(), user_secret.encode()))
