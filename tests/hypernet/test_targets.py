from __future__ import annotations

import pytest

from hypernet.targets import discover_targets, select_targets


def test_smollm2_targets_have_the_shapes_of_its_layers(base_model):
    targets = discover_targets(base_model.model)
    assert list(targets) == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    q, v = targets["q_proj"], targets["v_proj"]
    assert (q.in_features, q.out_features, q.num_layers) == (576, 576, 30)
    assert (v.in_features, v.out_features) == (576, 192)  # 3 KV heads x 64
    assert targets["down_proj"].in_features == 1536
    assert q.layers == tuple(range(30))
    assert "lm_head" not in targets
    # the LoRA size quoted in ANCHORS.md for q,v at rank 8
    assert sum(t.lora_parameter_count(8) for t in select_targets(targets, ["q_proj", "v_proj"])) == 460_800


def test_a_differently_shaped_model_built_from_a_config():
    from transformers import OPTConfig, OPTForCausalLM

    config = OPTConfig(vocab_size=128, hidden_size=48, ffn_dim=80, num_hidden_layers=3,
                       num_attention_heads=4, word_embed_proj_dim=48, max_position_embeddings=64)
    targets = discover_targets(OPTForCausalLM(config))
    assert set(targets) == {"k_proj", "v_proj", "q_proj", "out_proj", "fc1", "fc2"}
    assert (targets["fc1"].in_features, targets["fc1"].out_features) == (48, 80)
    assert (targets["fc2"].in_features, targets["fc2"].out_features) == (80, 48)
    assert targets["q_proj"].layers == (0, 1, 2)


def test_grouped_query_attention_shapes_from_a_qwen2_config():
    from transformers import Qwen2Config, Qwen2ForCausalLM

    config = Qwen2Config(vocab_size=100, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
                         num_attention_heads=8, num_key_value_heads=2)
    targets = discover_targets(Qwen2ForCausalLM(config))
    assert (targets["k_proj"].in_features, targets["k_proj"].out_features) == (64, 16)
    assert targets["gate_proj"].out_features == 96


def test_selecting_unknown_targets_names_what_exists(base_model):
    targets = discover_targets(base_model.model)
    with pytest.raises(ValueError, match="not in this model"):
        select_targets(targets, ["q_proj", "c_attn"])
    with pytest.raises(ValueError, match="no target modules"):
        select_targets(targets, [])
