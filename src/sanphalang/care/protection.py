"""National IDs at rest: encrypted, found through a keyed hash, shown masked.

The database holds a member's national ID only as a Fernet token (AES-128-CBC with HMAC-SHA256, from
`cryptography`) and as an HMAC-SHA256 of the 13 digits under a second key; both keys are derived (HKDF) from
settings.PERSONAL_DATA_KEY, which lives outside the database. A search by ID computes the same HMAC and looks it
up in an index, so finding a person never decrypts anyone else. The last four digits are kept apart for the
masked form that most roles see, so a list page decrypts nothing either. Earlier keys (PERSONAL_DATA_OLD_KEYS)
still decrypt; `reencrypted` moves a token to the current key.
"""

import base64
import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from sanphalang.thai.national_id import mask_national_id


def _derived(master: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sanphalang " + purpose).derive(
        master.encode()
    )


@dataclass(frozen=True)
class _Keys:
    fernet: MultiFernet
    lookup: bytes


@lru_cache(maxsize=4)
def _keys_for(current: str, old: tuple[str, ...]) -> _Keys:
    ciphers = [Fernet(base64.urlsafe_b64encode(_derived(key, b"national id"))) for key in (current, *old)]
    return _Keys(fernet=MultiFernet(ciphers), lookup=_derived(current, b"national id lookup"))


def _keys() -> _Keys:
    return _keys_for(settings.PERSONAL_DATA_KEY, tuple(settings.PERSONAL_DATA_OLD_KEYS))


def national_id_lookup(digits: str) -> str:
    """The keyed hash a national ID is found by (digits already normalised); "" for none."""
    if not digits:
        return ""
    return hmac.new(_keys().lookup, digits.encode(), hashlib.sha256).hexdigest()


def encrypt_national_id(digits: str) -> str:
    return _keys().fernet.encrypt(digits.encode()).decode() if digits else ""


def decrypt_national_id(token: str) -> str:
    """The 13 digits; "" when there is none or the key that made it is gone (the record still shows masked)."""
    if not token:
        return ""
    try:
        return _keys().fernet.decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def reencrypted(token: str) -> str:
    """The same ID under the current key (after a key change)."""
    return _keys().fernet.rotate(token.encode()).decode() if token else ""


def masked_national_id(last_four: str) -> str:
    """The masked form from the four digits kept in clear: x-xxxx-xxxx1-23-4."""
    return mask_national_id("0" * 9 + last_four) if last_four else ""


def national_id_columns(digits: str) -> dict[str, str]:
    """What a member row stores for a national ID (digits already checked and normalised): the token, the lookup
    hash and the last four digits; all empty for none."""
    return {
        "national_id_token": encrypt_national_id(digits),
        "national_id_lookup": national_id_lookup(digits),
        "national_id_last_four": digits[-4:] if digits else "",
    }
