"""The linkage engine: which rows of which fund sources are the same fund, and why."""
