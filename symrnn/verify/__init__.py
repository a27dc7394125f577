"""symrnn.verify"""
