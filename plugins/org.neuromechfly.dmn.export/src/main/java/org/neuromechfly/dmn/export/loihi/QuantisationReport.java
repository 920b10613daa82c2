package org.neuromechfly.dmn.export.loihi;

import java.util.List;

/**
 * What quantisation did and how closely Loihi's integer network follows the float one.
 *
 * @param steps steps simulated
 * @param inputProbability input event probability per step and cell
 * @param layers per-layer fixed-point values and integer state extremes
 * @param agreement per-population spike-train agreement
 * @param warnings approximations made by the export
 */
public record QuantisationReport(
    int steps, double inputProbability, List<LayerReport> layers, List<LoihiSimulation.Agreement> agreement,
    List<String> warnings) {

  /**
   * @param population the layer's population
   * @param type netx layer type
   * @param scale integer units per normalised voltage unit
   * @param numWeightBits weight bits Lava derives (≤ 8 on Loihi)
   * @param weightExponent weight exponent Lava derives
   * @param maxAbsWeight largest |weight| in the file
   * @param vThMant threshold mantissa
   * @param iDecay current decay
   * @param vDecay voltage decay
   * @param maxAbsU largest |u| seen in the simulation (24-bit limit 2^23)
   * @param maxAbsV largest |v| seen
   * @param uWraps times u wrapped around
   * @param vClips times v saturated
   */
  public record LayerReport(String population, String type, double scale, int numWeightBits, int weightExponent,
      int maxAbsWeight, int vThMant, int iDecay, int vDecay, long maxAbsU, long maxAbsV, int uWraps, int vClips) {}

  /** Quantises nothing: builds the report of an export from its network and a simulation run. */
  public static QuantisationReport of(NetxNetwork net, LoihiSimulation.Result run, int steps, double probability) {
    List<LayerReport> layers = net.layers().stream().map(l -> new LayerReport(l.population(), l.type(), l.scale(),
        l.numWeightBits(), l.weightExponent(), maxAbs(l), l.vThMant(), l.iDecay(), l.vDecay(),
        run == null ? 0 : run.maxAbsU()[l.index()], run == null ? 0 : run.maxAbsV()[l.index()],
        run == null ? 0 : run.uWraps()[l.index()], run == null ? 0 : run.vClips()[l.index()])).toList();
    return new QuantisationReport(steps, probability, layers,
        run == null ? List.of() : LoihiSimulation.agreements(net, run), net.warnings());
  }

  private static int maxAbs(NetxLayer l) {
    int m = Math.abs(l.inputWeight());
    for (int[][] w : new int[][][] {l.weight(), l.weightRec()}) {
      if (w != null) {
        for (int[] row : w) {
          for (int x : row) {
            m = Math.max(m, Math.abs(x));
          }
        }
      }
    }
    return m;
  }

  /** The agreement of one population. */
  public LoihiSimulation.Agreement agreement(String population) {
    return agreement.stream().filter(a -> a.population().equals(population)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no population " + population + " in the report"));
  }
}
