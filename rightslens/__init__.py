"""RightsLens: human rights due diligence for AI systems, built on the UNGPs."""
