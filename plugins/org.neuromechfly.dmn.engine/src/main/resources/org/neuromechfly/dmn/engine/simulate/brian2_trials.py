#!/usr/bin/env python3
"""Runs a network exported by dmn (org.neuromechfly.dmn.engine.simulate.Brian2Export) in Brian2, trial by
trial with the exported Poisson events, and writes the spike count of every cell in every trial.

The neurons are the leaky integrate-and-fire cells of Shiu et al. 2024 (model.py of
philshiu/Drosophila_brain_model), in the normalised units of the export (rest 0, threshold theta):

    dv/dt = (bias - v + g) / tau_m   (unless refractory)
    dg/dt = -g / tau_s               (unless refractory, for refractory_mode freeze)
    threshold v > theta, reset v = v_reset (and g = 0 for freeze), refractory rfc
    (with these equations Brian2 loses the synaptic input of refractory steps; the engine's freeze mode
    does the same, see Refractoriness.forwardCells)
    synapses: on_pre g += w with a delay;  Poisson events: on_pre v += kick, no delay

Usage: brian2_trials.py EXPORT_DIR OUT_DIR [--target numpy|cython] [--batch K]
  --batch K   trials simulated at once as K independent copies of the network (one Brian2 run per K
              trials; faster for small networks, K times the memory)
Writes OUT_DIR/brian2_counts.i32 ([trials][cells], little-endian int32) and OUT_DIR/brian2_timing.json.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    export, out = Path(args[0]), Path(args[1])
    target, batch = 'numpy', 1
    i = 2
    while i < len(args):
        if args[i] == '--target':
            target = args[i + 1]
            i += 2
        elif args[i] == '--batch':
            batch = int(args[i + 1])
            i += 2
        else:
            print('unknown argument ' + args[i], file=sys.stderr)
            sys.exit(2)

    t_import = time.time()
    import brian2 as b2
    b2.prefs.codegen.target = target
    b2.prefs.logging.console_log_level = 'WARNING'
    t_import = time.time() - t_import

    meta = json.loads((export / 'network.json').read_text())
    dt = meta['dt'] * b2.second
    steps = meta['steps']
    pops = meta['populations']
    cells = meta['cells']
    trials = meta['trials']
    b2.defaultclock.dt = dt

    pre = np.fromfile(export / 'synapse_source.i32', dtype='<i4')
    post = np.fromfile(export / 'synapse_target.i32', dtype='<i4')
    weight = np.fromfile(export / 'synapse_weight.f64', dtype='<f8')
    delay = np.fromfile(export / 'synapse_delay.i32', dtype='<i4')
    rfc_steps = np.fromfile(export / 'refractory_steps.i32', dtype='<i4')
    pop_of = np.zeros(cells, dtype=np.int64)
    for p, pop in enumerate(pops):
        pop_of[pop['offset']:pop['offset'] + pop['cells']] = p

    t_build = time.time()
    copies = max(1, min(batch, trials))
    groups = []
    for p, pop in enumerate(pops):
        freeze = pop['refractory_mode'] == 'freeze'
        eqs = ('dv/dt = (bias - v + g) / tau_m : 1 (unless refractory)\n'
               + ('dg/dt = -g / tau_s : 1 (unless refractory)\n' if freeze else 'dg/dt = -g / tau_s : 1\n')
               + 'rfc : second (constant)\n')
        reset = 'v = v_reset; g = 0' if freeze else 'v = v_reset'
        namespace = {'tau_m': pop['tau_mem'] * b2.second, 'tau_s': pop['tau_syn'] * b2.second,
                     'bias': pop['bias'], 'theta': pop['threshold'], 'v_reset': pop['reset']}
        n = pop['cells']
        group = b2.NeuronGroup(n * copies, eqs, method='linear', threshold='v > theta', reset=reset,
                               refractory='rfc', namespace=namespace, name='population_%d' % p)
        group.v = 0
        group.g = 0
        # our refractory period of R steps freezes R steps after the spike step; Brian2 measures from
        # the spike step itself, so it needs R + 1 steps (R = 0: Brian2's 0 and dt behave alike)
        r = rfc_steps[pop['offset']:pop['offset'] + n]
        group.rfc = np.tile((r + 1) * meta['dt'], copies) * b2.second
        groups.append(group)

    objects = list(groups)
    for ps in sorted(set(zip(pop_of[pre].tolist(), pop_of[post].tolist()))):
        sp, tp = ps
        sel = (pop_of[pre] == sp) & (pop_of[post] == tp)
        i_local = pre[sel] - pops[sp]['offset']
        j_local = post[sel] - pops[tp]['offset']
        # our input w enters the synaptic current of a step whose end is integrated (exponential Euler);
        # Brian2 integrates exactly, so the same charge needs g += w / kappa of the target population
        syn_w = weight[sel] / pops[tp]['kappa']
        d = (delay[sel] - 1) * meta['dt']  # our delay D steps: Brian2 delivers after the update of step D - 1
        ii = np.concatenate([i_local + c * pops[sp]['cells'] for c in range(copies)])
        jj = np.concatenate([j_local + c * pops[tp]['cells'] for c in range(copies)])
        syn = b2.Synapses(groups[sp], groups[tp], 'w : 1', on_pre='g += w', name='synapses_%d_%d' % (sp, tp))
        syn.connect(i=ii, j=jj)
        syn.w = np.tile(syn_w, copies)
        syn.delay = np.tile(d, copies) * b2.second
        objects.append(syn)

    # one generator cell per (driven cell, kick) pair and target population
    events = [np.fromfile(export / ('events_%d.bin' % t), dtype=[('step', '<i4'), ('cell', '<i4'), ('kick', '<f8')])
              for t in range(trials)]
    pairs = sorted({(int(c), float(k)) for ev in events for c, k in zip(ev['cell'], ev['kick'])})
    pair_index = {pk: i for i, pk in enumerate(pairs)}
    generators = []
    for p, pop in enumerate(pops):
        mine = [pk for pk in pairs if pop_of[pk[0]] == p]
        if not mine:
            generators.append(None)
            continue
        local = {pk: i for i, pk in enumerate(mine)}
        gen = b2.SpikeGeneratorGroup(len(mine) * copies, [], [] * b2.second, name='poisson_%d' % p)
        kick_syn = b2.Synapses(gen, groups[p], 'kick : 1', on_pre='v += kick', name='kicks_%d' % p)
        gi = np.concatenate([np.arange(len(mine)) + c * len(mine) for c in range(copies)])
        gj = np.concatenate([np.array([pk[0] - pop['offset'] for pk in mine]) + c * pop['cells']
                             for c in range(copies)])
        kick_syn.connect(i=gi, j=gj)
        kick_syn.kick = np.tile([pk[1] for pk in mine], copies)
        generators.append((gen, local, len(mine)))
        objects += [gen, kick_syn]
    monitors = [b2.SpikeMonitor(group, record=False, name='spikes_%d' % p) for p, group in enumerate(groups)]
    objects += monitors
    net = b2.Network(*objects)
    net.store('rest')
    t_build = time.time() - t_build

    counts = np.zeros((trials, cells), dtype='<i4')
    t_run = 0.0
    t_first = None
    for first in range(0, trials, copies):
        batch_trials = list(range(first, min(trials, first + copies)))
        net.restore('rest')
        for p, entry in enumerate(generators):
            if entry is None:
                continue
            gen, local, n_gen = entry
            idx, times = [], []
            for c, t in enumerate(batch_trials):
                ev = events[t]
                for s, cell, k in zip(ev['step'], ev['cell'], ev['kick']):
                    pk = (int(cell), float(k))
                    if pk in local:
                        idx.append(local[pk] + c * n_gen)
                        times.append(int(s))
            order = np.lexsort((np.array(idx, dtype=np.int64), np.array(times, dtype=np.int64))) if idx else []
            gen.set_spikes(np.array(idx, dtype=np.int64)[order] if idx else np.array([], dtype=np.int64),
                           (np.array(times, dtype=np.float64)[order] * meta['dt'] if idx else np.array([])) * b2.second)
        t0 = time.time()
        net.run(steps * dt)
        elapsed = time.time() - t0
        t_run += elapsed
        if t_first is None:
            t_first = elapsed
        for p, pop in enumerate(pops):
            c_all = np.asarray(monitors[p].count[:]).reshape(copies, pop['cells'])
            for c, t in enumerate(batch_trials):
                counts[t, pop['offset']:pop['offset'] + pop['cells']] = c_all[c]
    out.mkdir(parents=True, exist_ok=True)
    counts.tofile(out / 'brian2_counts.i32')
    (out / 'brian2_timing.json').write_text(json.dumps({
        'brian2_version': b2.__version__, 'target': target, 'batch': copies, 'trials': trials,
        'import_seconds': t_import, 'build_seconds': t_build, 'run_seconds': t_run,
        'first_run_seconds': t_first, 'synapses': int(len(pre))}, indent=1))
    print('brian2 %s (%s): %d trials in %.2f s (build %.2f s, first run %.2f s)'
          % (b2.__version__, target, trials, t_run, t_build, t_first))


if __name__ == '__main__':
    main()
