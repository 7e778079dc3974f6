"""The records of one area of the access tests (Mae Sai, with Phayao beside it) and its cast, built once per
module; each test's edits roll back."""

from tests.access.conftest import world  # noqa: F401 - the fixture, shared with the access tests
