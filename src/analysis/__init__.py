"""Analysis of statements (Stellungnahmen) on city council motions."""
