"""Person screening and batch screening jobs: the portal side of the matching engine (databases.matching)."""
