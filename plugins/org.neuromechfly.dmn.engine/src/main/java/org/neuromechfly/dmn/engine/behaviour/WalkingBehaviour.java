package org.neuromechfly.dmn.engine.behaviour;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.behaviour.BehaviourMeasure.Verdict;
import org.neuromechfly.dmn.engine.world.Trajectory;

/**
 * The trajectory measures the walking-fly literature uses, computed on simulated flies the way the
 * papers compute them on real ones, each beside the published value it is compared with. Sources:
 * Álvarez-Salvado et al. 2018 (eLife 7:e37815, "AS18": 50 Hz tracking, moving frames &gt; 1 mm/s,
 * curvature turns) and Demir et al. 2020 (eLife 9:e57524, "D20": encounters, saccades, stops). Where
 * a paper gives only the direction of a change (figure values not in the text), the comparison is of
 * the direction. Measures need conditions the flies may never meet (no encounter, no wind): then the
 * value is NaN and the verdict {@link Verdict#NOT_COMPARED}.
 */
public final class WalkingBehaviour {
  /** Tracking frame of AS18, seconds (50 Hz). */
  static final double FRAME = 0.020;
  /** AS18: frames slower than this are stationary and left out of gait measures, m/s. */
  static final double MOVING = 1e-3;
  /** D20: a stop is slower than this for at least {@link #STOP_TIME}, m/s. */
  static final double STOP_SPEED = 2e-3;
  static final double STOP_TIME = 0.300;
  /** D20: a saccade turns faster than this for at least {@link #SACCADE_TIME}, rad/s. */
  static final double SACCADE_RATE = Math.toRadians(200);
  static final double SACCADE_TIME = 0.020;
  /** AS18: a turning frame has a curvature above this, rad/m (20 deg/mm). */
  static final double TURN_CURVATURE = Math.toRadians(20) / 1e-3;
  /** Frames within this time after an encounter onset count as "in odour", seconds. */
  static final double IN_ODOUR = 1.0;
  /** Frames this long after the end of the last encounter count as "after odour loss" (AS18: 1–3 s). */
  static final double LOSS_FROM = 1.0;
  static final double LOSS_TO = 3.0;

  private WalkingBehaviour() {}

  /**
   * @param tr the held-out flies' paths in odour
   * @param clean held-out blank trials (clean air, no odour), or {@code null}: then clean air is what the
   *     odour trials walked more than 1 s after an encounter onset, or before the first
   * @param successRadius closest approach that counts as reaching the source, metres
   * @param encounterThreshold concentration above which the fly meets odour (relative to the source peak)
   */
  public static List<BehaviourMeasure> of(Trajectory tr, Trajectory clean, double successRadius,
      double encounterThreshold) {
    Accumulator a = new Accumulator(tr, encounterThreshold);
    Accumulator blank = clean == null ? null : new Accumulator(clean, encounterThreshold);
    Mean upwindClean = blank != null ? blank.upwindAll : a.upwindClean;
    String cleanFrames = blank != null ? "frames of blank trials (clean air)"
        : "frames more than 1 s after the last encounter onset, or before the first";
    List<BehaviourMeasure> out = new ArrayList<>();
    out.add(range("ground_speed", "mean ground speed", a.speedAll.mean() * 1e3, "mm/s",
        Reference.range("6 mm/s (AS18, moving frames, 11.9 cm/s wind); 10.1 mm/s (D20, 150 mm/s wind): 5–20 mm/s",
            5, 20, "Álvarez-Salvado et al. 2018, Table 2; Demir et al. 2020, Methods",
            "distance between positions 20 ms apart (50 Hz tracking), all frames")));
    out.add(range("ground_speed_moving", "ground speed while moving", a.speedMoving.mean() * 1e3, "mm/s",
        Reference.range("6 mm/s baseline, moving frames (> 1 mm/s)", 3, 12, "Álvarez-Salvado et al. 2018, Table 2",
            "frames faster than 1 mm/s (AS18)")));
    out.add(new BehaviourMeasure("walking_fraction", "fraction of time walking (odour trials)", a.walking.mean(), "",
        Reference.qualitative("flies walk more in odour than in clean air", "Álvarez-Salvado et al. 2018,"
            + " Fig 3—figure supplement 1B; Demir et al. 2020, Figs 5, 6", "stops: speed below 2 mm/s for at least 300 ms"
            + " (D20)"), Verdict.NOT_COMPARED));
    if (blank != null) {
      out.add(range("walking_fraction_clean", "fraction of time walking in clean air", blank.walking.mean(), "",
          Reference.range("≈ 0.27 (derived from the walk/stop transition rates, not measured): 0.1–0.6", 0.1, 0.6,
              "Demir et al. 2020, Figs 5D, 6D (0.78 and 0.29 per s)",
              "blank trials; stops: speed below 2 mm/s for at least 300 ms (D20)")));
      out.add(direction("walking_more_in_odour", "fraction walking in odour − in clean air",
          a.walking.mean(), blank.walking.mean(), true, "",
          Reference.qualitative("higher in odour: odour raises the probability of moving and each encounter makes"
              + " stopping less likely", "Álvarez-Salvado et al. 2018, Fig 3—figure supplement 1B; Demir et al. 2020,"
              + " Fig 5D", "walking fractions of odour and blank trials")));
    }
    out.add(direction("upwind_velocity", "upwind velocity in odour − in clean air",
        a.upwindOdour.mean() * 1e3, upwindClean.mean() * 1e3, true, "mm/s",
        Reference.qualitative("higher in odour than in clean air (p = 2e-12); lost without wind sensing",
            "Álvarez-Salvado et al. 2018, Figs 1F, 2A",
            "velocity along the upwind direction over all frames (AS18 averages moving frames only); in odour:"
                + " within 1 s of an encounter onset")));
    out.add(new BehaviourMeasure("upwind_velocity_odour", "upwind velocity in odour", a.upwindOdour.mean() * 1e3,
        "mm/s", Reference.qualitative("rises during odour; values only in figures", "Álvarez-Salvado et al. 2018, Fig 1F",
            "frames within 1 s of an encounter onset"), Verdict.NOT_COMPARED));
    out.add(new BehaviourMeasure("upwind_velocity_clean", "upwind velocity in clean air", upwindClean.mean() * 1e3,
        "mm/s", Reference.qualitative("near 0 before odour; values only in figures", "Álvarez-Salvado et al. 2018, Fig 1F",
            cleanFrames), Verdict.NOT_COMPARED));
    out.add(range("saccade_rate", "saccades per second", a.saccadeRate(), "1/s",
        Reference.range("1.3 per s (inter-saccade time 0.75 ± 0.17 s), not changed by odour", 1.0, 1.8,
            "Demir et al. 2020, Fig 4C", "|angular velocity| above 200 deg/s for at least 20 ms")));
    out.add(direction("turn_probability", "turn probability after odour loss − during odour",
        a.turnAfterLoss.mean(), a.turnDuringOdour.mean(), true, "",
        Reference.qualitative("rises after odour loss (local search, p = 7e-14); falls during odour",
            "Álvarez-Salvado et al. 2018, Fig 1G",
            "fraction of moving frames with curvature above 20 deg/mm; after loss: 1–3 s after the last encounter")));
    out.add(range("encounter_rate", "odour encounters per second", a.encounterRate(), "Hz",
        Reference.range("~4 Hz, each ~200 ms, in a turbulent plume", 1, 6, "Demir et al. 2020, Results",
            "odour above threshold for at least 50 ms")));
    out.add(range("encounter_duration", "mean encounter duration", a.encounterDuration.mean() * 1e3, "ms",
        Reference.range("~200 ms", 50, 500, "Demir et al. 2020, Results", "odour above threshold for at least 50 ms")));
    out.add(range("intermittency", "fraction of time in odour", a.inOdour.mean(), "",
        Reference.range("≈ 0.11 (spanning ~1.5 decades)", 0.02, 0.4, "Demir et al. 2020, Fig 1—figure supplement 3B",
            "fraction of time with odour above threshold")));
    out.add(new BehaviourMeasure("first_encounter", "time to the first encounter", a.firstEncounter.mean(), "s",
        Reference.none("mean over flies that met odour"), Verdict.NOT_COMPARED));
    out.add(new BehaviourMeasure("straightness", "path straightness (net displacement / path length)",
        a.straightness.mean(), "", Reference.none("over the whole episode"), Verdict.NOT_COMPARED));
    out.add(new BehaviourMeasure("success", "fraction reaching the source", a.success(successRadius), "",
        Reference.qualitative("56 % within 20 mm (10 cm/s wind, AS18); 10.5 % within 15 mm (complex plume, D20)",
            "Álvarez-Salvado et al. 2018, Results; Demir et al. 2020, Results",
            "closest approach within the task's success radius"), Verdict.NOT_COMPARED));
    return out;
  }

  private static BehaviourMeasure range(String key, String name, double value, String unit, Reference ref) {
    Verdict v = Double.isNaN(value) ? Verdict.NOT_COMPARED
        : value >= ref.low() && value <= ref.high() ? Verdict.WITHIN : Verdict.OUTSIDE;
    return new BehaviourMeasure(key, name, value, unit, ref, v);
  }

  /** A difference whose sign the paper gives: {@code first − second} should be positive when {@code higher}. */
  private static BehaviourMeasure direction(String key, String name, double first, double second, boolean higher,
      String unit, Reference ref) {
    double d = first - second;
    Verdict v = Double.isNaN(d) ? Verdict.NOT_COMPARED
        : (d > 0) == higher ? Verdict.AS_PUBLISHED : Verdict.NOT_AS_PUBLISHED;
    return new BehaviourMeasure(key, name, d, unit, ref, v);
  }

  /** Ground speeds of every 20 ms frame of every fly, m/s (for the distribution plot). */
  public static double[] groundSpeeds(Trajectory tr) {
    int f = frame(tr.dt());
    int frames = (tr.steps() - 1) / f;
    double[] v = new double[tr.batch() * frames];
    for (int b = 0; b < tr.batch(); b++) {
      for (int k = 0; k < frames; k++) {
        v[b * frames + k] = Math.hypot(tr.x()[b][(k + 1) * f] - tr.x()[b][k * f], tr.y()[b][(k + 1) * f] - tr.y()[b][k * f])
            / (f * tr.dt());
      }
    }
    return v;
  }

  static int frame(double dt) {
    return Math.max(1, (int) Math.round(FRAME / dt));
  }

  /** Means over flies and frames, kept apart by condition. */
  private static final class Accumulator {
    final Trajectory tr;
    final Mean speedAll = new Mean();
    final Mean speedMoving = new Mean();
    final Mean walking = new Mean();
    final Mean upwindOdour = new Mean();
    final Mean upwindClean = new Mean();
    final Mean upwindAll = new Mean();
    final Mean turnDuringOdour = new Mean();
    final Mean turnAfterLoss = new Mean();
    final Mean encounterDuration = new Mean();
    final Mean inOdour = new Mean();
    final Mean firstEncounter = new Mean();
    final Mean straightness = new Mean();
    int saccades;
    int encounters;

    Accumulator(Trajectory tr, double threshold) {
      this.tr = tr;
      int f = frame(tr.dt());
      double frameTime = f * tr.dt();
      double upX = Math.cos(tr.windFrom());
      double upY = Math.sin(tr.windFrom());
      boolean wind = tr.windSpeed() > 0;
      for (int b = 0; b < tr.batch(); b++) {
        double[] x = tr.x()[b];
        double[] y = tr.y()[b];
        Encounters enc = Encounters.of(tr.odour()[b], threshold, tr.dt());
        double[] sinceOnset = enc.sinceOnset(tr.steps(), tr.dt());
        double[] sinceEnd = enc.sinceEnd(tr.steps(), tr.dt());
        encounters += enc.count();
        for (int k = 0; k < enc.count(); k++) {
          encounterDuration.add((enc.ends()[k] - enc.onsets()[k]) * tr.dt());
        }
        if (enc.count() > 0) {
          firstEncounter.add(enc.onsets()[0] * tr.dt());
        }
        int above = 0;
        for (double c : tr.odour()[b]) {
          above += c > threshold ? 1 : 0;
        }
        inOdour.add((double) above / tr.steps());
        int frames = (tr.steps() - 1) / f;
        for (int k = 0; k < frames; k++) {
          int t0 = k * f;
          int t1 = t0 + f;
          double dx = x[t1] - x[t0];
          double dy = y[t1] - y[t0];
          double v = Math.hypot(dx, dy) / frameTime;
          speedAll.add(v);
          boolean odour = sinceOnset[t0] <= IN_ODOUR;
          boolean lost = sinceEnd[t0] >= LOSS_FROM && sinceEnd[t0] <= LOSS_TO;
          if (wind) {
            // every frame: a fly that stands still makes no upwind progress (AS18 averages moving frames)
            double up = (dx * upX + dy * upY) / frameTime;
            (odour ? upwindOdour : upwindClean).add(up);
            upwindAll.add(up);
          }
          if (v <= MOVING) {
            continue;
          }
          speedMoving.add(v);
          double omega = Math.abs(tr.heading()[b][t1] - tr.heading()[b][t0]) / frameTime;
          double turning = omega / v > TURN_CURVATURE ? 1 : 0;
          if (odour) {
            turnDuringOdour.add(turning);
          } else if (lost) {
            turnAfterLoss.add(turning);
          }
        }
        walking.add(1 - stoppedFraction(x, y));
        saccades += saccades(tr.heading()[b], tr.startHeading()[b], tr.dt());
        double length = 0;
        double px = tr.startX()[b];
        double py = tr.startY()[b];
        for (int t = 0; t < tr.steps(); t++) {
          length += Math.hypot(x[t] - px, y[t] - py);
          px = x[t];
          py = y[t];
        }
        double net = Math.hypot(x[tr.steps() - 1] - tr.startX()[b], y[tr.steps() - 1] - tr.startY()[b]);
        if (length > 0) {
          straightness.add(net / length);
        }
      }
    }

    /** D20: speed smoothed over 0.3 s below 2 mm/s for at least 300 ms. */
    private double stoppedFraction(double[] x, double[] y) {
      int window = Math.max(1, (int) Math.round(STOP_TIME / tr.dt()));
      int n = x.length;
      boolean[] slow = new boolean[n];
      for (int t = window; t < n; t++) {
        slow[t] = Math.hypot(x[t] - x[t - window], y[t] - y[t - window]) / (window * tr.dt()) < STOP_SPEED;
      }
      int stopped = 0;
      int run = 0;
      for (int t = 0; t <= n; t++) {
        if (t < n && slow[t]) {
          run++;
        } else {
          if (run >= window) {
            stopped += run;
          }
          run = 0;
        }
      }
      return (double) stopped / n;
    }

    /** D20: runs of |ω| above 200 deg/s lasting at least 20 ms. */
    private int saccades(double[] heading, double start, double dt) {
      int min = Math.max(1, (int) Math.round(SACCADE_TIME / dt));
      int count = 0;
      int run = 0;
      double previous = start;
      for (int t = 0; t <= heading.length; t++) {
        boolean fast = t < heading.length && Math.abs(heading[t] - previous) / dt > SACCADE_RATE;
        if (t < heading.length) {
          previous = heading[t];
        }
        if (fast) {
          run++;
        } else {
          if (run >= min) {
            count++;
          }
          run = 0;
        }
      }
      return count;
    }

    double saccadeRate() {
      return saccades / (tr.batch() * tr.steps() * tr.dt());
    }

    double encounterRate() {
      return encounters / (tr.batch() * tr.steps() * tr.dt());
    }

    double success(double radius) {
      int reached = 0;
      for (int b = 0; b < tr.batch(); b++) {
        double best = Double.MAX_VALUE;
        for (int t = 0; t < tr.steps(); t++) {
          best = Math.min(best, tr.distance(b, t));
        }
        reached += best <= radius ? 1 : 0;
      }
      return (double) reached / tr.batch();
    }
  }

  /** A running mean that is NaN when empty. */
  private static final class Mean {
    private double sum;
    private long n;

    void add(double v) {
      sum += v;
      n++;
    }

    double mean() {
      return n == 0 ? Double.NaN : sum / n;
    }
  }
}
