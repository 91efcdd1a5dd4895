"""Operations for IT officers: `flask backup FILE` and `flask restore FILE` (a portable archive
of every table and the upload folder, restorable on SQLite or PostgreSQL)."""
