"""Documents made from meetings: printed minutes and agenda (PDF, Word) and a body's calendar feed (iCalendar)."""
