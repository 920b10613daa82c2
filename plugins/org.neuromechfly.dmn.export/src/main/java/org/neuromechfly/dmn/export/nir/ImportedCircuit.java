package org.neuromechfly.dmn.export.nir;

import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.export.CircuitParameters;

/**
 * A NIR graph turned into our terms: the circuit (populations and dense projections), every number in
 * the engine's form, the {@code .circuit} text and the weights sidecar (JSON-ready).
 *
 * @param parameters per-cell neuron values and weights in the engine's discretisation
 * @param circuitText a {@code .circuit} file describing the structure (weights summarised)
 * @param sidecar the weights file's content: populations, projections (out × in), input transforms
 * @param nodeToPopulation NIR neuron node name → population name
 * @param warnings what could not be expressed exactly
 */
public record ImportedCircuit(
    CircuitParameters parameters,
    String circuitText,
    Map<String, Object> sidecar,
    Map<String, String> nodeToPopulation,
    List<String> warnings) {}
