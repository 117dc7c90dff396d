"""Settings from the environment and an optional .env file (pydantic-settings)."""

from __future__ import annotations

from datetime import time
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///var/nhacviec.db"


class Settings(BaseSettings):
    """Everything an operator may set. Secrets are SecretStr so they never print in logs."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    timezone: str = "Asia/Ho_Chi_Minh"
    default_language: str = "vi"
    max_document_bytes: int = 20_000_000
    agency_directory: Path | None = None
    evidence_dir: Path = Path("var/evidence")

    telegram_bot_token: SecretStr | None = None
    telegram_bot_username: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    digest_weekday: int = Field(0, ge=0, le=6)  # Monday
    digest_at: time = time(8, 0)
    listen_host: str = "127.0.0.1"
    listen_port: int = 8080
    public_base_url: str | None = None  # where officials' browsers reach this app
    upload_link_secret: SecretStr | None = None  # signs the evidence upload links

    nudge_policy: Path | None = None  # the nudge policy YAML; default: the packaged one

    zalo_bot_token: SecretStr | None = None
    zalo_api_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: SecretStr | None = None  # 8-256 characters, Zalo requires one
    zalo_groups: bool = False
    zalo_send_interval: float = 0.2  # seconds between sends: Zalo publishes no limits
    zalo_retry_after: float = 60.0  # seconds to wait after a 429

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
