package org.neuromechfly.dmn.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Independent trials of one {@link SpikingNetwork} from rest, each with its own Poisson events drawn
 * from its own stream: trial i's stream is the i-th split of {@code SplittableRandom(seed)}, so the
 * inputs and spikes of a trial do not depend on the number of threads or of trials.
 *
 * @param steps steps per trial
 * @param dt time step, seconds
 * @param inputs the Poisson events of each trial
 * @param spikes the spikes of each trial
 */
public record Trials(int steps, double dt, List<InputEvents> inputs, List<SpikeTrain> spikes) {

  /** The Poisson events of trials 0..count−1 (what {@link #run} feeds them). */
  public static List<InputEvents> inputs(SpikingNetwork net, int steps, int count, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    List<InputEvents> inputs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inputs.add(InputEvents.draw(net, steps, root.split()));
    }
    return inputs;
  }

  /**
   * Runs the trials, {@code threads} at a time.
   *
   * @param done called with the number of finished trials after each one (from worker threads)
   */
  public static Trials run(SpikingNetwork net, int steps, int count, long seed, int threads, IntConsumer done) {
    return run(net, steps, inputs(net, steps, count, seed), threads, done);
  }

  /** How many trials run at once, each with its own state: no more threads than trials. */
  public static int workers(int threads, int trials) {
    return Math.max(1, Math.min(threads, trials));
  }

  /** Runs one trial per element of {@code inputs}. */
  public static Trials run(SpikingNetwork net, int steps, List<InputEvents> inputs, int threads, IntConsumer done) {
    int count = inputs.size();
    int workers = workers(threads, count);
    SpikeTrain[] spikes = new SpikeTrain[count];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "dmn-simulate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          TrialSimulation sim = new TrialSimulation(net);
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            spikes[i] = sim.run(steps, inputs.get(i));
            done.accept(finished.incrementAndGet());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Trials(steps, net.dt(), List.copyOf(inputs), List.of(spikes));
  }

  /** Spike counts per trial and cell, {@code [trial][cell]}. */
  public int[][] counts() {
    int[][] c = new int[spikes.size()][];
    for (int i = 0; i < c.length; i++) {
      c[i] = spikes.get(i).counts();
    }
    return c;
  }

  /** Mean rate of every cell over the trials, Hz. */
  public double[] meanRates() {
    int[][] c = counts();
    int cells = c.length == 0 ? 0 : c[0].length;
    double[] rate = new double[cells];
    double seconds = steps * dt * c.length;
    for (int[] trial : c) {
      for (int k = 0; k < cells; k++) {
        rate[k] += trial[k];
      }
    }
    for (int k = 0; k < cells; k++) {
      rate[k] /= seconds;
    }
    return rate;
  }

  /** Spikes over all trials. */
  public long spikeCount() {
    long n = 0;
    for (SpikeTrain s : spikes) {
      n += s.spikeCount();
    }
    return n;
  }
}
