"""Training recipes: oracle LoRAs, the multi-task LoRA, reconstruction and SFT of the hypernetwork.

Each recipe is one readable module (set up → loop → save), resumable from its last checkpoint.
"""
