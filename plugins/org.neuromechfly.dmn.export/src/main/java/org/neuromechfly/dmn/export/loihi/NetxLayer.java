package org.neuromechfly.dmn.export.loihi;

/**
 * One netx layer with its fixed-point values and the scale that produced them.
 *
 * @param index position in the chain (0 = input)
 * @param type {@code input}, {@code dense} or {@code dense_rec}
 * @param population the population this layer holds
 * @param size cells (outFeatures)
 * @param inFeatures cells of the previous layer (0 for the input layer)
 * @param weight integer weights (out, in), or {@code null} for the input layer
 * @param weightRec recurrent integer weights (out, out) of a dense_rec layer, else {@code null}
 * @param delay extra axonal delay in steps beyond the one-step hop (0: no delay dataset)
 * @param inputWeight the input layer's transform weight (integer per input event); 0 otherwise
 * @param biasMant per-cell bias mantissa (bias exponent 6), 13-bit signed
 * @param iDecay current decay, 12-bit (du = iDecay − 1)
 * @param vDecay voltage decay, 12-bit
 * @param vThMant threshold mantissa (threshold = vThMant · 2^6), 17-bit unsigned
 * @param scale integer voltage units per normalised unit (after threshold folding)
 * @param thresholdFold per-cell factor θ_layer/θ_cell folded into incoming weights and bias
 * @param numWeightBits weight bits Lava derives for this layer (netx optimize_weight_bits)
 * @param weightExponent weight exponent Lava derives for this layer
 */
public record NetxLayer(
    int index,
    String type,
    String population,
    int size,
    int inFeatures,
    int[][] weight,
    int[][] weightRec,
    int delay,
    int inputWeight,
    int[] biasMant,
    int iDecay,
    int vDecay,
    int vThMant,
    double scale,
    double[] thresholdFold,
    int numWeightBits,
    int weightExponent) {}
