package org.neuromechfly.dmn.export.loihi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the export did and how closely the bundle follows the model: per layer, the integers and their
 * quantisation error; per on-chip population, spikes on both sides and the agreement measures of
 * {@link SpikeAgreement}; with a navigation task, held-out success of model and bundle.
 *
 * @param trainedFor {@code loihi2} when the model trained for Loihi 2 (its float parameters then map onto
 *     exactly the integers it trained with), else {@code float}
 * @param input the spike source: populations and their channels
 * @param layers per layer
 * @param runs how the comparison ran, or {@code null} when none did
 * @param agreement per on-chip population, or empty when no comparison ran
 * @param sourceSpikes spikes of the spike-source populations in the comparison (identical on both sides)
 * @param task held-out task success of model and bundle, or {@code null}
 * @param warnings approximations made by the export
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuantisationReport(String trainedFor, List<NetxLayer.Slice> input, List<LayerReport> layers,
    String runs, List<SpikeAgreement> agreement, Map<String, Long> sourceSpikes,
    BundleSimulation.TaskComparison task, List<String> warnings) {

  /**
   * @param index netx layer
   * @param type dense or dense_rec
   * @param populations its populations
   * @param cells its cells
   * @param vDecay voltage decay (12-bit)
   * @param iDecay current decay (4096: none)
   * @param vThMant threshold mantissa
   * @param numWeightBits weight bits Lava derives (≤ 8 on Loihi)
   * @param weightExponent weight exponent Lava derives
   * @param maxAbsWeight largest |weight| in the file
   * @param quantisation weight, threshold and bias errors, clipping
   * @param maxVoltage largest |V| the bundle reached in the comparison, as a fraction of the 24-bit limit
   * @param saturatedVoltages how often V hit the 24-bit limit in the comparison
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LayerReport(int index, String type, List<String> populations, int cells, int vDecay, int iDecay,
      int vThMant, int numWeightBits, int weightExponent, int maxAbsWeight, NetxLayer.Quantisation quantisation,
      Double maxVoltage, Long saturatedVoltages) {}

  /** Builds the report of an export from its network, the model's training target and a comparison (or null). */
  public static QuantisationReport of(NetxNetwork net, boolean trainedForLoihi, BundleSimulation.Result run) {
    List<LayerReport> layers = net.layers().stream().map(l -> new LayerReport(l.index(), l.type(), l.populationNames(),
        l.size(), l.cells().vDecay(), l.cells().iDecay(), l.cells().vThMant(), l.numWeightBits(), l.weightExponent(),
        maxAbs(l), l.quantisation(), run == null ? null : run.maxVoltage()[l.index() - 1],
        run == null ? null : run.saturated()[l.index() - 1])).toList();
    return new QuantisationReport(trainedForLoihi ? "loihi2" : "float", net.sources(), layers,
        run == null ? null : run.runs(), run == null ? List.of() : run.agreement(),
        run == null ? Map.of() : run.sourceSpikes(), run == null ? null : run.task(), net.warnings());
  }

  private static int maxAbs(NetxLayer l) {
    int m = 0;
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
  public SpikeAgreement agreement(String population) {
    return agreement.stream().filter(a -> a.population().equals(population)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no on-chip population " + population + " in the report"));
  }
}
