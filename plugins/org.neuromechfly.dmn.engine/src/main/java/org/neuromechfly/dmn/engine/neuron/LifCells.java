package org.neuromechfly.dmn.engine.neuron;

import org.neuromechfly.dmn.model.ResetMode;

/**
 * The per-cell constants of one population for a time step, in physical units: decays, leak,
 * threshold and bias per cell, and what kind of cell it is. {@link LifPopulation#prepare()} refreshes
 * the arrays from the raw parameters after every optimiser step; the step functions of {@link LifStep}
 * only read them.
 */
public final class LifCells {
  final int cells;
  final boolean graded;
  final ResetMode resetMode;
  final double resetValue;
  final SpikeFunction spike;
  /** exp(−dt/τ_mem). */
  final double[] beta;
  /** 1 − β. */
  final double[] leak;
  /** Whether the cells integrate input in a synaptic current first. */
  final boolean synaptic;
  /** exp(−dt/τ_syn); 0 without a synaptic current. */
  final double[] alpha;
  final double[] theta;
  final double[] bias;
  /** Loihi 2's integers when the cells run in Loihi mode ({@code target loihi2}, or a bundle), else null. */
  LoihiCells loihi;

  LifCells(int cells, boolean graded, ResetMode resetMode, double resetValue, SpikeFunction spike, boolean synaptic) {
    this.cells = cells;
    this.graded = graded;
    this.resetMode = resetMode;
    this.resetValue = resetValue;
    this.spike = spike;
    this.synaptic = synaptic;
    beta = new double[cells];
    leak = new double[cells];
    alpha = new double[cells];
    theta = new double[cells];
    bias = new double[cells];
  }
}
