package org.neuromechfly.dmn.analysis;

import java.nio.file.Path;
import org.neuromechfly.dmn.analysis.report.RunReport;
import org.neuromechfly.dmn.analysis.run.RunProvenance;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * What {@code dmn train} adds to a run folder once training returns: the provenance of the wiring it
 * trained ({@value RunFolder#CONNECTOME}, written from the very wiring in memory) and the run report.
 */
public final class AfterTraining {
  private AfterTraining() {}

  /**
   * @param runDir the run folder training wrote
   * @param wiring the wiring it trained
   * @return the report written
   */
  public static Path write(Path runDir, CircuitWiring wiring) {
    RunFolder folder = RunFolder.existing(runDir);
    RunProvenance.write(folder, wiring);
    return RunReport.write(runDir);
  }
}
