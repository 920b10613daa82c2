#!/usr/bin/env python3
"""Runs a netx bundle written by `dmn export --loihi` in Lava with a spike source, on Lava's
bit-accurate CPU model of Loihi 2, and writes the spikes of every layer.

    PYTHONPATH=<lava>/src:<lava-dl>/src python3 run_bundle.py BUNDLE INPUT OUTPUT_DIR

INPUT is a text file of input spikes, one line per step, each line the spiking channels (0-based,
space-separated; an empty line for none). OUTPUT_DIR receives layer_<k>.txt in the same form for
every layer k >= 1 (the first line is step 0). Nothing here is part of the build: it is the local
check of the export module's README ("Checked in Lava").
"""
import os
import sys

import numpy as np
from lava.lib.dl import netx
from lava.magma.core.run_conditions import RunSteps
from lava.magma.core.run_configs import Loihi2SimCfg
from lava.proc import io


def read_spikes(path, channels):
    with open(path) as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines = lines[:-1]
    data = np.zeros((channels, len(lines)), dtype=np.int32)
    for t, line in enumerate(lines):
        for c in line.split():
            data[int(c), t] = 1
    return data


def main(bundle, spikes, out):
    # the README's few lines: load the bundle, connect a spike source to net.inp, run
    net = netx.hdf5.Network(net_config=bundle)
    print(net)
    channels = net.inp.shape[0]
    data = read_spikes(spikes, channels)
    steps = data.shape[1]
    source = io.source.RingBuffer(data=data)
    source.s_out.connect(net.inp)
    sinks = []
    for layer in net.layers:
        sink = io.sink.RingBuffer(shape=layer.out.shape, buffer=steps)
        layer.out.connect(sink.a_in)
        sinks.append(sink)
    net.run(condition=RunSteps(num_steps=steps), run_cfg=Loihi2SimCfg(select_tag='fixed_pt'))
    rasters = [sink.data.get() for sink in sinks]
    net.stop()
    os.makedirs(out, exist_ok=True)
    for k, raster in enumerate(rasters, start=1):
        with open(os.path.join(out, 'layer_%d.txt' % k), 'w') as f:
            for t in range(raster.shape[-1]):
                f.write(' '.join(str(c) for c in np.flatnonzero(raster[..., t])) + '\n')
        print('layer %d: %d spikes over %d steps' % (k, int(raster.sum()), steps))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
