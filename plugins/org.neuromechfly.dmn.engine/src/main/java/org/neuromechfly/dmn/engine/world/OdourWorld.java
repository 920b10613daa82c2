package org.neuromechfly.dmn.engine.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.OdourPlume;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Population;

/**
 * Differentiable closed-loop odour navigation in a rectangular arena: bilateral antennae in a plume
 * (a Gaussian, or puffs carried by the wind) feed adapting ORN input, the wind feeds a wind-sensing
 * population when the task names one, DN output drives speed and turning after a sensorimotor delay,
 * and the losses the world is given ({@link PathLoss}) are computed on the path. How far gradients
 * flow back through the world is the task's {@link GradientPath}: {@code MOTOR_ONLY} (default, the one
 * that learns) stops at the sensing path; {@code FULL} also differentiates position → odour → ORN input
 * and heading → wind input; {@code TRUNCATED} keeps the sensing path only within the current chunk of
 * {@code motorDelay} steps.
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
  private final List<String> sensory = new ArrayList<>();
  private final OdourField plume;
  private final Antennae antennae;
  /** {@code null} when nothing senses the wind. */
  private final WindSensors windSensors;
  private final MotorReadout readout;
  private final List<PathLoss> losses;
  private final double[][] x;
  private final double[][] y;
  private final double[][] h;
  private final double[][] odour;
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
    String odourCells = task.odourSensors() != null ? task.odourSensors() : sensoryOf(spec);
    sensory.add(odourCells);
    this.plume = field(task, settings);
    this.antennae = new Antennae(plume, settings, cells(spec, odourCells), batch, steps, dt);
    if (task.windSensors() != null && task.wind() != null) {
      sensory.add(task.windSensors());
      this.windSensors = new WindSensors(cells(spec, task.windSensors()), batch, settings.windGain(),
          task.wind().speed().si(), task.wind().from().si());
    } else {
      this.windSensors = null;
    }
    this.readout = new MotorReadout(task, settings, cells(spec, task.forward().population()), batch, steps);
    this.losses = List.copyOf(losses);
    x = new double[batch][steps];
    y = new double[batch][steps];
    h = new double[batch][steps];
    odour = new double[batch][steps];
    clampedX = new boolean[batch][steps];
    clampedY = new boolean[batch][steps];
    curX = new double[batch];
    curY = new double[batch];
    curH = new double[batch];
    motorPath = new WorldGradient(batch, steps);
    sensingPath = new WorldGradient(batch, steps);
    lossGradient = new PathGradient(batch, steps);
  }

  private static OdourField field(NavigationTask task, WorldSettings settings) {
    OdourPlume p = task.plume();
    double sx = task.source().x().si();
    double sy = task.source().y().si();
    if (p.model() == PlumeModel.PUFFS) {
      if (task.wind() == null) {
        throw new IllegalArgumentException("a plume of puffs needs a wind to carry them from the source");
      }
      return new PuffField(sx, sy, task.wind().speed().si(), task.wind().from().si(), p.rate().si(), p.sigma().si(),
          p.spread().si(), p.meander().si(), task.arenaWidth().si(), task.arenaHeight().si(), task.dt().si());
    }
    return new GaussianField(sx, sy, p.sigma().si(), p.model() == PlumeModel.TURBULENT, settings.turbulenceStd(),
        settings.turbulenceTau(), task.dt().si());
  }

  private static int cells(CircuitSpec spec, String population) {
    return spec.population(population).map(Population::count)
        .orElseThrow(() -> new IllegalArgumentException("the task names population " + population
            + ", which the circuit does not declare"));
  }

  /** The population of cell type ORN, else the first population no projection drives. */
  public static String sensoryOf(CircuitSpec spec) {
    if (spec.task() instanceof NavigationTask t && t.odourSensors() != null) {
      return t.odourSensors();
    }
    return spec.populations().stream()
        .filter(p -> p.cellType().equalsIgnoreCase("ORN"))
        .findFirst()
        .or(() -> spec.populations().stream()
            .filter(p -> spec.projections().stream().noneMatch(pr -> pr.target().equals(p.name())))
            .findFirst())
        .map(Population::name)
        .orElseThrow(() -> new IllegalArgumentException("circuit " + spec.name() + " has no sensory population"));
  }

  /** Sets the starts (and plume seed) of the next episode; {@code starts.size()} must be the batch. */
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

  /** The odour-sensing population first, then the wind-sensing one when the fly senses the wind. */
  @Override
  public List<String> sensoryPopulations() {
    return List.copyOf(sensory);
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
    antennae.begin(curX, curY, curH, starts.blank());
    readout.begin();
    moved = -1;
    commanded = 0;
  }

  @Override
  public void sense(int t, double[][] inputs) {
    moveThrough(t - 1);
    plume.advance(t);
    antennae.sense(t, curX, curY, curH, inputs[0]);
    for (int b = 0; b < batch; b++) {
      odour[b][t] = antennae.odour(b, t);
    }
    if (windSensors != null) {
      windSensors.sense(curH, inputs[1]);
    }
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
    Trajectory live = path(x, y, h, readout.speed, readout.turn, odour, starts.x(), starts.y(), starts.heading(),
        starts.blank());
    for (PathLoss loss : losses) {
      out.put(loss.name(), loss.evaluate(live, lossGradient));
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
  public void sensoryGradient(int t, double[][] gradients) {
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
    antennae.backward(t, gradients[0], px, py, ph, gx, gy, gh);
    if (windSensors != null) {
      windSensors.backward(gradients[1], ph, gh);
    }
    sensingPath.add(t - 1, gx, gy, gh);
  }

  /** Where the flies of the last episode went, what they were commanded and what they smelt (copies). */
  public Trajectory trajectory() {
    return path(copy(x), copy(y), copy(h), copy(readout.speed), copy(readout.turn), copy(odour), starts.x().clone(),
        starts.y().clone(), starts.heading().clone(), starts.blank().clone());
  }

  private Trajectory path(double[][] px, double[][] py, double[][] ph, double[][] speed, double[][] turn,
      double[][] smelt, double[] sx, double[] sy, double[] sh, boolean[] blank) {
    return new Trajectory(px, py, ph, speed, turn, smelt, sx, sy, sh, blank, task.source().x().si(), task.source().y().si(),
        dt, task.wind() == null ? 0 : task.wind().speed().si(), task.wind() == null ? 0 : task.wind().from().si());
  }

  /**
   * The plume as the flies met it, for pictures: concentration averaged over the last episode for fly
   * 0 on a grid of {@code nx × ny} cells over the arena ({@code [ny][nx]}).
   */
  public double[][] plumePicture(int nx, int ny) {
    return plume.picture(width, height, nx, ny, steps, 60);
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
