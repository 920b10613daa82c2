package org.neuromechfly.dmn.engine.network;

import java.util.Map;

/**
 * Loss terms on the network's own activity (sparsity, firing rates): they observe every step's
 * outputs during the forward pass ({@link ActivityObserver}), are evaluated after it and give
 * d loss / d output during the backward pass.
 */
public interface ActivityObjective extends ActivityObserver {

  /** Computes the terms from what the episode's forward pass showed; returns weighted components by name. */
  Map<String, Double> evaluate();

  /** Adds d loss / d output of population {@code population} at step {@code t} to {@code gradient}. */
  void addGradient(int population, int t, double[] gradient);

  /** This objective, with {@code also} watching the same outputs (after it, every step). */
  default ActivityObjective observedBy(ActivityObserver also) {
    ActivityObjective self = this;
    return new ActivityObjective() {
      @Override
      public void begin(int steps, int batch) {
        self.begin(steps, batch);
        also.begin(steps, batch);
      }

      @Override
      public void observe(int population, int t, double[] output) {
        self.observe(population, t, output);
        also.observe(population, t, output);
      }

      @Override
      public Map<String, Double> evaluate() {
        return self.evaluate();
      }

      @Override
      public void addGradient(int population, int t, double[] gradient) {
        self.addGradient(population, t, gradient);
      }
    };
  }

  /** No activity terms. */
  ActivityObjective NONE =
      new ActivityObjective() {
        @Override
        public void begin(int steps, int batch) {}

        @Override
        public void observe(int population, int t, double[] output) {}

        @Override
        public Map<String, Double> evaluate() {
          return Map.of();
        }

        @Override
        public void addGradient(int population, int t, double[] gradient) {}
      };
}
