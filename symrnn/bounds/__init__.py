"""symrnn.bounds: rigorous bounds over whole domains (issue 4)."""
