"""English dates as the app always wrote them: 6 Dec 2026 (Django's default is Dec. 6, 2026)."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
SHORT_DATE_FORMAT = "j M Y"
