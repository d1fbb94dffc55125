from django.apps import AppConfig


class CommandsConfig(AppConfig):
    name = "content.commands"
    label = "content_commands"
    verbose_name = "Nidation commands"
