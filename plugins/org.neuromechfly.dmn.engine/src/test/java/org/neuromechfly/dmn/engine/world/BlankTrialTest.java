package org.neuromechfly.dmn.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;

/** A blank trial walks in clean air: its antennae read no odour and the navigation loss leaves it out. */
class BlankTrialTest {

  private static Map<String, Double> walk(CircuitSpec spec, StartPositions starts, double[][] ornInput) {
    NavigationTask task = (NavigationTask) spec.task();
    WorldSettings ws = WorldSettings.defaults();
    OdourWorld world = new OdourWorld(spec, task, ws, starts.size(), PathLosses.of(spec, task, ws));
    world.setStarts(starts, 11);
    world.begin();
    int orn = spec.population("ORN").orElseThrow().count();
    int dn = spec.population("DN").orElseThrow().count();
    double[][] inputs = new double[world.sensoryPopulations().size()][];
    inputs[0] = new double[starts.size() * orn];
    for (int i = 1; i < inputs.length; i++) {
      inputs[i] = new double[starts.size() * spec.population(world.sensoryPopulations().get(i)).orElseThrow().count()];
    }
    double[] motor = new double[starts.size() * dn];
    java.util.Arrays.fill(motor, 0.05);
    for (int t = 0; t < task.steps(); t++) {
      world.sense(t, inputs);
      for (int b = 0; b < starts.size(); b++) {
        for (int n = 0; n < orn; n++) {
          ornInput[b][t] += Math.abs(inputs[0][b * orn + n]);
        }
      }
      world.act(t, motor);
    }
    return world.endForward();
  }

  @Test
  void blankFliesSmellNothingAndDoNotCountForNavigation() {
    CircuitSpec spec = TinyCircuit.withWindAndPuffs(TinyCircuit.spec(400, GradientPath.MOTOR_ONLY), 150);
    NavigationTask task = (NavigationTask) spec.task();
    StartPositions one = StartPositions.draw(task, 1, 4);
    StartPositions two = new StartPositions(new double[] {one.x()[0], one.x()[0]}, new double[] {one.y()[0], one.y()[0]},
        new double[] {one.heading()[0], one.heading()[0]}, new boolean[] {false, true});
    double[][] alone = new double[1][task.steps()];
    double[][] pair = new double[2][task.steps()];
    Map<String, Double> a = walk(spec, one, alone);
    Map<String, Double> b = walk(spec, two, pair);
    assertTrue(java.util.Arrays.stream(pair[0]).sum() > 0, "the odour fly meets odour");
    assertEquals(0.0, java.util.Arrays.stream(pair[1]).sum(), 0.0, "the blank fly's receptors read no odour");
    assertEquals(a.get("navigation"), b.get("navigation"), 1e-15, "the blank fly does not count for navigation");
    assertTrue(b.get("energy") > 0, "moving still costs energy on a blank trial");
  }
}
