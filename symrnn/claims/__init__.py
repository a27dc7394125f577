"""symrnn.claims"""
