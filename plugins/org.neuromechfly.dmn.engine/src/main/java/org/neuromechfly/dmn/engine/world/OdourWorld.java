package org.neuromechfly.dmn.engine.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;

/**
 * Differentiable closed-loop odour navigation in a rectangular arena: bilateral antennae in a plume
 * feed adapting ORN input, DN output drives speed and turning after a sensorimotor delay, and the
 * losses it is given ({@link PathLoss}) are computed on the path. How far gradients flow back through the
 * world is the task's {@link GradientPath}: {@code MOTOR_ONLY} (default, the one that learns) stops at
 * the sensing path; {@code FULL} also differentiates position → odour → ORN input; {@code TRUNCATED}
 * keeps the sensing path only within the current chunk of {@code motorDelay} steps.
 */
public final class OdourWorld implements Environment {
  private final NavigationTask task;
  private final int batch;
  private final int steps;
  private final int delay;
  private final double dt;
  private final double width;
  private final double height;
  private final GradientPath path;
  /** Truncated BPTT window in steps, 0 for none (the training block's {@code bptt window}). */
  private final int window;
  private final String sensory;
  private final Plume plume;
  private final Antennae antennae;
  private final MotorReadout readout;
  private final List<PathLoss> losses;
  private final double[][] x;
  private final double[][] y;
  private final double[][] h;
  private final boolean[][] clampedX;
  private final boolean[][] clampedY;
  private final double[] curX;
  private final double[] curY;
  private final double[] curH;
  private final WorldGradient motorPath;
  private final WorldGradient sensingPath;
  private final PathGradient lossGradient;
  private StartPositions starts;
  private long noiseSeed;
  /** Last step whose movement has been applied (−1 before the first). */
  private int moved;
  /** Steps whose motor output has been read ({@link #act} was called for 0..commanded−1). */
  private int commanded;

  /**
   * @param losses the losses on the walked path (e.g. {@code loss.PathLosses.of}), in report order
   */
  public OdourWorld(CircuitSpec spec, NavigationTask task, WorldSettings settings, int batch, List<PathLoss> losses) {
    this.task = task;
    this.batch = batch;
    this.steps = task.steps();
    this.dt = task.dt().si();
    this.delay = (int) Math.round(task.motorDelay().si() / dt);
    this.width = task.arenaWidth().si();
    this.height = task.arenaHeight().si();
    this.path = task.gradientPath();
    this.window = Math.max(0, spec.training().bpttWindow());
    this.sensory = settings.sensoryPopulation() != null ? settings.sensoryPopulation() : sensoryOf(spec);
    int sensoryCells = spec.population(sensory).map(Population::count).orElseThrow();
    int motorCells = spec.population(task.forward().population()).map(Population::count).orElseThrow();
    this.plume = new Plume(task, settings);
    this.antennae = new Antennae(plume, settings, sensoryCells, batch, steps, dt);
    this.readout = new MotorReadout(task, settings, motorCells, batch, steps);
    this.losses = List.copyOf(losses);
    x = new double[batch][steps];
    y = new double[batch][steps];
    h = new double[batch][steps];
    clampedX = new boolean[batch][steps];
    clampedY = new boolean[batch][steps];
    curX = new double[batch];
    curY = new double[batch];
    curH = new double[batch];
    motorPath = new WorldGradient(batch, steps);
    sensingPath = new WorldGradient(batch, steps);
    lossGradient = new PathGradient(batch, steps);
  }

  /** The population of cell type ORN, else the first population no projection drives. */
  public static String sensoryOf(CircuitSpec spec) {
    return spec.populations().stream()
        .filter(p -> p.cellType().equalsIgnoreCase("ORN"))
        .findFirst()
        .or(() -> spec.populations().stream()
            .filter(p -> spec.projections().stream().noneMatch(pr -> pr.target().equals(p.name())))
            .findFirst())
        .map(Population::name)
        .orElseThrow(() -> new IllegalArgumentException("circuit " + spec.name() + " has no sensory population"));
  }

  /** Sets the starts (and turbulence seed) of the next episode; {@code starts.size()} must be the batch. */
  public void setStarts(StartPositions starts, long noiseSeed) {
    if (starts.size() != batch) {
      throw new IllegalArgumentException(starts.size() + " starts for a batch of " + batch);
    }
    this.starts = starts;
    this.noiseSeed = noiseSeed;
  }

  @Override
  public int batch() {
    return batch;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public int sensingLead() {
    return sensingLead(task);
  }

  /**
   * The {@link #sensingLead()} of a world for {@code task}: movement at step t obeys the motor output
   * of step t − delay, and sensing at step t reads the pose after step t − 1, so sensing lags motor
   * output by delay + 1 steps.
   */
  public static int sensingLead(NavigationTask task) {
    return (int) Math.round(task.motorDelay().si() / task.dt().si()) + 1;
  }

  @Override
  public String sensoryPopulation() {
    return sensory;
  }

  @Override
  public String motorPopulation() {
    return task.forward().population();
  }

  @Override
  public void begin() {
    if (starts == null) {
      throw new IllegalStateException("setStarts before the first episode");
    }
    System.arraycopy(starts.x(), 0, curX, 0, batch);
    System.arraycopy(starts.y(), 0, curY, 0, batch);
    System.arraycopy(starts.heading(), 0, curH, 0, batch);
    plume.begin(batch, steps, noiseSeed);
    antennae.begin(curX, curY, curH);
    readout.begin();
    moved = -1;
    commanded = 0;
  }

  @Override
  public void sense(int t, double[] input) {
    moveThrough(t - 1);
    antennae.sense(t, curX, curY, curH, input);
  }

  @Override
  public void act(int t, double[] motorOutput) {
    readout.act(t, motorOutput);
    commanded = t + 1;
    moveThrough(t);
  }

  /**
   * Applies the movements of the steps up to {@code last} that have not been applied yet. Movement at
   * step m obeys the command of step m − delay, so a world sensed ahead of the network (chunks of up
   * to {@link #sensingLead()} steps) moves as soon as that command exists, and {@link #act} then only
   * reads the motor output.
   */
  private void moveThrough(int last) {
    for (int m = moved + 1; m <= last; m++) {
      if (m - delay >= commanded) {
        throw new IllegalStateException("step " + m + " needs the motor command of step " + (m - delay)
            + ", which has not been read yet: the world was sensed more than " + sensingLead() + " steps ahead");
      }
      move(m);
      moved = m;
    }
  }

  private void move(int t) {
    for (int b = 0; b < batch; b++) {
      double u = commandSpeed(b, t);
      double w = t - delay >= 0 ? readout.turn[b][t - delay] : 0;
      double heading = curH[b] + w * dt;
      double nx = curX[b] + u * Math.cos(heading) * dt;
      double ny = curY[b] + u * Math.sin(heading) * dt;
      clampedX[b][t] = nx < 0 || nx > width;
      clampedY[b][t] = ny < 0 || ny > height;
      curX[b] = Math.min(Math.max(nx, 0), width);
      curY[b] = Math.min(Math.max(ny, 0), height);
      curH[b] = heading;
      x[b][t] = curX[b];
      y[b][t] = curY[b];
      h[b][t] = heading;
    }
  }

  private double commandSpeed(int b, int t) {
    return t - delay >= 0 ? readout.speed[b][t - delay] : readout.restingSpeed();
  }

  @Override
  public Map<String, Double> endForward() {
    lossGradient.clear();
    Map<String, Double> out = new LinkedHashMap<>();
    Trajectory path = new Trajectory(x, y, readout.speed, readout.turn, starts.x(), starts.y(),
        task.source().x().si(), task.source().y().si(), dt);
    for (PathLoss loss : losses) {
      out.put(loss.name(), loss.evaluate(path, lossGradient));
    }
    return out;
  }

  @Override
  public void motorGradient(int t, double[] gradient) {
    if (t == steps - 1) {
      motorPath.begin(lossGradient.x(), lossGradient.y());
      sensingPath.begin(null, null);
      antennae.beginBackward();
      readout.beginBackward();
    }
    double[] gSpeed = new double[batch];
    double[] gTurn = new double[batch];
    for (int b = 0; b < batch; b++) {
      gSpeed[b] = lossGradient.speed()[b][t];
      gTurn[b] = lossGradient.turn()[b][t];
    }
    int s = t + delay;
    if (s < steps) {
      boolean chunkStart = s % Math.max(delay, 1) == 0;
      // truncated BPTT: a window's pose and its commands in flight are constants of the window after it
      boolean toCommand = window == 0 || s / window == t / window;
      boolean carry = !windowStart(s);
      for (int b = 0; b < batch; b++) {
        double u = commandSpeed(b, s);
        motorPath.step(b, s, u, h[b][s], clampedX[b][s], clampedY[b][s], dt, toCommand, carry, gSpeed, gTurn);
        sensingPath.step(b, s, u, h[b][s], clampedX[b][s], clampedY[b][s], dt, toCommand,
            carry && (path == GradientPath.FULL || !chunkStart), gSpeed, gTurn);
      }
    }
    readout.backward(t, gSpeed, gTurn, gradient);
    if (windowStart(t)) {
      readout.cutBackward();
    }
  }

  /** Whether step t opens a truncated-BPTT window after the first. */
  private boolean windowStart(int t) {
    return window > 0 && t > 0 && t % window == 0;
  }

  @Override
  public void sensoryGradient(int t, double[] gradient) {
    if (path == GradientPath.MOTOR_ONLY || t == 0) {
      return; // the pose before step 0 is the start: a constant
    }
    if (windowStart(t)) {
      antennae.beginBackward(); // the pose and adaptation entering a window are its constants
      return;
    }
    double[] px = new double[batch];
    double[] py = new double[batch];
    double[] ph = new double[batch];
    double[] gx = new double[batch];
    double[] gy = new double[batch];
    double[] gh = new double[batch];
    for (int b = 0; b < batch; b++) {
      px[b] = x[b][t - 1];
      py[b] = y[b][t - 1];
      ph[b] = h[b][t - 1];
    }
    antennae.backward(t, gradient, px, py, ph, gx, gy, gh);
    sensingPath.add(t - 1, gx, gy, gh);
  }

  /** The positions of the last episode (copies). */
  public Trajectory trajectory() {
    return new Trajectory(copy(x), copy(y), copy(readout.speed), copy(readout.turn),
        starts.x().clone(), starts.y().clone(), task.source().x().si(), task.source().y().si(), dt);
  }

  public NavigationTask task() {
    return task;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

}
