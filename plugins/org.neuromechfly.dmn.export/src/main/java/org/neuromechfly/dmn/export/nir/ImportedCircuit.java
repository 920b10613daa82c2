package org.neuromechfly.dmn.export.nir;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.export.CircuitParameters;

/**
 * A NIR graph turned into our terms: the circuit (populations and projections), every number in the
 * engine's form, the graph's external inputs, the {@code .circuit} text and the weights sidecar
 * (JSON-ready).
 *
 * @param parameters per-cell neuron values and weights in the engine's discretisation
 * @param circuitText a {@code .circuit} file describing the structure (weights summarised)
 * @param sidecar the weights file's content: populations, projections (out × in), external inputs
 * @param nodeToPopulation NIR neuron node name → population name
 * @param inputs how the graph's Input nodes drive its populations
 * @param warnings what could not be expressed exactly
 */
public record ImportedCircuit(
    CircuitParameters parameters,
    String circuitText,
    Map<String, Object> sidecar,
    Map<String, String> nodeToPopulation,
    List<ExternalInput> inputs,
    List<String> warnings) {

  /**
   * An Input node driving a population: the population's input current at step t gains
   * {@code weight · x(t − delaySteps)}, x the Input's signal.
   *
   * @param input the Input node
   * @param channels its width
   * @param population the population driven
   * @param node the Linear/Affine node on the way, or {@code null} for a direct edge
   * @param weight (population cells × channels), engine units (the input gain of the population included)
   * @param delaySteps steps of delay on the way (0 for none)
   * @param identity whether it is a plain one-to-one feed (x is the current)
   */
  public record ExternalInput(String input, int channels, String population, String node, double[][] weight,
      int delaySteps, boolean identity) {}
}
