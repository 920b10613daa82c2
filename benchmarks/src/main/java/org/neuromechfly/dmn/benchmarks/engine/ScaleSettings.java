package org.neuromechfly.dmn.benchmarks.engine;

import java.util.List;
import org.neuromechfly.dmn.benchmarks.Arguments;

/**
 * The arguments both scale benchmarks take: {@code T B rounds torch threads}.
 *
 * @param torch auto | none | path of a python3 with torch
 * @param threads the PyTorch thread counts to run, e.g. 2,1
 */
record ScaleSettings(int steps, int batch, int rounds, String torch, List<Integer> threads) {

  /** The arguments, with the benchmark's own defaults for T, B and rounds. */
  static ScaleSettings parse(Arguments args, int steps, int batch, int rounds) {
    return new ScaleSettings(args.integer(0, "T", steps, 1), args.integer(1, "B", batch, 1),
        args.integer(2, "rounds", rounds, 1), args.text(3, "torch", "auto"), args.integers(4, "threads", "2", 1));
  }
}
