package org.neuromechfly.dmn.export.loihi;

import java.util.List;
import org.neuromechfly.dmn.engine.neuron.LoihiCells;

/**
 * One netx layer (after the input) with its fixed-point values: one or more populations whose cells
 * are consecutive, fed by the previous layer (or the spike source) and, for {@code dense_rec}, by
 * itself one step later.
 *
 * @param index position in the bundle (1 = first after the input)
 * @param type {@code dense} or {@code dense_rec}
 * @param populations its populations and where their cells start
 * @param inFeatures cells of the previous layer (channels of the spike source for layer 1)
 * @param weight integer weights (out, in): even, −256..254
 * @param weightRec recurrent integer weights (out, out) of a dense_rec layer, else {@code null}
 * @param delay extra delay in steps beyond the one-step hop per synapse (out, in), or {@code null} for none
 * @param cells the layer's decays, threshold mantissa, per-cell scale and bias mantissas
 * @param numWeightBits weight bits Lava derives for this layer (netx optimize_weight_bits)
 * @param weightExponent weight exponent Lava derives
 * @param quantisation how far the integers are from the float values they stand for
 */
public record NetxLayer(
    int index,
    String type,
    List<Slice> populations,
    int inFeatures,
    int[][] weight,
    int[][] weightRec,
    int[][] delay,
    LoihiCells cells,
    int numWeightBits,
    int weightExponent,
    Quantisation quantisation) {

  public NetxLayer {
    populations = List.copyOf(populations);
  }

  /** A population's cells in a layer (or in the spike source): {@code offset..offset+count−1}. */
  public record Slice(String population, int offset, int count) {}

  /**
   * Errors of one layer's integers against the float values, relative to the layer's largest |weight|
   * (weights) or to each threshold, and in engine units (biases).
   *
   * @param weightRms root mean square weight error over the synapses, relative
   * @param weightMax largest weight error, relative
   * @param thresholdMax largest relative threshold error (0 unless a threshold was raised)
   * @param biasMax largest bias error, engine units
   * @param clippedWeights weights beyond the 8-bit mantissa, clipped
   * @param clippedBiases biases beyond 13 bits, clipped
   * @param raisedThresholds thresholds below 1/4096 of the layer's highest (or not positive), raised
   */
  public record Quantisation(double weightRms, double weightMax, double thresholdMax, double biasMax,
      int clippedWeights, int clippedBiases, int raisedThresholds) {}

  /** Cells in the layer (outFeatures). */
  public int size() {
    return cells.scale().length;
  }

  /** The population names, in order. */
  public List<String> populationNames() {
    return populations.stream().map(Slice::population).toList();
  }
}
