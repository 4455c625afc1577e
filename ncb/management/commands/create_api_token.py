"""Create an API token for a user; the token is printed once, as the last line."""

from django.core.management.base import BaseCommand, CommandError

from ncb.models import User
from ncb.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        token, key = api_token_create(user=user, name=name)
        self.stdout.write(f"Token {token.name!r} for {username} (prefix {token.prefix}).")
        self.stdout.write(key)
