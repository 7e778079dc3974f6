"""Reads of the welfare registry, one module per topic; each takes the user and reads only what their areas allow."""
