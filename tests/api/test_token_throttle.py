"""Wrong API tokens are counted per address: past the limit the address is refused for a while, and the token
cache keeps only which user a token belongs to."""

from django.core.cache import cache
from django.test import Client

from sanphalang.accounts.models import hash_token
from sanphalang.accounts.services import _token_cache_key, api_token_create


def call(token: str, address: str = "203.0.113.9", path: str = "/api/organisations"):
    return Client().get(path, headers={"Authorization": f"Bearer {token}"}, REMOTE_ADDR=address)


def test_an_address_sending_wrong_tokens_is_refused_with_429_and_when_to_come_back(cast, settings):
    # given a script that has a good token, on an address that then guesses tokens
    _token, good = api_token_create(user=cast.chiangrai_coordinator, name="script")
    statuses = [call(f"sp_guess{n}").status_code for n in range(settings.API_BAD_TOKEN_LIMIT + 5)]
    # then the guesses are answered 401 up to the limit, and 429 after it
    assert statuses[: settings.API_BAD_TOKEN_LIMIT] == [401] * settings.API_BAD_TOKEN_LIMIT
    assert set(statuses[settings.API_BAD_TOKEN_LIMIT :]) == {429}
    # and while it lasts even a good token from that address is refused, with a reason and a wait
    refused = call(good)
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_bad_tokens"
    assert 0 < int(refused["Retry-After"]) <= settings.API_BAD_TOKEN_WINDOW_SECONDS
    # while another address is served
    assert call(good, address="192.0.2.44").status_code == 200


def test_the_calendar_feed_counts_wrong_tokens_too(cast, settings):
    for n in range(settings.API_BAD_TOKEN_LIMIT):
        Client().get("/meetings/bodies/1/calendar.ics", {"token": f"sp_guess{n}"}, REMOTE_ADDR="203.0.113.10")
    assert call("sp_another", address="203.0.113.10").status_code == 429


def test_the_token_cache_holds_the_user_id_not_the_user(cast):
    # given a token that has just been used
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    assert call(raw).status_code == 200
    # then the cache keeps the user's id only
    assert cache.get(_token_cache_key(hash_token(raw))) == cast.chiangrai_coordinator.pk


def test_a_cached_token_of_a_user_deactivated_behind_the_services_back_is_refused(cast):
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    assert call(raw).status_code == 200
    type(cast.chiangrai_coordinator).objects.filter(pk=cast.chiangrai_coordinator.pk).update(is_active=False)
    assert call(raw).status_code == 401
