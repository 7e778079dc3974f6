"""Community welfare funds: the registry, yearly figures, reconciliation of sources, and audit visits."""
