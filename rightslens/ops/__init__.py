"""Operations: backup and restore, key rotation, health checks, structured logs."""
