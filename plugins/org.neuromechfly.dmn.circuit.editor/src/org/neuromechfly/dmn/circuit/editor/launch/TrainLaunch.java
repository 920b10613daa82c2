package org.neuromechfly.dmn.circuit.editor.launch;

import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/** The "Circuit training" launch configuration type and its attributes. */
public final class TrainLaunch {
  public static final String TYPE = CircuitEditorPlugin.PLUGIN_ID + ".train";
  /** Workspace path of the model to train. */
  public static final String MODEL = CircuitEditorPlugin.PLUGIN_ID + ".model";
  /** Episodes to train; 0 means what the model's training block says. */
  public static final String EPISODES = CircuitEditorPlugin.PLUGIN_ID + ".episodes";
  /** Training engine, "fused" or "samediff"; empty means the model's. */
  public static final String ENGINE = CircuitEditorPlugin.PLUGIN_ID + ".engine";
  /** Batch shards trained in parallel. */
  public static final String THREADS = CircuitEditorPlugin.PLUGIN_ID + ".threads";
  /** Set on a launch: the workspace path of the run folder it writes. */
  public static final String RUN_FOLDER = CircuitEditorPlugin.PLUGIN_ID + ".runFolder";

  private TrainLaunch() {}
}
