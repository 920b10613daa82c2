package org.neuromechfly.dmn.engine.network;

import java.util.Map;

/** Loss terms on the network's own activity (sparsity, firing rates), evaluated after the forward pass. */
public interface ActivityObjective {

  /** Computes the terms from the recorded activity; returns weighted components by name. */
  Map<String, Double> evaluate(NetworkActivity activity);

  /** Adds d loss / d output of population {@code population} at step {@code t} to {@code gradient}. */
  void addGradient(int population, int t, double[] gradient);

  /** No activity terms. */
  ActivityObjective NONE =
      new ActivityObjective() {
        @Override
        public Map<String, Double> evaluate(NetworkActivity activity) {
          return Map.of();
        }

        @Override
        public void addGradient(int population, int t, double[] gradient) {}
      };
}
