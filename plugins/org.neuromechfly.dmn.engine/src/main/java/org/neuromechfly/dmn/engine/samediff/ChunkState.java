package org.neuromechfly.dmn.engine.samediff;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a chunk of the network reads from the steps before it, over all populations side by
 * side ({@code N} = all cells): the membrane after reset {@code [B, N]}, the synaptic current
 * {@code [B, N]} (only when some population has a synaptic time constant) and the outputs of the last
 * D steps {@code [D, B, N]} (D = longest projection delay), oldest first, and the steps of
 * refractoriness left {@code [B, N]} (only when some population has a refractory period). The same
 * shapes carry the adjoints (d loss / d state) backward; the refractory counter has none (the clamp is
 * a constant for the gradient).
 *
 * @param membrane membrane after reset
 * @param synaptic synaptic current, or {@code null} when no population has one
 * @param history outputs of the last D steps
 * @param refractory steps of refractoriness left, or {@code null} when no population has a period
 */
record ChunkState(INDArray membrane, INDArray synaptic, INDArray history, INDArray refractory) {}
