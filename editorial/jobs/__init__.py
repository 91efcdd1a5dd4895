"""The scheduler process: the job list, the app-context wrapper, the single-leader lease and
`flask scheduler run`. Never started inside the web workers."""
