"""Wrong API tokens counted per address: past the limit in a window, the address is refused until it ends.

Counted in Django's cache, so servers sharing a cache (Redis) share the count."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("sanphalang.accounts")


def _keys(address: str) -> tuple[str, str]:
    return f"sanphalang:bad-tokens:{address}", f"sanphalang:bad-tokens-since:{address}"


def bad_token_wait(address: str) -> int:
    """Seconds until the address may try a token again; 0 while it is under the limit."""
    count_key, since_key = _keys(address)
    if (cache.get(count_key) or 0) < settings.API_BAD_TOKEN_LIMIT:
        return 0
    since = cache.get(since_key) or time.time()
    return max(1, int(since + settings.API_BAD_TOKEN_WINDOW_SECONDS - time.time()))


def bad_token_record(address: str) -> None:
    count_key, since_key = _keys(address)
    window = settings.API_BAD_TOKEN_WINDOW_SECONDS
    cache.add(since_key, time.time(), window)
    cache.add(count_key, 0, window)
    try:
        count = cache.incr(count_key)
    except ValueError:  # the window ended between add and incr
        cache.set(count_key, 1, window)
        count = 1
    if count == settings.API_BAD_TOKEN_LIMIT:
        logger.warning("API tokens refused from %s for %s s after %s wrong tokens", address, window, count)


class TooManyBadTokens(Exception):
    """The address sent too many wrong tokens; retry_after is the seconds it must wait."""

    def __init__(self, retry_after: int):
        from .errors import AccountError

        self.retry_after = retry_after
        self.code = AccountError.TOO_MANY_BAD_TOKENS.code
        self.message = AccountError.TOO_MANY_BAD_TOKENS.message(seconds=retry_after)
        super().__init__(self.message)
