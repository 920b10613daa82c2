package org.neuromechfly.dmn.engine;

import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.network.KernelFactory;
import org.neuromechfly.dmn.engine.samediff.ChunkedSameDiffKernel;
import org.neuromechfly.dmn.model.ExecutionEngine;

/** The execution paths the engine offers, as kernel factories, by the name a model or the CLI uses. */
public final class Engines {
  private Engines() {}

  public static KernelFactory of(ExecutionEngine engine) {
    return switch (engine) {
      case FUSED -> (network, steps, batch, lead) -> new BpttKernel(network, steps, batch);
      case SAMEDIFF -> (network, steps, batch, lead) ->
          new ChunkedSameDiffKernel(network, steps, batch,
              ChunkedSameDiffKernel.chunkLength(steps, lead, network.spec().training().bpttWindow()));
    };
  }
}
