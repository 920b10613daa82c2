package org.neuromechfly.dmn.engine.world;

import java.util.List;
import java.util.Map;

/**
 * An environment that passes every call to the world it wraps; subclasses override what they watch or
 * change (recording or replaying the sensory input). Forwarding everything here, the sensing lead
 * included, keeps a wrapper from silently falling back to an interface default.
 */
public abstract class ForwardingEnvironment implements Environment {
  protected final Environment world;

  protected ForwardingEnvironment(Environment world) {
    this.world = world;
  }

  @Override
  public int batch() {
    return world.batch();
  }

  @Override
  public int steps() {
    return world.steps();
  }

  @Override
  public int sensingLead() {
    return world.sensingLead();
  }

  @Override
  public List<String> sensoryPopulations() {
    return world.sensoryPopulations();
  }

  @Override
  public String motorPopulation() {
    return world.motorPopulation();
  }

  @Override
  public void begin() {
    world.begin();
  }

  @Override
  public void sense(int t, double[][] inputs) {
    world.sense(t, inputs);
  }

  @Override
  public void act(int t, double[] motorOutput) {
    world.act(t, motorOutput);
  }

  @Override
  public Map<String, Double> endForward() {
    return world.endForward();
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    world.motorGradient(t, gradient);
  }

  @Override
  public void sensoryGradient(int t, double[][] gradients) {
    world.sensoryGradient(t, gradients);
  }
}
