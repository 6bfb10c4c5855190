"""Delivery of intake summaries: the outbox, webhooks, e-mail and the worker that retries."""
