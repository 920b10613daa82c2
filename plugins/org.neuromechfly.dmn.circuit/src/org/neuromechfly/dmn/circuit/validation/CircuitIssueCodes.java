package org.neuromechfly.dmn.circuit.validation;

/**
 * Issue codes of every diagnostic the language reports. Codes are stable API: quick fixes, the
 * invalid-model corpus and the CLI's {@code [code]} suffix refer to them.
 */
public final class CircuitIssueCodes {
  private CircuitIssueCodes() {}

  private static final String PREFIX = "org.neuromechfly.dmn.circuit.";

  // units
  public static final String MISSING_UNIT = PREFIX + "missing_unit";
  public static final String UNKNOWN_UNIT = PREFIX + "unknown_unit";
  public static final String WRONG_DIMENSION = PREFIX + "wrong_dimension";
  public static final String UNEXPECTED_UNIT = PREFIX + "unexpected_unit";

  // files
  /** A file without a model: nothing but whitespace and comments. */
  public static final String EMPTY_MODEL = PREFIX + "empty_model";
  /** A file whose bytes are not UTF-8. */
  public static final String NOT_UTF8 = PREFIX + "not_utf8";

  // names and structure
  public static final String DUPLICATE_NAME = PREFIX + "duplicate_name";
  public static final String DUPLICATE_SETTING = PREFIX + "duplicate_setting";
  public static final String DUPLICATE_BLOCK = PREFIX + "duplicate_block";
  public static final String DUPLICATE_PROJECTION = PREFIX + "duplicate_projection";
  public static final String UNKNOWN_CHOICE = PREFIX + "unknown_choice";
  public static final String VALUE_OUT_OF_RANGE = PREFIX + "value_out_of_range";
  /** A written number its place cannot hold (reported by the parser; the value stays unset). */
  public static final String NUMBER_OUT_OF_RANGE = PREFIX + "number_out_of_range";
  /** A check failed on this element: a bug in the language, reported in place of a stack trace. */
  public static final String INTERNAL_ERROR = PREFIX + "internal_error";

  // populations
  public static final String MISSING_COUNT = PREFIX + "missing_count";
  public static final String INVALID_COUNT = PREFIX + "invalid_count";

  // connectivity
  public static final String COUNT_MISMATCH = PREFIX + "count_mismatch";
  public static final String FAN_IN_TOO_LARGE = PREFIX + "fan_in_too_large";
  public static final String SIGN_CONFLICT = PREFIX + "sign_conflict";
  public static final String QUERY_FILTER_TYPE = PREFIX + "query_filter_type";
  public static final String DUPLICATE_FILTER = PREFIX + "duplicate_filter";

  // task and losses
  public static final String MISSING_TASK_SETTING = PREFIX + "missing_task_setting";
  /** The fly cannot reach the goal from any start within an episode. */
  public static final String TASK_IMPOSSIBLE = PREFIX + "task_impossible";
  /** A delay as long as the episode or longer: what it delays never arrives. */
  public static final String DELAY_TOO_LONG = PREFIX + "delay_too_long";
  /** Training would need more memory than arrays (or this Java VM) can hold. */
  public static final String TOO_LARGE_TO_TRAIN = PREFIX + "too_large_to_train";
  public static final String SLICE_OUT_OF_RANGE = PREFIX + "slice_out_of_range";
  public static final String OUTSIDE_ARENA = PREFIX + "outside_arena";
  public static final String EMPTY_BAND = PREFIX + "empty_band";
  public static final String DUPLICATE_LOSS = PREFIX + "duplicate_loss";
  public static final String NO_TASK_FOR_LOSS = PREFIX + "no_task_for_loss";

  // reference data
  public static final String UNKNOWN_CELL_TYPE = PREFIX + "unknown_cell_type";
  /** An imported population whose cell type is not named yet: the reference checks skip it. */
  public static final String UNMAPPED_CELL_TYPE = PREFIX + "unmapped_cell_type";
  public static final String SIGN_CONTRADICTS_TRANSMITTER = PREFIX + "sign_contradicts_transmitter";
  public static final String TAU_OUT_OF_RANGE = PREFIX + "tau_out_of_range";
  public static final String THRESHOLD_OUT_OF_RANGE = PREFIX + "threshold_out_of_range";
  public static final String COUNT_FAR_FROM_REFERENCE = PREFIX + "count_far_from_reference";
  public static final String UNKNOWN_PROJECTION = PREFIX + "unknown_projection";
  public static final String SPARSITY_OUT_OF_RANGE = PREFIX + "sparsity_out_of_range";
  public static final String REFERENCE_UNREADABLE = PREFIX + "reference_unreadable";
  public static final String EMPTY_CONNECTOME_QUERY = PREFIX + "empty_connectome_query";
  public static final String CONNECTOME_COUNT_MISMATCH = PREFIX + "connectome_count_mismatch";
  public static final String CONNECTOME_UNAVAILABLE = PREFIX + "connectome_unavailable";
  /** A glomerulus table used as synapses, a synapse connectome used as a glomerulus table, or a map without connectome cells. */
  public static final String GLOMERULUS_MAP_MISUSE = PREFIX + "glomerulus_map_misuse";
  /** The connectome path is invalid or outside the data directory, or its data cannot be read. */
  public static final String CONNECTOME_UNREADABLE = PREFIX + "connectome_unreadable";

  // export targets
  public static final String TARGET_UNSUPPORTED = PREFIX + "target_unsupported";
  public static final String TARGET_LIMIT_EXCEEDED = PREFIX + "target_limit_exceeded";
  public static final String ENGINE_UNSUPPORTED = PREFIX + "engine_unsupported";
  public static final String ENGINE_LIMIT_EXCEEDED = PREFIX + "engine_limit_exceeded";
  /** A model trained for hardware ({@code target loihi2}) uses what the hardware cannot run. */
  public static final String HARDWARE_TARGET_UNSUPPORTED = PREFIX + "hardware_target_unsupported";

  // sweeps
  public static final String SWEEP_VALUE = PREFIX + "sweep_value";
  public static final String EMPTY_SWEEP = PREFIX + "empty_sweep";
  public static final String LARGE_SWEEP = PREFIX + "large_sweep";
  public static final String SWEEP_NO_PLACE = PREFIX + "sweep_no_place";

  /** The short form shown to users: {@code missing_unit}. */
  // whole-brain models and stimulus experiments
  /** A population's connectome selection selects no neuron. */
  public static final String EMPTY_SELECTION = PREFIX + "empty_selection";
  /** {@code sign per_neuron} on a projection whose rule has no connectome data. */
  public static final String SIGN_NEEDS_DATA = PREFIX + "sign_needs_data";
  /** A setting of one task kind in a task of another. */
  public static final String WRONG_TASK_SETTING = PREFIX + "wrong_task_setting";
  /** A stimulus or silencing names neurons that are not in the population's data. */
  public static final String UNKNOWN_NEURON = PREFIX + "unknown_neuron";

  public static String shortCode(String code) {
    return code != null && code.startsWith(PREFIX) ? code.substring(PREFIX.length()) : code;
  }
}
