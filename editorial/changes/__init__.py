"""Schedule changes after agreement: change requests, the swap consent, editor decisions,
editors' direct edits. Every step is written to the audit log."""
