"""Telling subscribers: messages written from the outbox's rows, and their
delivery through an SMTP server."""
