"""The user an operations command acts as: the one named with --user, else the first administrator."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.db.models import Q

from sanphalang.accounts.models import Role


def command_user(username: str | None):
    User = get_user_model()
    if username:
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user is named {username!r}.") from None
    admin = (
        User.objects.filter(Q(is_superuser=True) | Q(role=Role.ADMINISTRATOR), is_active=True)
        .order_by("pk")
        .first()
    )
    if admin is None:
        raise CommandError("Give --user, or create an administrator first: sanphalang createadmin NAME")
    return admin
