"""symrnn.derivation"""
