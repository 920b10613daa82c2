package org.neuromechfly.dmn.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.train.TrainOptions;
import org.neuromechfly.dmn.engine.train.UpdateRule;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Optimizer;

/**
 * The training step of a {@link ClosedLoop} the way {@code dmn train} spreads it over the machine's
 * cores: the batch split into the trainer's shards ({@link TrainOptions#shardsFor}, four of four flies
 * at B=16), each with its own copy of the network, fused kernel and world, run on {@code threads}
 * threads; shard gradients summed in shard order into shard 0's network with batch shares, Adam at
 * rate 0, the parameters copied back to the other shards. The same work as the single kernel's step on
 * the same starts; each shard's world is seeded as the trainer seeds it
 * ({@link TrainOptions#shardNoiseSeed}), so a plume with puff noise would give a slightly different loss,
 * while the example's gives the same.
 */
final class ShardedLoop implements AutoCloseable {
  private final List<ClosedLoop> shards = new ArrayList<>();
  private final List<BpttKernel> kernels = new ArrayList<>();
  private final int batch;
  private final ExecutorService pool;
  private final UpdateRule adam;
  final int threads;

  /** Shards of {@code spec}'s batch, each network a copy of {@code calibrated}'s parameters. */
  ShardedLoop(CircuitSpec spec, List<EdgeArrays> wiring, Network calibrated, WorldSettings settings, int threads) {
    NavigationTask task = (NavigationTask) spec.task();
    this.batch = spec.training().batch();
    int count = TrainOptions.shardsFor(batch);
    StartPositions all = StartPositions.forEpisode(task, batch, spec.training().seed(), 0);
    Map<String, double[]> values = calibrated.parameters().snapshot();
    int from = 0;
    for (int s = 0; s < count; s++) {
      int size = TrainOptions.shardSize(batch, count, s);
      CircuitSpec part = Circuits.withSize(spec, task.steps(), size);
      Network net = Circuits.network(part, wiring, calibrated.options());
      net.parameters().restore(values);
      net.prepare();
      shards.add(new ClosedLoop(part, net, settings, all.slice(from, from + size),
          TrainOptions.shardNoiseSeed(1, from)));
      kernels.add(new BpttKernel(net, task.steps(), size));
      from += size;
    }
    this.threads = Math.min(threads, count);
    this.pool = Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "bench-shard");
      t.setDaemon(true);
      return t;
    });
    this.adam = new UpdateRule(Optimizer.ADAM, master().parameters().learnable());
  }

  int shardCount() {
    return shards.size();
  }

  private Network master() {
    return shards.get(0).network;
  }

  /** One training step over every shard, timed: the batch-weighted loss. */
  ClosedLoop.Step trainingStep() throws InterruptedException, ExecutionException {
    long t0 = System.nanoTime();
    List<Callable<Double>> jobs = new ArrayList<>();
    for (int s = 0; s < shards.size(); s++) {
      ClosedLoop loop = shards.get(s);
      BpttKernel kernel = kernels.get(s);
      jobs.add(() -> loop.forwardBackward(kernel));
    }
    List<Future<Double>> losses = pool.invokeAll(jobs);
    double loss = 0;
    List<Parameter> sum = master().parameters().all();
    for (int s = 0; s < shards.size(); s++) {
      double share = (double) shards.get(s).spec.training().batch() / batch;
      loss += share * losses.get(s).get();
      List<Parameter> own = shards.get(s).network.parameters().all();
      for (int k = 0; k < sum.size(); k++) {
        double[] g = sum.get(k).gradient();
        double[] o = own.get(k).gradient();
        for (int i = 0; i < g.length; i++) {
          g[i] = s == 0 ? share * g[i] : g[i] + share * o[i];
        }
      }
    }
    adam.apply(master().parameters().learnable(), 0.0);
    Map<String, double[]> values = master().parameters().snapshot();
    for (ClosedLoop shard : shards) {
      if (shard != shards.get(0)) {
        shard.network.parameters().restore(values);
      }
      shard.network.prepare();
    }
    return new ClosedLoop.Step((System.nanoTime() - t0) / 1e9, loss);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
