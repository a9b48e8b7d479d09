"""Text to weights: base-model and encoder loading, target discovery, the T2L hypernetwork.

Knows nothing of the catalog, the store or the job system.
"""
