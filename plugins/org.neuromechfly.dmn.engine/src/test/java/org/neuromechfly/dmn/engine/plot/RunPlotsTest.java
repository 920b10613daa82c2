package org.neuromechfly.dmn.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.ActivityObjective;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.SurrogateKind;

/** The figures show what happened: a population that spiked has a raster with spikes in it. */
class RunPlotsTest {
  @TempDir Path dir;

  @Test
  void theRasterOfAPopulationThatSpikedIsNotEmpty() throws Exception {
    CircuitSpec spec = TinyCircuit.spec(200, GradientPath.MOTOR_ONLY);
    Network net = new Network(spec, TinyCircuit.wiring(spec, 7, 2.0, 6.0), 1e-3,
        NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5)));
    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings ws = WorldSettings.defaults();
    OdourWorld world = new OdourWorld(spec, task, ws, 2, PathLosses.of(spec, task, ws));
    world.setStarts(StartPositions.draw(task, 2, 3), 11);
    BpttKernel kernel = new BpttKernel(net, task.steps(), 2);
    kernel.forward(world, ActivityObjective.NONE);
    int kc = net.populationIndex("KC");
    var state = kernel.activity().state(kc);
    long spikes = 0;
    for (int t = 0; t < state.steps(); t++) {
      for (int n = 0; n < state.cells(); n++) {
        spikes += state.output(t, 0, n) > 0 ? 1 : 0;
      }
    }
    assertTrue(spikes > 0, "the KCs should spike");
    Path file = dir.resolve("raster-KC.png");
    RunPlots.raster(kernel.activity(), kc, 100, 1e-3, file);
    BufferedImage image = ImageIO.read(file.toFile());
    // black spike ticks inside the plot area (left of it are the axis labels)
    int ticks = 0;
    for (int x = 75; x < image.getWidth() - 35; x++) {
      for (int y = 45; y < image.getHeight() - 60; y++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        ticks += rgb == 0 ? 1 : 0;
      }
    }
    assertTrue(ticks >= spikes, "the raster draws its " + spikes + " spikes: " + ticks + " black pixels");
    // a population larger than the raster shows cells that spiked
    int[] shown = RunPlots.shownCells(state, 2);
    assertEquals(2, shown.length);
    for (int n : shown) {
      boolean fired = false;
      for (int t = 0; t < state.steps(); t++) {
        fired |= state.output(t, 0, n) > 0;
      }
      assertTrue(fired, "cell " + n + " is shown but never spiked");
    }
  }

  @Test
  void ticksAreWholeNumbersWhereAsked() {
    for (double t : Figure.ticks(-0.5, 9.5, true)) {
      assertEquals(Math.rint(t), t, 0.0);
    }
    assertTrue(Figure.ticks(-0.5, 9.5, true).length >= 2);
  }
}
