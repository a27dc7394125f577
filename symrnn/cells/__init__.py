"""symrnn.cells"""
