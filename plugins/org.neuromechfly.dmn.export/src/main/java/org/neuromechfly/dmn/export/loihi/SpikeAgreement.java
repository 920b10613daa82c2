package org.neuromechfly.dmn.export.loihi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.neuromechfly.dmn.engine.neuron.PopulationState;

/**
 * How closely a population's spikes in the bundle follow the model's, over the same input:
 *
 * <ul>
 *   <li>{@code countAgreement} = min(N_model, N_bundle) / max(N_model, N_bundle) over all cells and runs;
 *   <li>{@code matchedWithinOneStep} = 2·C / (N_model + N_bundle), C the spikes matched one to one, per
 *       cell, at the same step or one step apart;
 *   <li>{@code coincidence}, the coincidence factor of Kistler et al. (1997, Neural Comput. 9:1015) for a
 *       window of ±1 step: Γ = (C − E) / (½(N_model + N_bundle)·(1 − E/N_model)), with E the coincidences
 *       two independent trains of these rates would have by chance (per cell, N_model·3·N_bundle/T).
 *       Γ = 1 for identical trains and ≈ 0 for unrelated ones.
 * </ul>
 *
 * A population that fires in neither is reported as {@value #SILENT} with no measures: agreement
 * between two silences says nothing.
 *
 * @param population the population
 * @param layer its netx layer
 * @param modelSpikes spikes of the model (as trained: float, or Loihi mode)
 * @param bundleSpikes spikes of the bundle's integers
 * @param status {@value #SPIKING}, {@value #SILENT}, or silent on one side
 * @param countAgreement see above, or null when silent on both sides
 * @param matchedWithinOneStep see above, or null when silent on both sides
 * @param coincidence see above, or null when silent on both sides or silent in the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpikeAgreement(String population, int layer, long modelSpikes, long bundleSpikes, String status,
    Double countAgreement, Double matchedWithinOneStep, Double coincidence) {
  public static final String SPIKING = "spiking";
  public static final String SILENT = "silent on both sides";

  /** Whether cell n of batch element b spiked at step t. */
  @FunctionalInterface
  interface Raster {
    boolean spike(int t, int b, int n);
  }

  /** Accumulates the counts of one population over runs. */
  static final class Counter {
    private long model;
    private long bundle;
    private long matched;
    private double expected;

    /** Adds every batch element and cell of one run. */
    void add(PopulationState a, PopulationState b) {
      add(a.steps(), a.batch(), a.cells(), (t, e, n) -> a.output(t, e, n) != 0, (t, e, n) -> b.output(t, e, n) != 0);
    }

    /** Adds a run of {@code steps} steps, {@code batch} elements and {@code cells} cells. */
    void add(int steps, int batch, int cells, Raster a, Raster b) {
      for (int e = 0; e < batch; e++) {
        for (int n = 0; n < cells; n++) {
          long na = 0;
          long nb = 0;
          boolean[] used = new boolean[steps];
          for (int t = 0; t < steps; t++) {
            nb += b.spike(t, e, n) ? 1 : 0;
          }
          for (int t = 0; t < steps; t++) {
            if (!a.spike(t, e, n)) {
              continue;
            }
            na++;
            for (int d : new int[] {0, -1, 1}) {
              int k = t + d;
              if (k >= 0 && k < steps && !used[k] && b.spike(k, e, n)) {
                used[k] = true;
                matched++;
                break;
              }
            }
          }
          model += na;
          bundle += nb;
          expected += na * Math.min(1.0, 3.0 * nb / steps);
        }
      }
    }

    SpikeAgreement result(String population, int layer) {
      if (model == 0 && bundle == 0) {
        return new SpikeAgreement(population, layer, 0, 0, SILENT, null, null, null);
      }
      String status = model == 0 ? "silent in the model" : bundle == 0 ? "silent in the bundle" : SPIKING;
      double count = (double) Math.min(model, bundle) / Math.max(model, bundle);
      double matchedFraction = 2.0 * matched / (model + bundle);
      Double gamma = null;
      if (model > 0 && expected < model) {
        gamma = (matched - expected) / (0.5 * (model + bundle) * (1 - expected / model));
      }
      return new SpikeAgreement(population, layer, model, bundle, status, count, matchedFraction, gamma);
    }
  }
}
