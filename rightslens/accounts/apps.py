from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rightslens.accounts"
    label = "accounts"
    verbose_name = "Accounts and organisations"
