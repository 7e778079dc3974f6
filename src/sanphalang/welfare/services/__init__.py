"""Writes to the welfare registry, one module per topic: each validates, changes and keeps history in one transaction."""
