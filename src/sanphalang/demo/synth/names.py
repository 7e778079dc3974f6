"""Thai people's names for synthetic records, drawn from PyThaiNLP's lists of given and family names."""

from functools import cache

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

# Titles as the movement's reports write them; most people are written with the everyday ones.
MALE_TITLES = ("นาย",) * 18 + ("ดร.", "ผศ.")
FEMALE_TITLES = ("นาง",) * 10 + ("นางสาว",) * 8 + ("ดร.",)


@cache
def _lists() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    # Sorted: the corpus comes as a set, whose order would change the names from one run to the next.
    return (
        tuple(sorted(thai_male_names())),
        tuple(sorted(thai_female_names())),
        tuple(sorted(thai_family_names())),
    )


def person_name(rng) -> tuple[str, str, str]:
    """(title, first name, last name) of one person."""
    male, female, family = _lists()
    if rng.random() < 0.5:
        return rng.choice(MALE_TITLES), rng.choice(male), rng.choice(family)
    return rng.choice(FEMALE_TITLES), rng.choice(female), rng.choice(family)


def phone_number(rng) -> str:
    """A mobile number as people write it: 08x-xxx-xxxx."""
    return f"0{rng.choice('689')}{rng.randint(0, 9)}-{rng.randint(0, 999):03d}-{rng.randint(0, 9999):04d}"
