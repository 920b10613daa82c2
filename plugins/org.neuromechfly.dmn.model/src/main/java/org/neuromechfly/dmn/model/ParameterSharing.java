package org.neuromechfly.dmn.model;

/** How a learnable neuron parameter is shared: one value per neuron, per population or per cell type. */
public enum ParameterSharing {
  PER_NEURON,
  PER_POPULATION,
  PER_CELL_TYPE
}
