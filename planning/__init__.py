"""Reading plan documents: pure functions from text to plans, tasks, agencies and deadlines.

Nothing here touches the database or the network.
"""
